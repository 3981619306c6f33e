import { Inject, Injectable, Module, Optional, type DynamicModule, type INestApplication, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { NestMicroservice } from '@nestjs/microservices';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { TokenVerifier } from '@phoi-hop/auth';
import { HealthRegistry } from '@phoi-hop/observability';
import { ensureEventsStream } from './jetstream.provisioning';
import { MESSAGING_OPTIONS, NATS_CONNECTION, assertMessagingOptions, type MessagingOptions } from './messaging.options';
import { PrefixedNatsServer } from './prefixed-nats.server';
import { RpcClient } from './rpc.client';
import { RpcErrorFilter } from './rpc-error.filter';
import { RpcRequestInterceptor, TOKEN_VERIFIER } from './rpc-request.interceptor';
import { createRpcValidationPipe } from './rpc-validation.pipe';

export const JETSTREAM = Symbol('JETSTREAM');
export const JETSTREAM_MANAGER = Symbol('JETSTREAM_MANAGER');

@Injectable()
class NatsLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Optional() health?: HealthRegistry,
  ) {
    health?.register('nats', async () => {
      if (this.connection.isClosed()) throw new Error('NATS connection closed');
      await this.connection.flush();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}

/**
 * NATS wiring of a service: one connection, the RPC client, JetStream (the events stream is
 * provisioned at boot), and the RPC request interceptor that verifies the caller's token.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions, verifier: TokenVerifier): DynamicModule {
    assertMessagingOptions(options);
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: TOKEN_VERIFIER, useValue: verifier },
        {
          provide: NATS_CONNECTION,
          useFactory: () =>
            connect({ servers: options.natsUrl, name: options.serviceName, maxReconnectAttempts: -1, reconnectTimeWait: 500 }),
        },
        { provide: JETSTREAM, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => jetstream(nc) },
        {
          provide: JETSTREAM_MANAGER,
          inject: [NATS_CONNECTION],
          useFactory: async (nc: NatsConnection): Promise<JetStreamManager> => {
            const jsm = await jetstreamManager(nc);
            await ensureEventsStream(jsm, { streamName: options.streamName, subjectPrefix: options.subjectPrefix });
            return jsm;
          },
        },
        { provide: RpcClient, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => new RpcClient(nc, options) },
        RpcRequestInterceptor,
        NatsLifecycle,
      ],
      exports: [MESSAGING_OPTIONS, TOKEN_VERIFIER, NATS_CONNECTION, JETSTREAM, JETSTREAM_MANAGER, RpcClient, RpcRequestInterceptor],
    };
  }
}

/**
 * Initialises the app (migrations, seeds, lifecycle hooks), then makes it answer its RPC subjects over NATS (queue group = service name), every payload
 * validated against its contract, every caller verified, every error mapped to `{ code, message }`.
 */
export async function startRpcServer(app: INestApplication): Promise<void> {
  const options = app.get<MessagingOptions>(MESSAGING_OPTIONS);
  const microservice = app.connectMicroservice(
    {
      strategy: new PrefixedNatsServer({
        servers: options.natsUrl,
        queue: options.serviceName,
        name: `${options.serviceName}-rpc`,
        subjectPrefix: options.subjectPrefix,
        maxReconnectAttempts: -1,
        gracefulShutdown: true,
        gracePeriod: 1000,
      }),
    },
    // Listeners must be registered after the global enhancers below, not at connect time.
    { inheritAppConfig: false, deferInitialization: true },
  );
  microservice.useGlobalInterceptors(app.get(RpcRequestInterceptor));
  microservice.useGlobalPipes(createRpcValidationPipe());
  microservice.useGlobalFilters(new RpcErrorFilter());
  // The app runs the lifecycle hooks once; the microservice must not run them a second time.
  (microservice as unknown as NestMicroservice).setIsInitHookCalled(true);
  await app.init();
  await app.startAllMicroservices();
}

export type { JetStreamClient, JetStreamManager };
