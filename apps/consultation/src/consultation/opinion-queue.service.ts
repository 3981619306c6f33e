import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, WorkQueueRequest, WorkQueueResponse } from '@phoi-hop/contracts';
import { ConsultationRepository } from './consultation.repository';
import { toOpinionQueueResponse } from './opinion-queue.mapper';

/** Đ4.2: the written consultations in which the viewer's agency still owes its opinion, soonest deadline first. */
@Injectable()
export class OpinionQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consultations: ConsultationRepository,
  ) {}

  async queue(actor: Actor, request: WorkQueueRequest): Promise<WorkQueueResponse> {
    const rows = await this.consultations.owedOpinions(this.dataSource.manager, actor.agencyCode, request.first);
    return toOpinionQueueResponse(rows, actor.agencyCode, Date.now());
  }
}
