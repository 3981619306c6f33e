import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type Provider, type Type } from '@nestjs/common';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope, EventSubject } from '@phoi-hop/contracts';
import { DurableConsumer, type BatchEventHandling, type EventHandler } from './durable.consumer';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { JETSTREAM, JETSTREAM_MANAGER } from './messaging.module';

/** A service's reaction to another service's events, applied once per event in its own transaction. */
export interface DomainEventHandler {
  handle(envelope: EventEnvelope, manager: EntityManager): Promise<void>;
}

/** A reaction that can also apply several events in one transaction (each event given once, not applied before). */
export interface BatchDomainEventHandler extends DomainEventHandler {
  handleBatch(envelopes: readonly EventEnvelope[], manager: EntityManager): Promise<void>;
}

export interface EventConsumerSettings {
  /** Apply up to this many fetched events per transaction through `handleBatch` (1: one event per transaction through `handle`). */
  maxBatch?: number;
}

/**
 * Runs `handler` as a durable, idempotent JetStream consumer for the app's lifetime: the consumer
 * name is also its inbox key, so replicas share the work and a redelivered event is skipped.
 * `subjects` may hold patterns such as `evt.>` (every event) or `evt.press.>`. With `maxBatch` above
 * 1 (a `BatchDomainEventHandler`), the events fetched are applied in batches, one transaction each.
 */
export function eventConsumerProviders(durable: string, subjects: Array<EventSubject | `evt.${string}>`>, handler: Type<DomainEventHandler>): Provider[];
export function eventConsumerProviders(
  durable: string,
  subjects: Array<EventSubject | `evt.${string}>`>,
  handler: Type<BatchDomainEventHandler>,
  settings: EventConsumerSettings,
): Provider[];
export function eventConsumerProviders(
  durable: string,
  subjects: Array<EventSubject | `evt.${string}>`>,
  handler: Type<DomainEventHandler>,
  settings: EventConsumerSettings = {},
): Provider[] {
  const maxBatch = settings.maxBatch ?? 1;
  @Injectable()
  class EventConsumerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
    private readonly logger = new Logger(`Consumer ${durable}`);
    private readonly consumer: DurableConsumer;

    constructor(
      @Inject(JETSTREAM) js: JetStreamClient,
      @Inject(JETSTREAM_MANAGER) jsm: JetStreamManager,
      @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
      dataSource: DataSource,
      @Inject(handler) target: DomainEventHandler,
    ) {
      const batched = maxBatch > 1 && 'handleBatch' in target;
      const apply: EventHandler | BatchEventHandling = batched
        ? { batch: (envelopes, manager) => (target as BatchDomainEventHandler).handleBatch(envelopes, manager) }
        : (envelope, manager) => target.handle(envelope, manager);
      this.consumer = new DurableConsumer(
        js,
        jsm,
        dataSource,
        {
          durable,
          streamName: options.streamName,
          subjectPrefix: options.subjectPrefix,
          subjects,
          serviceName: options.serviceName,
          maxBatch,
          onError: (error, envelope, batchSize) =>
            this.logger.error(
              `${envelope || !batchSize ? `Event ${envelope?.id ?? '?'}` : `A batch of ${batchSize} events`} failed, will be redelivered: ${String((error as Error)?.message ?? error)}`,
            ),
        },
        apply,
      );
    }

    async onApplicationBootstrap(): Promise<void> {
      await this.consumer.start();
    }

    async onModuleDestroy(): Promise<void> {
      await this.consumer.stop();
    }
  }
  return [handler, EventConsumerLifecycle];
}
