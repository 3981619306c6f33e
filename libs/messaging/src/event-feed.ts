import { DeliverPolicy, type ConsumerMessages, type JetStreamClient } from '@nats-io/jetstream';
import type { EventEnvelope } from '@phoi-hop/contracts';
import { eventsStreamSubject } from './jetstream.provisioning';

export type EventListener = (envelope: EventEnvelope) => void;

/**
 * A live feed of new domain events for one process (the gateway's subscriptions): one ordered,
 * ephemeral JetStream consumer fanned out to in-process listeners. Delivery to listeners is
 * best-effort, as for any live view; durable work uses DurableConsumer instead.
 */
export class EventFeed {
  private readonly listeners = new Set<EventListener>();
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly js: JetStreamClient,
    private readonly streamName: string,
    private readonly subjectPrefix: string,
  ) {}

  async start(): Promise<void> {
    const consumer = await this.js.consumers.get(this.streamName, {
      filter_subjects: eventsStreamSubject(this.subjectPrefix),
      deliver_policy: DeliverPolicy.New,
    });
    const messages = await consumer.consume();
    this.messages = messages;
    this.loop = (async () => {
      for await (const message of messages) {
        let envelope: EventEnvelope;
        try {
          envelope = message.json<EventEnvelope>();
        } catch {
          continue;
        }
        for (const listener of this.listeners) listener(envelope);
      }
    })();
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
    this.messages = null;
  }
}
