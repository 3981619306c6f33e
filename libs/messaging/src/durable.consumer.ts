import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { SpanKind } from '@opentelemetry/api';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@phoi-hop/contracts';
import { eventsStreamSubject } from './jetstream.provisioning';
import { consumerPending, eventsConsumed, extractTraceContext, inFlightWork, withSpan } from '@phoi-hop/observability';

export interface DurableConsumerOptions {
  /** Durable consumer name, also the inbox key: one per consuming feature. */
  durable: string;
  streamName: string;
  subjectPrefix: string;
  /** Unprefixed event subjects, e.g. ['evt.intake.case.opened'], or patterns ending in `>` (['evt.>']: every event). */
  subjects: string[];
  serviceName: string;
  maxDeliver?: number;
  ackWaitMs?: number;
  /** How often the consumer's lag (`phoihop_consumer_pending`) is read from JetStream; default 15 s. */
  lagRefreshMs?: number;
  onError?: (error: unknown, envelope: EventEnvelope | null) => void;
}

/** Whether `subject` is one of `subjects`, where `a.b.>` stands for every subject below `a.b.` (as in NATS). */
export function subjectMatchesAny(subjects: readonly string[], subject: string): boolean {
  return subjects.some((pattern) => (pattern.endsWith('.>') ? subject.startsWith(pattern.slice(0, -1)) : pattern === subject));
}

/** A durable consumer's delivery attempts and ack wait unless its options say otherwise. */
export const DURABLE_CONSUMER_DEFAULTS = { maxDeliver: 20, ackWaitMs: 30_000 } as const;

export type EventHandler = (envelope: EventEnvelope, manager: EntityManager) => Promise<void>;

/**
 * A durable JetStream pull consumer whose handler runs in one transaction with the inbox insert:
 * an event id already in the inbox is acknowledged and skipped, so a redelivered event is never
 * applied twice; a failed handler rolls back and the event is redelivered with back-off.
 */
export class DurableConsumer {
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  private lagTimer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly dataSource: DataSource,
    private readonly options: DurableConsumerOptions,
    private readonly handler: EventHandler,
  ) {}

  async start(): Promise<void> {
    // One subject filters on the server; several filter here, since `filter_subjects` needs NATS 2.10.
    const only = this.options.subjects.length === 1 ? this.options.subjects[0] : undefined;
    const maxDeliver = this.options.maxDeliver ?? DURABLE_CONSUMER_DEFAULTS.maxDeliver;
    const ackWait = nanos(this.options.ackWaitMs ?? DURABLE_CONSUMER_DEFAULTS.ackWaitMs);
    // A consumer that exists goes on from where it is (a bulk rebuild creates it at the position it
    // reached, which a create from the first event would refuse); only its limits are brought up to date.
    const existing = await this.jsm.consumers.info(this.options.streamName, this.options.durable).catch(() => null);
    if (!existing) {
      await this.jsm.consumers.add(this.options.streamName, {
        durable_name: this.options.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: only ? `${this.options.subjectPrefix}${only}` : eventsStreamSubject(this.options.subjectPrefix),
        max_deliver: maxDeliver,
        ack_wait: ackWait,
      });
    } else if (existing.config.max_deliver !== maxDeliver || existing.config.ack_wait !== ackWait) {
      await this.jsm.consumers.update(this.options.streamName, this.options.durable, { max_deliver: maxDeliver, ack_wait: ackWait });
    }
    const consumer = await this.js.consumers.get(this.options.streamName, this.options.durable);
    this.stopping = false;
    this.messages = await consumer.consume({ max_messages: 64 });
    const messages = this.messages;
    this.loop = (async () => {
      for await (const message of messages) await this.handle(message);
    })();
    // Read from the server, not counted here, so a consumer that is stuck still shows its lag growing.
    await this.refreshLag();
    this.lagTimer = setInterval(() => void this.refreshLag(), this.options.lagRefreshMs ?? 15_000);
    this.lagTimer.unref();
  }

  /** Sets `phoihop_consumer_pending` from JetStream: messages not delivered yet plus those awaiting an ack. */
  async refreshLag(): Promise<number | undefined> {
    try {
      const info = await this.jsm.consumers.info(this.options.streamName, this.options.durable);
      const pending = info.num_pending + info.num_ack_pending;
      consumerPending().set({ service: this.options.serviceName, consumer: this.options.durable }, pending);
      return pending;
    } catch {
      // NATS unreachable: readiness reports it; the gauge keeps its last value.
      return undefined;
    }
  }

  /**
   * Finishes the event being applied (its transaction commits and it is acknowledged, or it rolls
   * back and is not), hands the messages already fetched back to JetStream unprocessed (another
   * replica gets them at once), and stops.
   */
  async stop(): Promise<void> {
    if (this.lagTimer) clearInterval(this.lagTimer);
    this.lagTimer = null;
    this.stopping = true;
    await this.messages?.close();
    await this.loop;
    this.messages = null;
    this.loop = null;
  }

  private async handle(message: JsMsg): Promise<void> {
    if (this.stopping) return message.nak();
    const end = inFlightWork().begin(`consumer ${this.options.durable}`);
    try {
      await this.apply(message);
    } finally {
      end();
    }
  }

  private async apply(message: JsMsg): Promise<void> {
    let envelope: EventEnvelope | null = null;
    try {
      envelope = message.json<EventEnvelope>();
      const current = envelope;
      if (!subjectMatchesAny(this.options.subjects, current.type)) {
        message.ack();
        return;
      }
      const parent = extractTraceContext((key) => message.headers?.get(key) || undefined);
      await withSpan(
        `${current.type} consume`,
        SpanKind.CONSUMER,
        { 'messaging.consumer.group.name': this.options.durable },
        async () => {
          await this.dataSource.transaction(async (manager) => {
            const inserted: unknown[] = await manager.query(
              `INSERT INTO inbox (consumer, event_id, subject) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
              [this.options.durable, current.id, current.type],
            );
            if (inserted.length === 0) return;
            await this.handler(current, manager);
          });
        },
        parent,
      );
      message.ack();
      eventsConsumed().inc({ service: this.options.serviceName, subject: envelope.type });
    } catch (error) {
      this.options.onError?.(error, envelope);
      // A message that is not an envelope will never succeed: terminate instead of redelivering.
      if (envelope === null) return message.term('not an event envelope');
      message.nak(Math.min(1000 * 2 ** Math.min(message.info.deliveryCount, 5), 30_000));
    }
  }
}
