import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventSubject } from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { injectTraceContext } from '@phoi-hop/observability';

export interface NewEvent<T> {
  subject: EventSubject;
  aggregateId: string;
  visibleTo: string[];
  data: T;
}

/**
 * Appends domain events to the outbox inside the caller's transaction: the event exists if and
 * only if the change it describes committed. The relay publishes it afterwards.
 */
export async function appendToOutbox<T>(manager: EntityManager, events: NewEvent<T>[]): Promise<EventEnvelope<T>[]> {
  if (events.length === 0) return [];
  const actor = ActorContext.current();
  const traceHeaders: Record<string, string> = {};
  injectTraceContext((key, value) => {
    traceHeaders[key] = value;
  });
  const occurredAt = new Date().toISOString();
  const envelopes = events.map<EventEnvelope<T>>((event) => ({
    id: randomUUID(),
    type: event.subject,
    occurredAt,
    aggregateId: event.aggregateId,
    ...(actor ? { actor: { userId: actor.userId, agencyCode: actor.agencyCode } } : {}),
    visibleTo: [...new Set(event.visibleTo)],
    data: event.data,
  }));
  const values: unknown[] = [];
  const rows = envelopes.map((envelope, index) => {
    values.push(envelope.id, envelope.type, JSON.stringify(envelope), JSON.stringify(traceHeaders));
    const base = index * 4;
    return `($${base + 1}, $${base + 2}, $${base + 3}::jsonb, $${base + 4}::jsonb)`;
  });
  await manager.query(`INSERT INTO outbox (id, subject, envelope, headers) VALUES ${rows.join(', ')}`, values);
  return envelopes;
}
