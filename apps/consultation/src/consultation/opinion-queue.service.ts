import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, WorkQueueRequest, WorkQueueResponse } from '@phoi-hop/contracts';
import { ConsultationRepository } from './consultation.repository';

/** Đ4.2: the written consultations in which the viewer's agency still owes its opinion, soonest deadline first. */
@Injectable()
export class OpinionQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consultations: ConsultationRepository,
  ) {}

  async queue(actor: Actor, request: WorkQueueRequest): Promise<WorkQueueResponse> {
    const rows = await this.consultations.owedOpinions(this.dataSource.manager, actor.agencyCode, request.first);
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
