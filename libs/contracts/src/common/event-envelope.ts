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
  /**
   * The event's position in its publisher's outbox, set when it is published: for one aggregate,
   * the order of its commits (writers lock the aggregate's row before appending). Consumers that
   * fold events order them by it; absent on events published before it existed.
   */
  sequence?: number;
  actor?: { userId: string; agencyCode: string };
  visibleTo: string[];
  data: T;
}
