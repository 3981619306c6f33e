import {
  DEFAULT_REPORT_CHANNEL,
  type Actor,
  type CaseDto,
  type HandlingActionDetailDto,
  type ParticipantDto,
  type ReportDto,
  type SeveritySuggestionDto,
} from '@phoi-hop/contracts';
import { allowedCaseActions, caseAccess, viewerAccessOf, type CaseAccessFacts } from './case-access';
import type { ReportEntity } from '../report/report.entity';
import type { CaseEntity, CaseParticipantEntity } from './case.entity';
import type { LoadedCase } from './case.repository';
import { suggestSeverity, type SpreadSignals } from './severity.rules';

/** Actions whose details are restricted data: a referral to the police. */
export function isRestrictedAction(action: Pick<HandlingActionDetailDto, 'type'>): boolean {
  return action.type === 'REFER_TO_POLICE';
}

const ROLE_ORDER = { LEAD: 0, PARTICIPANT: 1, INFORMED: 2 } as const;

export function toReportDto(report: ReportEntity): ReportDto {
  return {
    id: report.id,
    caseId: report.caseId,
    url: report.url,
    canonicalUrl: report.canonicalUrl,
    excerpt: report.excerpt,
    categoryCode: report.categoryCode,
    localityCode: report.localityCode,
    sectorCode: report.sectorCode,
    observedAt: report.observedAt ? new Date(report.observedAt).toISOString() : null,
    note: report.note,
    estimatedReach: report.estimatedReach ?? null,
    channel: report.channel ?? DEFAULT_REPORT_CHANNEL,
    reporterAgencyCode: report.reporterAgencyCode,
    submittedAt: new Date(report.submittedAt).toISOString(),
  };
}

export function toParticipantDto(participant: CaseParticipantEntity): ParticipantDto {
  return { agencyCode: participant.agencyCode, role: participant.role, basis: participant.basis };
}

export interface CaseViewOptions {
  /** Who reads the case: their agency's need-to-know shapes the view, and it says what they may do. */
  viewer?: Actor;
  /** Police referral details shown (the case read, for the roles allowed, with an audit entry). */
  revealRestricted?: boolean;
}

/** The action with its details, result, links and removal request withheld (restricted data, or need-to-know). */
export function withheldAction(action: HandlingActionDetailDto): HandlingActionDetailDto {
  return { ...action, details: null, result: null, links: [], removal: null, withheld: true };
}

/**
 * The case as its viewers see it. Police referral details are restricted data (Đ6.2): withheld
 * unless `revealRestricted`. Need-to-know: a viewer whose agency only reported the same content
 * sees its own reports and no agency's handling details (results, links, notes).
 */
export function toCaseDto(loaded: LoadedCase, options: CaseViewOptions = {}): CaseDto {
  const { entity, participants, reports, deadlines, handling, statusHistory } = loaded;
  const active = participants.filter((p) => !p.endedAt);
  const facts = accessFactsOf(loaded);
  const viewerAccess = options.viewer ? viewerAccessOf(options.viewer, facts) : 'FULL';
  const shownReports = !reports || viewerAccess === 'FULL' ? reports : reports.filter((r) => r.reporterAgencyCode === options.viewer!.agencyCode);
  return {
    id: entity.id,
    number: entity.number,
    status: entity.status,
    categoryCode: entity.categoryCode,
    severity: entity.severity,
    localityCode: entity.localityCode,
    sectorCode: entity.sectorCode,
    openedAt: new Date(entity.openedAt).toISOString(),
    reporterAgencyCode: entity.reporterAgencyCode,
    participants: active.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.agencyCode.localeCompare(b.agencyCode)).map(toParticipantDto),
    reports: shownReports ? [...shownReports].sort((a, b) => +new Date(a.submittedAt) - +new Date(b.submittedAt)).map(toReportDto) : [],
    // How widely it is reported is not any agency's internal note: a reporter-only view counts every report.
    ...(reports && shownReports && shownReports.length !== reports.length ? { reportCount: reports.length } : {}),
    possibleDuplicates: entity.possibleDuplicates,
    participantHistory: [...participants]
      .sort((a, b) => +new Date(a.assignedAt) - +new Date(b.assignedAt) || a.agencyCode.localeCompare(b.agencyCode))
      .map((p) => ({
        ...toParticipantDto(p),
        assignedAt: new Date(p.assignedAt).toISOString(),
        endedAt: p.endedAt ? new Date(p.endedAt).toISOString() : null,
        replacedBy: p.replacedBy ?? null,
      })),
    ...(reports ? { severitySuggestion: severitySuggestionOf(entity, spreadOf(reports)) } : {}),
    assignedOfficers: entity.assignedOfficers ?? [],
    triagedAt: entity.triagedAt ? new Date(entity.triagedAt).toISOString() : null,
    deadlines,
    mergedInto: entity.mergedInto ?? null,
    splitFrom: entity.splitFrom ?? null,
    referenceVersion: entity.referenceVersion ?? null,
    decisions: handling.decisions,
    actions: handling.actions.map((a) => (viewerAccess === 'REPORTER' || (!options.revealRestricted && isRestrictedAction(a)) ? withheldAction(a) : a)),
    statusHistory,
    outcome: entity.status === 'CLOSED' ? (statusHistory.findLast((c) => c.to === 'CLOSED')?.reason ?? null) : null,
    access: caseAccess(facts),
    ...(options.viewer ? { viewerAccess, viewerCan: allowedCaseActions(options.viewer, facts) } : {}),
  };
}

/** What decides who sees the case and what they may do to it. */
export function accessFactsOf({ entity, participants, reports, handling }: LoadedCase): CaseAccessFacts {
  const active = participants.filter((p) => !p.endedAt);
  return {
    status: entity.status,
    visibleAgencies: entity.visibleAgencies,
    participants: active,
    reporterAgencies: reports ? [...new Set(reports.map((r) => r.reporterAgencyCode))] : reportersWithoutReports(entity, active, handling.actions),
    actions: handling.actions,
    reportCount: reports ? reports.length : null,
    possibleDuplicateCount: entity.possibleDuplicates.length,
  };
}

/**
 * The reporting agencies of a case read without its reports: an agency sees a case because it is
 * responsible for it (a participant or an assignee) or because it reported the content, so a
 * visible agency with neither responsibility reported it; the first reporter is always one.
 */
function reportersWithoutReports(entity: CaseEntity, active: LoadedCase['participants'], actions: LoadedCase['handling']['actions']): string[] {
  const responsible = new Set([...active.map((p) => p.agencyCode), ...actions.map((a) => a.assigneeAgencyCode)]);
  const reporters = entity.visibleAgencies.filter((code) => !responsible.has(code));
  return entity.reporterAgencyCode && !reporters.includes(entity.reporterAgencyCode) ? [entity.reporterAgencyCode, ...reporters] : reporters;
}

/** The severity triage starts from: the category's default raised by the spread of the reports. */
export function severitySuggestionOf(entity: Pick<CaseEntity, 'defaultSeverity' | 'severity'>, spread: SpreadSignals): SeveritySuggestionDto {
  return suggestSeverity(entity.defaultSeverity ?? entity.severity, spread);
}

/** How far the reports of a case say its content has gone. */
export function spreadOf(reports: ReportEntity[]): SpreadSignals {
  const reaches = reports.map((r) => r.estimatedReach).filter((r): r is number => r !== null && r !== undefined);
  return {
    maxReportedReach: reaches.length ? Math.max(...reaches) : null,
    reports: reports.length,
    reportingAgencies: new Set(reports.map((r) => r.reporterAgencyCode)).size,
    localities: new Set(reports.map((r) => r.localityCode).filter(Boolean)).size,
  };
}

/** Case number: year and a sequence unique per year, e.g. QB-2026-000042. */
export function formatCaseNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}
