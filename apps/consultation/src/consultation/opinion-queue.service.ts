import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, Severity, WorkQueueRequest, WorkQueueResponse } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

/** Đ4.2: the written consultations in which the viewer's agency still owes its opinion, soonest deadline first. */
@Injectable()
export class OpinionQueueService {
  constructor(private readonly dataSource: DataSource) {}

  async queue(actor: Actor, request: WorkQueueRequest): Promise<WorkQueueResponse> {
    const rows = await queryRows<{ id: string; case_id: string; case_number: string; severity: Severity; deadline: Date | null; total: string }>(
      this.dataSource.manager,
      `SELECT c.id, c.case_id, c.case_number, c.severity, c.deadline, count(*) OVER () AS total
         FROM consultation c JOIN consultation_invitation i ON i.consultation_id = c.id
        WHERE i.agency_code = $1 AND i.responded_at IS NULL AND c.status = 'OPEN' AND c.mode = 'WRITTEN'
        ORDER BY c.deadline ASC NULLS LAST, c.case_number LIMIT $2`,
      [actor.agencyCode, request.first],
    );
    const now = Date.now();
    return {
      totalCount: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({
        kind: 'OPINION',
        caseId: r.case_id,
        caseNumber: r.case_number,
        caseStatus: null,
        severity: r.severity,
        owedBy: actor.agencyCode,
        deadline: r.deadline ? r.deadline.toISOString() : null,
        overdue: r.deadline ? r.deadline.getTime() < now : false,
        actionId: null,
        actionType: null,
        consultationId: r.id,
      })),
    };
  }
}
