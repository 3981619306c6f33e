import { Injectable } from '@nestjs/common';
import type { Actor, CaseDto, CaseGetRequest, CaseListRequest, CaseListResponse, CaseReportStatsRequest, CaseReportStatsResponse, CaseReportsRequest, CaseReportsResponse } from '@phoi-hop/contracts';
import { DataSource } from 'typeorm';
import { CASE_WIDE_ROLES, hasAnyRole, mayReadRestricted, maySeeCase } from '@phoi-hop/auth';
import { appendAudit } from '@phoi-hop/persistence';
import { CaseError } from './case.errors';
import { isRestrictedAction, severitySuggestionOf, toCaseDto, toReportDto } from './case.mapper';
import { CaseRepository } from './case.repository';

/** Reads of cases, each filtered by who may see it: reporters, participants, leadership. */
@Injectable()
export class CaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  async get(actor: Actor, request: CaseGetRequest): Promise<CaseDto> {
    const id = request.id;
    const loaded = await this.cases.loadCase(null, id, request.withReports ?? true);
    if (!loaded || !maySeeCase(actor, loaded.entity.visibleAgencies)) throw CaseError.notFound();
    const restricted = loaded.handling.actions.filter(isRestrictedAction);
    if (restricted.length === 0 || !mayReadRestricted(actor, 'policeReferral')) return toCaseDto(loaded);
    // A look at restricted data is on the record before it is shown (every read of restricted data is audited).
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, { actor, action: 'restricted.read', targetType: 'case', targetId: id, summary: { data: 'policeReferral', actionIds: restricted.map((a) => a.id) } }),
    );
    return toCaseDto(loaded, true);
  }

  async list(actor: Actor, request: CaseListRequest): Promise<CaseListResponse> {
    const after = request.after ? decodeCursor(request.after) : undefined;
    const rows = await this.cases.list({
      agencyCode: hasAnyRole(actor, CASE_WIDE_ROLES) ? null : actor.agencyCode,
      ...(request.status ? { status: request.status } : {}),
      ...(request.categoryCode ? { categoryCode: request.categoryCode } : {}),
      limit: request.first + 1,
      withReports: request.withReports ?? true,
      ...(after ? { after } : {}),
    });
    const page = rows.slice(0, request.first);
    const edges = page.map((row) => ({
      cursor: encodeCursor(new Date(row.entity.openedAt).toISOString(), row.entity.id),
      node: toCaseDto(row),
    }));
    return { edges, hasNextPage: rows.length > request.first, endCursor: edges.at(-1)?.cursor ?? null };
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
  const after = request.after ? decodeCursor(request.after) : undefined;
  const [pages, spread] = await Promise.all([cases.reportPages(ids, request.first + 1, after ? { at: after.openedAt, id: after.id } : undefined), cases.spreadOfCases(ids)]);
  return {
    pages: request.caseIds.map((caseId) => {
      const reports = pages.get(caseId) ?? [];
      const edges = reports.slice(0, request.first).map((report) => ({ cursor: encodeCursor(new Date(report.submittedAt).toISOString(), report.id), node: toReportDto(report) }));
      return { caseId, edges, totalCount: spread.get(caseId)?.reports ?? 0, hasNextPage: reports.length > request.first, endCursor: edges.at(-1)?.cursor ?? null };
    }),
  };
}

async function visibleIds(cases: CaseRepository, actor: Actor, caseIds: string[]): Promise<string[]> {
  const visible = await cases.visibleAgenciesOf([...new Set(caseIds)]);
  return [...visible].filter(([, agencies]) => maySeeCase(actor, agencies)).map(([id]) => id);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(openedAt: string, id: string): string {
  return Buffer.from(`${openedAt}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { openedAt: string; id: string } {
  const [openedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!openedAt || !id || !UUID.test(id) || Number.isNaN(Date.parse(openedAt))) {
    throw CaseError.badInput('after', 'after is not a cursor of this list');
  }
  return { openedAt, id };
}
