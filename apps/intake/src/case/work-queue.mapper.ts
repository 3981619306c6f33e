import type { WorkQueueResponse } from '@phoi-hop/contracts';
import type { WorkItemRow } from './work-queue.repository';

/** A page of the work queue; an item is overdue once its deadline is before `now` (ms). */
export function toWorkQueueResponse(rows: WorkItemRow[], now: number): WorkQueueResponse {
  return {
    totalCount: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      kind: r.kind,
      caseId: r.case_id,
      caseNumber: r.number,
      caseStatus: r.status,
      severity: r.severity,
      owedBy: r.owed_by,
      deadline: r.deadline ? r.deadline.toISOString() : null,
      overdue: r.deadline ? r.deadline.getTime() < now : false,
      actionId: r.action_id,
      actionType: r.action_type,
      consultationId: null,
    })),
  };
}
