import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkItemDto } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

export interface WorkItemRow {
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

/** The work an agency owes on cases, with the deadline each item is held to. */
@Injectable()
export class WorkQueueRepository {
  /**
   * The open handling actions assigned to the agency and, for a coordinator (`coordinator`), the cases
   * it sees to triage and to decide; soonest deadline first, those without one last, with the total count.
   */
  async owedBy(manager: EntityManager, agencyCode: string, coordinator: boolean, first: number): Promise<WorkItemRow[]> {
    return queryRows<WorkItemRow>(
      manager,
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
      [agencyCode, coordinator, first],
    );
  }
}
