import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RpcSubjects, type CaseReportStatsDto, type CaseReportStatsResponse, type CaseReportsPage, type CaseReportsResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';

/** Per request: the reports of cases and their counts, loaded only when a query selects them, one NATS request per batch. */
export interface CaseReportLoaders {
  /** The page `first`/`after` of each case's reports (one loader per distinct pair of arguments). */
  reports(first: number, after: string | undefined): DataLoader<string, CaseReportsPage>;
  stats: DataLoader<string, CaseReportStatsDto | null>;
}

/** Reads a case's children from intake in batches: `cases(first: 100) { reports(first: 5) }` is one request, not a hundred. */
@Injectable()
export class CaseReportsReader {
  constructor(private readonly rpc: RpcClient) {}

  loaders(token: string): CaseReportLoaders {
    const pages = new Map<string, DataLoader<string, CaseReportsPage>>();
    return {
      reports: (first, after) => {
        const key = `${first}|${after ?? ''}`;
        let loader = pages.get(key);
        if (!loader) {
          loader = new DataLoader(async (caseIds: readonly string[]) => {
            const answer = await this.rpc.request<CaseReportsResponse>(RpcSubjects.intake.caseReports, { caseIds, first, ...(after ? { after } : {}) }, { token });
            const byCase = new Map(answer.pages.map((page) => [page.caseId, page]));
            return caseIds.map((id) => byCase.get(id) ?? { caseId: id, edges: [], totalCount: 0, hasNextPage: false, endCursor: null });
          }, { maxBatchSize: 100 });
          pages.set(key, loader);
        }
        return loader;
      },
      stats: new DataLoader(async (caseIds: readonly string[]) => {
        const answer = await this.rpc.request<CaseReportStatsResponse>(RpcSubjects.intake.caseReportStats, { caseIds }, { token });
        const byCase = new Map(answer.stats.map((stat) => [stat.caseId, stat]));
        return caseIds.map((id) => byCase.get(id) ?? null);
      }, { maxBatchSize: 100 }),
    };
  }
}
