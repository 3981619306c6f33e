/**
 * What every domain event carries. `id` is the outbox row id and the JetStream `Nats-Msg-Id`
 * (de-duplication), and consumers record it in their inbox so that an event is applied once.
 * `visibleTo` lists the agencies allowed to see the event: subscriptions filter on it.
 */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  aggregateId: string;
  actor?: { userId: string; agencyCode: string };
  visibleTo: string[];
  data: T;
}
