import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type Provider, type Type } from '@nestjs/common';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope, EventSubject } from '@phoi-hop/contracts';
import { DurableConsumer } from './durable.consumer';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { JETSTREAM, JETSTREAM_MANAGER } from './messaging.module';

/** A service's reaction to another service's events, applied once per event in its own transaction. */
export interface DomainEventHandler {
  handle(envelope: EventEnvelope, manager: EntityManager): Promise<void>;
}

/**
 * Runs `handler` as a durable, idempotent JetStream consumer for the app's lifetime: the consumer
 * name is also its inbox key, so replicas share the work and a redelivered event is skipped.
 * `subjects` may hold patterns such as `evt.>` (every event) or `evt.press.>`.
 */
export function eventConsumerProviders(durable: string, subjects: Array<EventSubject | `evt.${string}>`>, handler: Type<DomainEventHandler>): Provider[] {
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
          onError: (error, envelope) =>
            this.logger.error(`Event ${envelope?.id ?? '?'} failed, will be redelivered: ${String((error as Error)?.message ?? error)}`),
        },
        (envelope, manager) => target.handle(envelope, manager),
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
