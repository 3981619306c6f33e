import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type Provider } from '@nestjs/common';
import type { JetStreamClient } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { JETSTREAM, JETSTREAM_MANAGER } from './messaging.module';
import { OutboxRelay } from './outbox.relay';

const RELAY_ENABLED = Symbol('RELAY_ENABLED');

@Injectable()
class OutboxRelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    @Inject(RELAY_ENABLED) private readonly enabled: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (this.enabled) this.relay.start();
  }

  // After every onModuleDestroy (consumers and deadline pollers stopped, having written their last
  // events), before NATS and Postgres close: the relay publishes what is left on its way out.
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stopAndFlush();
  }
}

/**
 * Providers that run the outbox relay of a service for as long as the app lives. With
 * `enabled: false` events stay in the outbox until a replica with the relay publishes them.
 */
export function outboxRelayProviders(options: { enabled: boolean } = { enabled: true }): Provider[] {
  const logger = new Logger('OutboxRelay');
  return [
    {
      provide: OutboxRelay,
      // The stream must exist before the first publish: depend on the manager that provisions it.
      inject: [DataSource, JETSTREAM, JETSTREAM_MANAGER, MESSAGING_OPTIONS],
      useFactory: (dataSource: DataSource, js: JetStreamClient, _jsm: unknown, options: MessagingOptions) =>
        new OutboxRelay(dataSource, js, {
          serviceName: options.serviceName,
          subjectPrefix: options.subjectPrefix,
          onError: (error) => logger.error(`Relay failed, will retry: ${String((error as Error)?.message ?? error)}`),
        }),
    },
    { provide: RELAY_ENABLED, useValue: options.enabled },
    OutboxRelayLifecycle,
  ];
}
