import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Roles, type Actor, type WorkItemDto, type WorkQueueRequest, type WorkQueueResponse } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

interface WorkItemRow {
  kind: WorkItemDto['kind'];
  case_id: string;
  number: string;
  status: WorkItemDto['caseStatus'];
  severity: WorkItemDto['severity'];
  owed_by: string;
  deadline: Date | null;
  action_id: string | null;
  action_type: WorkItemDto['actionType'];
  total: string;
}

/**
 * What the viewer's agency owes on cases: the handling actions assigned to it and not done (Đ5,
 * Đ6), and for the lead agency's coordinators the cases to triage and to decide (Đ4.2, Đ6.1),
 * each with the deadline it is held to; soonest first, those without a deadline last.
 */
@Injectable()
export class WorkQueueService {
  constructor(private readonly dataSource: DataSource) {}

  async queue(actor: Actor, request: WorkQueueRequest): Promise<WorkQueueResponse> {
    const coordinator = actor.roles.includes(Roles.COORDINATOR);
    const rows = await queryRows<WorkItemRow>(
      this.dataSource.manager,
      `WITH open_deadline AS (
         SELECT case_id, kind, action_id, min(deadline) AS deadline FROM case_deadline WHERE cancelled_at IS NULL GROUP BY case_id, kind, action_id),
       items AS (
         SELECT 'HANDLING_ACTION' AS kind, c.id AS case_id, c.number, c.status, c.severity, a.assignee_agency_code AS owed_by,
                COALESCE(d.deadline, ((a.due_date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')) AS deadline, a.id AS action_id, a.type AS action_type
           FROM handling_action a JOIN handling_case c ON c.id = a.case_id
           LEFT JOIN open_deadline d ON d.case_id = c.id AND d.kind = 'ACTION' AND d.action_id = a.id
          WHERE a.assignee_agency_code = $1 AND a.status <> 'DONE' AND c.status IN ('DECIDED', 'ACTING')
         UNION ALL
         SELECT CASE c.status WHEN 'OPEN' THEN 'TRIAGE' ELSE 'DECIDE' END, c.id, c.number, c.status, c.severity, $1,
                d.deadline, NULL::uuid, NULL::text
           FROM handling_case c
           LEFT JOIN open_deadline d ON d.case_id = c.id AND d.kind = CASE c.status WHEN 'OPEN' THEN 'TRIAGE' ELSE 'DECISION' END
          WHERE $2 AND c.status IN ('OPEN', 'TRIAGED', 'IN_CONSULTATION') AND c.visible_agencies @> ARRAY[$1::text])
       SELECT items.*, count(*) OVER () AS total FROM items ORDER BY deadline ASC NULLS LAST, number LIMIT $3`,
      [actor.agencyCode, coordinator, request.first],
    );
    const now = Date.now();
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
}
