import {
  REPORT_PERIOD_KIND_LABELS,
  isCalendarDay,
  type OpenReportPeriodRequest,
  type ReportPeriodKind,
  type ReportPeriodStatus,
  type ReportSectionStatus,
} from '@phoi-hop/contracts';
import { PeriodError } from './period.errors';

/** The longest period each kind may cover, in days (a six-month report spans at most 184 days, a year 366). */
const MAX_SPAN_DAYS: Record<ReportPeriodKind, number> = { SIX_MONTHLY: 184, ANNUAL: 366, AD_HOC: 366 };

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

export interface ValidOpening {
  deadline: Date;
  agencyCodes: string[];
  title: string;
}

/** Checks a new period: a real span within its kind's length, a deadline still ahead, distinct agencies. */
export function validateOpening(request: OpenReportPeriodRequest, now: Date): ValidOpening {
  if (!isCalendarDay(request.from)) throw PeriodError.badInput('from', 'from must be a day (YYYY-MM-DD)');
  if (!isCalendarDay(request.to)) throw PeriodError.badInput('to', 'to must be a day (YYYY-MM-DD)');
  const span = dayNumber(request.to) - dayNumber(request.from) + 1;
  if (span < 1) throw PeriodError.badInput('to', 'to must not be before from');
  if (span > MAX_SPAN_DAYS[request.kind]) {
    throw PeriodError.badInput('to', `A ${REPORT_PERIOD_KIND_LABELS[request.kind].en.toLowerCase()} covers at most ${MAX_SPAN_DAYS[request.kind]} days`);
  }
  const deadline = new Date(request.deadline);
  if (Number.isNaN(deadline.getTime())) throw PeriodError.badInput('deadline', 'deadline must be an ISO 8601 date-time');
  if (deadline.getTime() <= now.getTime()) throw PeriodError.badInput('deadline', 'deadline must be in the future');
  const agencyCodes = [...new Set(request.agencyCodes)].sort();
  if (agencyCodes.length !== request.agencyCodes.length) throw PeriodError.badInput('agencyCodes', 'each agency is named once');
  const title = request.title?.trim() || defaultTitle(request.kind, request.from, request.to);
  return { deadline, agencyCodes, title };
}

/** "Báo cáo 6 tháng (01/01/2026 – 30/06/2026)". */
export function defaultTitle(kind: ReportPeriodKind, from: string, to: string): string {
  const vn = (day: string) => day.split('-').reverse().join('/');
  return `${REPORT_PERIOD_KIND_LABELS[kind].vi} (${vn(from)} – ${vn(to)})`;
}

export interface DueDeadline {
  kind: 'REMINDER' | 'ESCALATION';
  dueAt: Date;
}

/** A reminder `leadMs` before the deadline (when that is still ahead) and the escalation at the deadline. */
export function deadlineSchedule(deadline: Date, now: Date, leadMs: number): DueDeadline[] {
  const reminderAt = new Date(deadline.getTime() - leadMs);
  return [...(reminderAt.getTime() > now.getTime() ? [{ kind: 'REMINDER' as const, dueAt: reminderAt }] : []), { kind: 'ESCALATION', dueAt: deadline }];
}

export interface SectionState {
  periodStatus: ReportPeriodStatus;
  deadline: Date;
  /** Null when the agency owes no section in this period. */
  sectionStatus: ReportSectionStatus | null;
}

/**
 * Whether an agency may save its section now, and as what: a draft until it submits, a revision
 * (a new submitted version) after. A submitted section is never turned back into a draft.
 */
export function checkSectionSave(state: SectionState, submit: boolean, now: Date): { late: boolean } {
  if (state.sectionStatus === null) throw PeriodError.forbidden('Your agency owes no section in this report period', 'periodId');
  if (state.periodStatus !== 'OPEN') throw PeriodError.invalidState('The report period is closed: the consolidated report has been issued');
  if (!submit && state.sectionStatus === 'SUBMITTED') throw PeriodError.invalidState('The section was submitted: save a revision with submit: true');
  return { late: submit && now.getTime() > state.deadline.getTime() };
}

/** A section says something: at least one of its three parts has text. */
export function checkSectionText(parts: { accomplishments: string; difficulties: string; proposals: string }, submit: boolean): void {
  const empty = [parts.accomplishments, parts.difficulties, parts.proposals].every((text) => text.trim() === '');
  if (submit && empty) throw PeriodError.badInput('accomplishments', 'A submitted section says what was done, the difficulties or the proposals');
}

/** The agencies that still owe a submitted section. */
export function pendingAgencies(sections: readonly { agencyCode: string; status: ReportSectionStatus }[]): string[] {
  return sections
    .filter((s) => s.status !== 'SUBMITTED')
    .map((s) => s.agencyCode)
    .sort();
}
