import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseStatusChangedEvent, EventEnvelope } from '@phoi-hop/contracts';
import type { DomainEventHandler } from '@phoi-hop/messaging';
import { RetentionRepository } from './retention.repository';
import { startsRetention } from './retention.rules';

/**
 * Follows intake's case statuses for the retention period: a case closed or dismissed starts its
 * clock (at the time of the change), one reopened stops it.
 */
@Injectable()
export class CaseClosureHandler implements DomainEventHandler {
  constructor(private readonly retention: RetentionRepository) {}

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const change = envelope.data as CaseStatusChangedEvent;
    if (startsRetention(change.to)) await this.retention.recordClosure(manager, change.caseId, change.to, new Date(envelope.occurredAt));
    else await this.retention.clearClosure(manager, change.caseId);
  }
}
