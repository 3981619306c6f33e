import { randomUUID } from 'node:crypto';
import type { Context } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventSubject } from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { injectTraceContext } from '@phoi-hop/observability';
import { SqlBatch } from '@phoi-hop/persistence';

export interface NewEvent<T> {
  subject: EventSubject;
  aggregateId: string;
  visibleTo: string[];
  data: T;
  /** Who caused it, when not the actor of the request being handled (a batch written for many requests). */
  actor?: { userId: string; agencyCode: string } | null;
  /** W3C trace headers of the request it belongs to, when not the active context (see `traceHeadersOf`). */
  traceHeaders?: Record<string, string>;
}

/** The W3C trace headers of a context (the active one by default), to carry with an event written later. */
export function traceHeadersOf(ctx?: Context): Record<string, string> {
  const headers: Record<string, string> = {};
  injectTraceContext((key, value) => {
    headers[key] = value;
  }, ctx);
  return headers;
}

/**
 * Appends domain events to the outbox inside the caller's transaction: the event exists if and
 * only if the change it describes committed. The relay publishes it afterwards.
 */
export async function appendToOutbox<T>(manager: EntityManager, events: NewEvent<T>[]): Promise<EventEnvelope<T>[]> {
  const batch = new SqlBatch();
  const envelopes = addToOutbox(batch, events);
  await batch.execute(manager);
  return envelopes;
}

/** Adds the events' outbox rows to `batch` (written, in order, when the batch is). */
export function addToOutbox<T>(batch: SqlBatch, events: NewEvent<T>[]): EventEnvelope<T>[] {
  if (events.length === 0) return [];
  const current = ActorContext.current();
  const activeHeaders = traceHeadersOf();
  const occurredAt = new Date().toISOString();
  const envelopes = events.map<EventEnvelope<T>>((event) => {
    const actor = event.actor !== undefined ? event.actor : current;
    return {
      id: randomUUID(),
      type: event.subject,
      occurredAt,
      aggregateId: event.aggregateId,
      ...(actor ? { actor: { userId: actor.userId, agencyCode: actor.agencyCode } } : {}),
      visibleTo: [...new Set(event.visibleTo)],
      data: event.data,
    };
  });
  const rows = envelopes.map(
    (envelope, index) =>
      `(${batch.param(envelope.id, 'uuid')}, ${batch.param(envelope.type, 'text')}, ${batch.param(JSON.stringify(envelope), 'jsonb')}, ${batch.param(JSON.stringify(events[index]!.traceHeaders ?? activeHeaders), 'jsonb')})`,
  );
  batch.add(`INSERT INTO outbox (id, subject, envelope, headers) VALUES ${rows.join(', ')}`);
  return envelopes;
}
