import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { SpanKind, trace, type Link } from '@opentelemetry/api';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@phoi-hop/contracts';
import { eventsStreamSubject } from './jetstream.provisioning';
import { transactionRetryingDeadlocks } from '@phoi-hop/persistence';
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
  /** Batch mode: the most messages applied in one transaction (default 256). */
  maxBatch?: number;
  /** A failed event (`envelope`), or a failed batch of `batchSize` events (`envelope` null). */
  onError?: (error: unknown, envelope: EventEnvelope | null, batchSize?: number) => void;
}

/** Whether `subject` is one of `subjects`, where `a.b.>` stands for every subject below `a.b.` (as in NATS). */
export function subjectMatchesAny(subjects: readonly string[], subject: string): boolean {
  return subjects.some((pattern) => (pattern.endsWith('.>') ? subject.startsWith(pattern.slice(0, -1)) : pattern === subject));
}

/** A durable consumer's delivery attempts and ack wait unless its options say otherwise. */
export const DURABLE_CONSUMER_DEFAULTS = { maxDeliver: 20, ackWaitMs: 30_000 } as const;

export type EventHandler = (envelope: EventEnvelope, manager: EntityManager) => Promise<void>;

/** Applies several events in one transaction: those not applied before (not in the inbox), in the order of delivery, each once. */
export type EventBatchHandler = (envelopes: readonly EventEnvelope[], manager: EntityManager) => Promise<void>;

/** Batch mode of a durable consumer: the messages already fetched are handed to `batch` together. */
export interface BatchEventHandling {
  batch: EventBatchHandler;
}

/** Messages applied in one transaction in batch mode unless the options say otherwise. */
export const DEFAULT_MAX_BATCH = 256;

function redeliveryDelayMs(message: JsMsg): number {
  return Math.min(1000 * 2 ** Math.min(message.info.deliveryCount, 5), 30_000);
}

/**
 * A durable JetStream pull consumer whose handler runs in one transaction with the inbox insert:
 * an event id already in the inbox is acknowledged and skipped, so a redelivered event is never
 * applied twice; a failed handler rolls back and the event is redelivered with back-off.
 *
 * In batch mode (a `BatchEventHandling` handler) the messages already fetched, up to `maxBatch`,
 * are applied in one transaction with their inbox rows and acknowledged once it commits; when it
 * fails none is, and every message of the batch is redelivered. A redelivered message is applied
 * in a batch of its own, so one event that keeps failing holds back only itself until JetStream
 * stops delivering it (`maxDeliver`), as in the per-message mode.
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
    private readonly handler: EventHandler | BatchEventHandling,
  ) {}

  async start(): Promise<void> {
    // One subject filters on the server; several filter here, since `filter_subjects` needs NATS 2.10.
    const only = this.options.subjects.length === 1 ? this.options.subjects[0] : undefined;
    const maxDeliver = this.options.maxDeliver ?? DURABLE_CONSUMER_DEFAULTS.maxDeliver;
    const ackWait = nanos(this.options.ackWaitMs ?? DURABLE_CONSUMER_DEFAULTS.ackWaitMs);
    // A consumer that exists goes on from where it is (a bulk rebuild creates it at the position it
    // reached, which a create from the first event would refuse); only its limits are brought up to date.
    const batched = typeof this.handler !== 'function';
    const maxBatch = this.options.maxBatch ?? DEFAULT_MAX_BATCH;
    // In batch mode two batches may await their acknowledgement (one applied, the next fetched): JetStream's default of 1,000 can be too few.
    const maxAckPending = batched ? Math.max(1_000, 2 * maxBatch) : undefined;
    const existing = await this.jsm.consumers.info(this.options.streamName, this.options.durable).catch(() => null);
    if (!existing) {
      await this.jsm.consumers.add(this.options.streamName, {
        durable_name: this.options.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: only ? `${this.options.subjectPrefix}${only}` : eventsStreamSubject(this.options.subjectPrefix),
        max_deliver: maxDeliver,
        ack_wait: ackWait,
        ...(maxAckPending ? { max_ack_pending: maxAckPending } : {}),
      });
    } else if (
      existing.config.max_deliver !== maxDeliver ||
      existing.config.ack_wait !== ackWait ||
      (maxAckPending !== undefined && (existing.config.max_ack_pending ?? 0) < maxAckPending)
    ) {
      await this.jsm.consumers.update(this.options.streamName, this.options.durable, {
        max_deliver: maxDeliver,
        ack_wait: ackWait,
        ...(maxAckPending ? { max_ack_pending: maxAckPending } : {}),
      });
    }
    const consumer = await this.js.consumers.get(this.options.streamName, this.options.durable);
    this.stopping = false;
    const handler = this.handler;
    if (typeof handler === 'function') {
      this.messages = await consumer.consume({ max_messages: 64 });
      const messages = this.messages;
      this.loop = (async () => {
        for await (const message of messages) await this.handle(message, handler);
      })();
    } else {
      // Twice a batch buffered: the next batch is fetched while one is applied.
      this.messages = await consumer.consume({ max_messages: 2 * maxBatch });
      const messages = this.messages;
      this.loop = (async () => {
        // Messages are taken off the iterator as they arrive and applied by what has arrived (no waiting
        // to fill a batch), so a batch is what came in while the previous one was applied: under load they grow by themselves.
        const arrived: JsMsg[] = [];
        let wake = null as (() => void) | null;
        let ended = false;
        const reading = (async () => {
          try {
            for await (const message of messages) {
              arrived.push(message);
              wake?.();
            }
          } finally {
            ended = true;
            wake?.();
          }
        })();
        while (!ended || arrived.length > 0) {
          if (arrived.length === 0) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            continue;
          }
          await this.handleBatch(arrived.splice(0, maxBatch), handler.batch);
        }
        await reading;
      })();
    }
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

  private async handle(message: JsMsg, handler: EventHandler): Promise<void> {
    if (this.stopping) return message.nak();
    const end = inFlightWork().begin(`consumer ${this.options.durable}`);
    try {
      await this.apply(message, handler);
    } finally {
      end();
    }
  }

  private async handleBatch(messages: JsMsg[], handler: EventBatchHandler): Promise<void> {
    if (this.stopping) {
      for (const message of messages) message.nak();
      return;
    }
    const end = inFlightWork().begin(`consumer ${this.options.durable}`);
    try {
      let fresh: JsMsg[] = [];
      for (const message of messages) {
        if (message.info.deliveryCount === 1) {
          fresh.push(message);
          continue;
        }
        // Delivered before and not acknowledged (its batch failed, or a replica died): alone, so a poison message fails by itself.
        await this.applyBatch(fresh, handler);
        fresh = [];
        await this.applyBatch([message], handler);
      }
      await this.applyBatch(fresh, handler);
    } finally {
      end();
    }
  }

  private async applyBatch(messages: readonly JsMsg[], handler: EventBatchHandler): Promise<void> {
    const taken: { message: JsMsg; envelope: EventEnvelope }[] = [];
    for (const message of messages) {
      let envelope: EventEnvelope | null = null;
      try {
        envelope = message.json<EventEnvelope>();
      } catch (error) {
        this.options.onError?.(error, null);
      }
      // Not an envelope (not JSON, or without an id and a type): it will never succeed, so it is terminated, not redelivered.
      if (typeof envelope?.id !== 'string' || typeof envelope.type !== 'string') {
        message.term();
        continue;
      }
      if (subjectMatchesAny(this.options.subjects, envelope.type)) taken.push({ message, envelope });
      else message.ack();
    }
    if (taken.length === 0) return;
    // One copy of each event, in the order of delivery; inbox rows inserted in id order, so two replicas wait for each other in one order.
    const unique = [...new Map(taken.map(({ envelope }) => [envelope.id.toLowerCase(), envelope])).values()];
    const byId = [...unique].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const links: Link[] = [];
    for (const { message } of taken) {
      const span = trace.getSpanContext(extractTraceContext((key) => message.headers?.get(key) || undefined));
      if (span) links.push({ context: span });
    }
    try {
      await withSpan(
        `${this.options.durable} batch consume`,
        SpanKind.CONSUMER,
        { 'messaging.consumer.group.name': this.options.durable, 'messaging.batch.message_count': taken.length },
        async (span) => {
          span.addLinks(links);
          await transactionRetryingDeadlocks(this.dataSource, async (manager) => {
            const inserted: { event_id: string }[] = await manager.query(
              `INSERT INTO inbox (consumer, event_id, subject) SELECT $1, id, subject FROM unnest($2::uuid[], $3::text[]) AS u(id, subject)
               ON CONFLICT DO NOTHING RETURNING event_id`,
              [this.options.durable, byId.map((e) => e.id), byId.map((e) => e.type)],
            );
            const added = new Set(inserted.map((row) => row.event_id));
            const applicable = unique.filter((envelope) => added.has(envelope.id.toLowerCase()));
            if (applicable.length > 0) await handler(applicable, manager);
          });
        },
      );
    } catch (error) {
      this.options.onError?.(error, taken.length === 1 ? taken[0]!.envelope : null, taken.length);
      for (const { message } of taken) message.nak(redeliveryDelayMs(message));
      return;
    }
    for (const { message, envelope } of taken) {
      message.ack();
      eventsConsumed().inc({ service: this.options.serviceName, subject: envelope.type });
    }
  }

  private async apply(message: JsMsg, handler: EventHandler): Promise<void> {
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
          await transactionRetryingDeadlocks(this.dataSource, async (manager) => {
            const inserted: unknown[] = await manager.query(
              `INSERT INTO inbox (consumer, event_id, subject) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
              [this.options.durable, current.id, current.type],
            );
            if (inserted.length === 0) return;
            await handler(current, manager);
          });
        },
        parent,
      );
      message.ack();
      eventsConsumed().inc({ service: this.options.serviceName, subject: envelope.type });
    } catch (error) {
      this.options.onError?.(error, envelope);
      // A message that is not an envelope will never succeed: terminate instead of redelivering (without
      // a reason: NATS servers before 2.10 ignore a `+TERM` that carries one, and redeliver).
      if (envelope === null) return message.term();
      message.nak(redeliveryDelayMs(message));
    }
  }
}
