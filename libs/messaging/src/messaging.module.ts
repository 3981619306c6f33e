import { Inject, Injectable, Logger, Module, Optional, type DynamicModule, type INestApplication, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { NestMicroservice } from '@nestjs/microservices';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import {
  CachingTokenVerifier,
  InternalTokenVerifier,
  ServiceAuthenticator,
  ServiceCredential,
  createTokenVerifier,
  internalSecretOf,
  type ActorLookup,
  type ActorResolver,
  type AuthConfig,
  type IdentityVerifier,
  type TokenVerifier,
} from '@phoi-hop/auth';
import { createActorResolver, directoryActorLookup } from './actor-resolution';
import { HealthRegistry, authFailures } from '@phoi-hop/observability';
import { ensureEventsStream } from './jetstream.provisioning';
import { MESSAGING_OPTIONS, NATS_CONNECTION, assertMessagingOptions, natsCredentials, type MessagingOptions } from './messaging.options';
import { PrefixedNatsServer } from './prefixed-nats.server';
import { RpcClient } from './rpc.client';
import { RpcErrorFilter } from './rpc-error.filter';
import { ACTOR_RESOLVER, RpcRequestInterceptor, SERVICE_AUTHENTICATOR, TOKEN_VERIFIER } from './rpc-request.interceptor';
import { createRpcValidationPipe } from './rpc-validation.pipe';

export const JETSTREAM = Symbol('JETSTREAM');
export const JETSTREAM_MANAGER = Symbol('JETSTREAM_MANAGER');
/** The verifier of internal tokens (gateway → services). */
export const INTERNAL_TOKEN_VERIFIER = Symbol('INTERNAL_TOKEN_VERIFIER');

/**
 * How a service maps a verified external token to its directory user. Default: ask the directory
 * over NATS; the directory itself looks in its own table.
 */
export interface ActorLookupProvider {
  inject: unknown[];
  useFactory: (...deps: never[]) => ActorLookup;
}

/** Where followNatsStatus writes (a Nest Logger). */
export interface NatsStatusLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Logs a NATS connection going away and coming back (and its errors) until it closes. */
export async function followNatsStatus(connection: NatsConnection, logger: NatsStatusLog): Promise<void> {
  for await (const status of connection.status()) {
    switch (status.type) {
      case 'disconnect':
        logger.warn(`NATS connection lost (${status.server}); reconnecting`);
        break;
      case 'reconnect':
        logger.log(`NATS connection back (${status.server})`);
        break;
      case 'error':
        logger.error(`NATS error: ${status.error.message}`);
        break;
      default:
        break;
    }
  }
}

/**
 * Logs and counts each failed read of the identity provider's discovery document or keys: an
 * outage of the provider, told apart from refused credentials (`source="provider"`).
 */
function providerFailureReporter(serviceName: string): (message: string) => void {
  const logger = new Logger('Auth');
  return (message) => {
    authFailures().inc({ service: serviceName, reason: 'identity provider unavailable', source: 'provider' });
    logger.error(`Identity provider failed: ${message}`);
  };
}

@Injectable()
class NatsLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('NATS');

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Optional() health?: HealthRegistry,
  ) {
    health?.register('nats', async () => {
      if (this.connection.isClosed()) throw new Error('NATS connection closed');
      await this.connection.flush();
    });
    // The connection every RPC call and the gateway's subscriptions use; Nest's NATS server logs a service's RPC side.
    void followNatsStatus(this.connection, this.logger);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}

/**
 * NATS wiring of a service: one connection, the RPC client, JetStream (the events stream is
 * provisioned at boot), and the RPC request interceptor that verifies the caller's token and
 * checks a person against the directory (`actorLookup`; default: a `directory.actor.resolve` call).
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions, auth: AuthConfig, actorLookup?: ActorLookupProvider): DynamicModule {
    assertMessagingOptions(options);
    const lookupDeps = (actorLookup?.inject ?? [RpcClient]) as never[];
    const self = new ServiceCredential(internalSecretOf(auth), options.serviceName);
    const lookupFactory = actorLookup?.useFactory ?? ((rpc: RpcClient) => directoryActorLookup(rpc, self));
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: TOKEN_VERIFIER, useValue: createTokenVerifier(auth, providerFailureReporter(options.serviceName)) },
        {
          provide: INTERNAL_TOKEN_VERIFIER,
          useValue: new CachingTokenVerifier(new InternalTokenVerifier(internalSecretOf(auth), auth.clockToleranceSeconds)) as TokenVerifier,
        },
        {
          provide: ACTOR_RESOLVER,
          inject: [NATS_CONNECTION, ...lookupDeps],
          useFactory: (nc: NatsConnection, ...deps: never[]): ActorResolver =>
            createActorResolver((lookupFactory as (...d: never[]) => ActorLookup)(...deps), nc, options.subjectPrefix),
        },
        {
          provide: SERVICE_AUTHENTICATOR,
          inject: [TOKEN_VERIFIER, INTERNAL_TOKEN_VERIFIER, ACTOR_RESOLVER],
          useFactory: (external: IdentityVerifier, internal: TokenVerifier, resolver: ActorResolver) => new ServiceAuthenticator(external, internal, resolver),
        },
        {
          provide: NATS_CONNECTION,
          useFactory: () =>
            connect({ servers: options.natsUrl, ...natsCredentials(options), name: options.serviceName, maxReconnectAttempts: -1, reconnectTimeWait: 500 }),
        },
        { provide: JETSTREAM, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => jetstream(nc) },
        {
          provide: JETSTREAM_MANAGER,
          inject: [NATS_CONNECTION],
          useFactory: async (nc: NatsConnection): Promise<JetStreamManager> => {
            const jsm = await jetstreamManager(nc);
            await ensureEventsStream(jsm, {
              streamName: options.streamName,
              subjectPrefix: options.subjectPrefix,
              replicas: options.streamReplicas,
              maxAgeDays: options.eventsMaxAgeDays,
            });
            return jsm;
          },
        },
        { provide: RpcClient, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => new RpcClient(nc, options) },
        RpcRequestInterceptor,
        NatsLifecycle,
      ],
      exports: [
        MESSAGING_OPTIONS,
        TOKEN_VERIFIER,
        INTERNAL_TOKEN_VERIFIER,
        ACTOR_RESOLVER,
        SERVICE_AUTHENTICATOR,
        NATS_CONNECTION,
        JETSTREAM,
        JETSTREAM_MANAGER,
        RpcClient,
        RpcRequestInterceptor,
      ],
    };
  }
}

/**
 * Initialises the app (migrations, seeds, lifecycle hooks), then makes it answer its RPC subjects over NATS (queue group = service name), every payload
 * validated against its contract, every caller verified, every error mapped to `{ code, message }`.
 */
export async function startRpcServer(app: INestApplication): Promise<void> {
  const options = app.get<MessagingOptions>(MESSAGING_OPTIONS);
  const server = new PrefixedNatsServer({
    servers: options.natsUrl,
    ...natsCredentials(options),
    queue: options.serviceName,
    name: `${options.serviceName}-rpc`,
    subjectPrefix: options.subjectPrefix,
    maxReconnectAttempts: -1,
  });
  rpcServers.set(app, server);
  const microservice = app.connectMicroservice(
    {
      strategy: server,
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

const rpcServers = new WeakMap<INestApplication, PrefixedNatsServer>();

/**
 * Stops answering RPC subjects: the replica leaves its queue groups (other replicas take the new
 * requests), answers the requests it already received, and drains that connection.
 */
export async function stopRpcServer(app: INestApplication): Promise<void> {
  await rpcServers.get(app)?.close();
}

/** The RPC requests of `app` received and not yet answered, by subject. */
export function rpcRequestsInFlight(app: INestApplication): Record<string, number> {
  return rpcServers.get(app)?.requests.snapshot() ?? {};
}

export type { JetStreamClient, JetStreamManager };
