import type { WorkQueueResponse } from '@phoi-hop/contracts';
import type { OwedOpinionRow } from './consultation.repository';

/** The opinions `agencyCode` owes as work-queue items; one is overdue once its deadline is before `now` (ms). */
export function toOpinionQueueResponse(rows: OwedOpinionRow[], agencyCode: string, now: number): WorkQueueResponse {
  return {
    totalCount: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      kind: 'OPINION',
      caseId: r.case_id,
      caseNumber: r.case_number,
      caseStatus: null,
      severity: r.severity,
      owedBy: agencyCode,
      deadline: r.deadline ? r.deadline.toISOString() : null,
      overdue: r.deadline ? r.deadline.getTime() < now : false,
      actionId: null,
      actionType: null,
      consultationId: r.id,
    })),
  };
}
