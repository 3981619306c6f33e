import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@phoi-hop/contracts';
import type { DomainEventHandler } from '@phoi-hop/messaging';
import { caseContributions, caseIdOf, caseScopes, isPressEvent, pressContributions, projectCase, rollupDelta, type Fact } from './read-model.rules';
import { ReadModelRepository } from './read-model.repository';

/**
 * Applies one event to the read models, in the consumer's transaction (so with its inbox row):
 * stores it as a fact, refolds its case from all the case's facts and moves the rollups by the
 * difference. The case row is locked first, so replicas applying two events of one case queue.
 */
@Injectable()
export class ReadModelProjector implements DomainEventHandler {
  constructor(private readonly readModels: ReadModelRepository) {}

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const fact: Fact = {
      eventId: envelope.id,
      subject: envelope.type,
      sequence: typeof envelope.sequence === 'number' ? envelope.sequence : null,
      occurredAt: new Date(envelope.occurredAt).toISOString(),
      data: envelope.data,
    };
    if (isPressEvent(fact.subject)) {
      if (!(await this.readModels.insertFact(manager, fact, null))) return;
      await this.readModels.applyDelta(
        manager,
        rollupDelta({ scopes: [], items: [] }, { scopes: ['*'], items: pressContributions(fact.subject, fact.occurredAt, fact.data) }),
      );
      await this.readModels.advanceAsOf(manager, fact.occurredAt);
      return;
    }
    const caseId = caseIdOf(fact.subject, fact.data);
    if (!caseId) return;
    const before = await this.readModels.lockCase(manager, caseId);
    if (!(await this.readModels.insertFact(manager, fact, caseId))) return;
    const state = projectCase(caseId, await this.readModels.caseFacts(manager, caseId));
    const after = { scopes: caseScopes(state), items: caseContributions(state) };
    await this.readModels.applyDelta(manager, rollupDelta(before, after));
    await this.readModels.saveCase(manager, state, after);
    await this.readModels.advanceAsOf(manager, fact.occurredAt);
  }
}
