import { Injectable } from '@nestjs/common';
import type {
  Actor,
  CaseDto,
  CaseGetRequest,
  CaseListRequest,
  CaseListResponse,
  CaseReportStatsRequest,
  CaseReportStatsResponse,
  CaseReportsRequest,
  CaseReportsResponse,
} from '@phoi-hop/contracts';
import { CursorFields, decodeCursor, encodeCursor } from '@phoi-hop/contracts';
import { DataSource } from 'typeorm';
import { CASE_WIDE_ROLES, hasAnyRole, mayReadRestricted, maySeeCase } from '@phoi-hop/auth';
import { appendAudit } from '@phoi-hop/persistence';
import { CaseError } from './case.errors';
import { accessFactsOf, isRestrictedAction, severitySuggestionOf, toCaseDto, toReportDto } from './case.mapper';
import { CaseRepository, type CaseListCursor } from './case.repository';
import { caseSearchTerms } from './case-search';
import { viewerAccessOf } from './case-access';

/** Reads of cases, each filtered by who may see it: reporters, participants, leadership. */
@Injectable()
export class CaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  async get(actor: Actor, request: CaseGetRequest): Promise<CaseDto> {
    const id = request.id ?? (request.number ? await this.cases.idOfNumber(request.number.toUpperCase()) : null);
    const loaded = id ? await this.cases.loadCase(null, id, request.withReports ?? true) : null;
    if (!loaded || !maySeeCase(actor, loaded.entity.visibleAgencies)) throw CaseError.notFound();
    const restricted = loaded.handling.actions.filter(isRestrictedAction);
    if (restricted.length === 0 || !mayReadRestricted(actor, 'policeReferral')) return toCaseDto(loaded, { viewer: actor });
    // A look at restricted data is on the record before it is shown (every read of restricted data is audited).
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, {
        actor,
        action: 'restricted.read',
        targetType: 'case',
        targetId: loaded.entity.id,
        summary: { data: 'policeReferral', actionIds: restricted.map((a) => a.id) },
      }),
    );
    return toCaseDto(loaded, { viewer: actor, revealRestricted: true });
  }

  async list(actor: Actor, request: CaseListRequest): Promise<CaseListResponse> {
    const search = request.text ? caseSearchTerms(request.text) : undefined;
    const after = request.after ? caseListAfter(request.after, search !== undefined) : undefined;
    const filter = {
      agencyCode: hasAnyRole(actor, CASE_WIDE_ROLES) ? null : actor.agencyCode,
      ...(request.status ? { status: request.status } : {}),
      ...(request.categoryCode ? { categoryCode: request.categoryCode } : {}),
      ...(request.severity ? { severity: request.severity } : {}),
      ...(request.localityCode ? { localityCode: request.localityCode } : {}),
      ...(request.agencyCode ? { onAgency: request.agencyCode } : {}),
      ...(request.openedFrom ? { openedFrom: request.openedFrom } : {}),
      ...(request.openedTo ? { openedTo: request.openedTo } : {}),
      ...(request.overdue !== undefined ? { overdue: request.overdue } : {}),
      ...(search ? { search } : {}),
    };
    const [rows, totalCount] = await Promise.all([
      this.cases.list({ ...filter, limit: request.first + 1, withReports: request.withReports ?? true, ...(after ? { after } : {}) }),
      request.withTotalCount ? this.cases.count(filter) : Promise.resolve(null),
    ]);
    const page = rows.slice(0, request.first);
    const edges = page.map((row) => ({
      cursor: encodeCursor({ ...(row.rank === undefined ? {} : { rank: row.rank }), openedAt: new Date(row.entity.openedAt).toISOString(), id: row.entity.id }),
      node: toCaseDto(row, { viewer: actor }),
      ...(row.rank === undefined ? {} : { rank: row.rank }),
    }));
    return { edges, hasNextPage: rows.length > request.first, endCursor: edges.at(-1)?.cursor ?? null, totalCount };
  }

  /** A page of each case's reports, oldest first, with how many there are (`intake.case.reports`). */
  reports(actor: Actor, request: CaseReportsRequest): Promise<CaseReportsResponse> {
    return reportPagesFor(this.cases, actor, request);
  }

  /** How many reports each case has and the severity their spread suggests, counted in SQL. */
  async reportStats(actor: Actor, request: CaseReportStatsRequest): Promise<CaseReportStatsResponse> {
    const ids = await visibleIds(this.cases, actor, request.caseIds);
    const [spread, entities] = await Promise.all([this.cases.spreadOfCases(ids), this.cases.severitiesOf(ids)]);
    const empty = { reports: 0, reportingAgencies: 0, localities: 0, maxReportedReach: null };
    return {
      stats: request.caseIds
        .filter((id) => entities.has(id))
        .map((caseId) => {
          const signals = spread.get(caseId) ?? empty;
          return { caseId, reportCount: signals.reports, severitySuggestion: severitySuggestionOf(entities.get(caseId)!, signals) };
        }),
    };
  }
}

/** Pages of the reports of the cases the actor may see; a case it may not see reads as one without reports. */
export async function reportPagesFor(cases: CaseRepository, actor: Actor, request: CaseReportsRequest): Promise<CaseReportsResponse> {
  const ids = await visibleIds(cases, actor, request.caseIds);
  const after = request.after ? decodeCursor(request.after, REPORT_PAGE) : undefined;
  const ownOnly = await reporterOnlyCases(cases, actor, ids);
  const [pages, counts] = await Promise.all([
    cases.reportPages(ids, request.first + 1, after ? { at: after.submittedAt, id: after.id } : undefined, ownOnly),
    cases.reportCounts(ids, ownOnly),
  ]);
  return {
    pages: request.caseIds.map((caseId) => {
      const reports = pages.get(caseId) ?? [];
      const edges = reports
        .slice(0, request.first)
        .map((report) => ({ cursor: encodeCursor({ submittedAt: new Date(report.submittedAt).toISOString(), id: report.id }), node: toReportDto(report) }));
      return { caseId, edges, totalCount: counts.get(caseId) ?? 0, hasNextPage: reports.length > request.first, endCursor: edges.at(-1)?.cursor ?? null };
    }),
  };
}

/**
 * Need-to-know: the cases of `ids` on which the actor's agency only reported the content (it is
 * neither a participant nor an assignee), each with that agency: it reads its own reports there.
 */
async function reporterOnlyCases(cases: CaseRepository, actor: Actor, ids: string[]): Promise<Map<string, string>> {
  const ownOnly = new Map<string, string>();
  if (ids.length === 0 || hasAnyRole(actor, CASE_WIDE_ROLES)) return ownOnly;
  const loaded = await cases.loadCases(null, ids, false);
  for (const [id, kase] of loaded) if (viewerAccessOf(actor, accessFactsOf(kase)) === 'REPORTER') ownOnly.set(id, actor.agencyCode);
  return ownOnly;
}

async function visibleIds(cases: CaseRepository, actor: Actor, caseIds: string[]): Promise<string[]> {
  const visible = await cases.visibleAgenciesOf([...new Set(caseIds)]);
  return [...visible].filter(([, agencies]) => maySeeCase(actor, agencies)).map(([id]) => id);
}

/** The page end of a plain list of cases, of a search (which also carries the rank), and of a case's reports. */
const CASE_PAGE = { openedAt: CursorFields.instant, id: CursorFields.uuid } as const;
const RANKED_CASE_PAGE = { rank: CursorFields.finite, openedAt: CursorFields.instant, id: CursorFields.uuid } as const;
const REPORT_PAGE = { submittedAt: CursorFields.instant, id: CursorFields.uuid } as const;

/** A search's cursor carries a rank, a plain list's does not: each refuses the other's. */
function caseListAfter(after: string, ranked: boolean): CaseListCursor {
  return ranked ? decodeCursor(after, RANKED_CASE_PAGE) : decodeCursor(after, CASE_PAGE);
}
