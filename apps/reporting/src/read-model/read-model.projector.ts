import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@phoi-hop/contracts';
import type { BatchDomainEventHandler } from '@phoi-hop/messaging';
import {
  caseContributions,
  caseScopes,
  factOfEvent,
  pressContributions,
  projectCase,
  rollupDeltas,
  type CaseFact,
  type CaseState,
  type ContributionChange,
  type StoredContributions,
} from './read-model.rules';
import { ReadModelRepository } from './read-model.repository';

const NOTHING: StoredContributions = { scopes: [], items: [] };

/**
 * Applies events to the read models, in the consumer's transaction (so with their inbox rows): stores
 * them as facts, refolds each case they touch once from all the case's facts and moves the rollups by
 * the differences, summed over the batch into one upsert. The cases' rows are locked first, in id
 * order, so replicas applying batches that share cases queue instead of deadlocking.
 */
@Injectable()
export class ReadModelProjector implements BatchDomainEventHandler {
  constructor(private readonly readModels: ReadModelRepository) {}

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    await this.handleBatch([envelope], manager);
  }

  async handleBatch(envelopes: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    const facts = envelopes.map(factOfEvent).filter((fact): fact is CaseFact => fact !== null);
    if (facts.length === 0) return;
    const before = await this.readModels.lockCases(
      manager,
      facts.flatMap((fact) => (fact.caseId === null ? [] : [fact.caseId])),
    );
    const stored = await this.readModels.insertFacts(
      manager,
      [...facts].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)),
    );
    const added = facts.filter((fact) => stored.has(fact.eventId));
    if (added.length === 0) return;
    const changes: ContributionChange[] = [];
    const press = added.filter((fact) => fact.caseId === null);
    if (press.length > 0) {
      changes.push({ before: NOTHING, after: { scopes: ['*'], items: press.flatMap((fact) => pressContributions(fact.subject, fact.occurredAt, fact.data)) } });
    }
    const touched = [...new Set(added.flatMap((fact) => (fact.caseId === null ? [] : [fact.caseId])))].sort();
    const saved: { state: CaseState; contributions: StoredContributions }[] = [];
    if (touched.length > 0) {
      const byCase = new Map<string, CaseFact[]>(touched.map((caseId) => [caseId, []]));
      for (const fact of await this.readModels.factsOf(manager, touched)) byCase.get(fact.caseId!)?.push(fact);
      for (const [caseId, caseFacts] of byCase) {
        const state = projectCase(caseId, caseFacts);
        const after = { scopes: caseScopes(state), items: caseContributions(state) };
        changes.push({ before: before.get(caseId) ?? NOTHING, after });
        saved.push({ state, contributions: after });
      }
    }
    await this.readModels.applyDelta(manager, rollupDeltas(changes));
    await this.readModels.saveCases(manager, saved);
    await this.readModels.advanceAsOf(
      manager,
      added.reduce((newest, fact) => (fact.occurredAt > newest ? fact.occurredAt : newest), added[0]!.occurredAt),
    );
  }
}
