import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Roles, type Actor, type WorkQueueRequest, type WorkQueueResponse } from '@phoi-hop/contracts';
import { toWorkQueueResponse } from './work-queue.mapper';
import { WorkQueueRepository } from './work-queue.repository';

/**
 * What the viewer's agency owes on cases: the handling actions assigned to it and not done (Đ5,
 * Đ6), and for the lead agency's coordinators the cases to triage and to decide (Đ4.2, Đ6.1),
 * each with the deadline it is held to; soonest first, those without a deadline last.
 */
@Injectable()
export class WorkQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workQueue: WorkQueueRepository,
  ) {}

  async queue(actor: Actor, request: WorkQueueRequest): Promise<WorkQueueResponse> {
    const coordinator = actor.roles.includes(Roles.COORDINATOR);
    const rows = await this.workQueue.owedBy(this.dataSource.manager, actor.agencyCode, coordinator, request.first);
    return toWorkQueueResponse(rows, Date.now());
  }
}
