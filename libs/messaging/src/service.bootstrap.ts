import { NestFactory } from '@nestjs/core';
import { cleanEnv } from 'envalid';
import type { DynamicModule, INestApplication, LoggerService } from '@nestjs/common';
import type { AuthConfig, AuthEnv } from '@phoi-hop/auth';
import { authConfigFromEnv } from '@phoi-hop/auth';
import { assertMessagingOptions, type MessagingOptions } from './messaging.options';
import { MessagingModule, startRpcServer, type ActorLookupProvider } from './messaging.module';
import { CreateMessagingTables1764300000000 } from './messaging-tables.migration';
import { CreateAuditTables1764300000050, PersistenceModule, migrateOnlyRequested, runMigrationsOf } from '@phoi-hop/persistence';
import { createLogger, hardenHttp, ObservabilityModule, PinoNestLogger } from '@phoi-hop/observability';
import { attachHttpDrain, exitGracefullyOnSignals, shutdownEnv, shutdownGraceMsFromEnv } from './graceful-shutdown';

/** What every service needs to run: database, NATS, auth, HTTP port for probes and metrics. */
export interface BaseServiceConfig {
  serviceName: string;
  databaseUrl: string;
  dbSchema: string;
  dbPoolSize: number;
  messaging: MessagingOptions;
  auth: AuthConfig;
  httpPort: number;
  httpHost: string;
}

export interface BaseServiceEnv extends AuthEnv {
  DATABASE_URL: string;
  DB_SCHEMA: string;
  DB_POOL_SIZE: number;
  NATS_URL: string;
  NATS_SUBJECT_PREFIX: string;
  EVENTS_STREAM: string;
  EVENTS_STREAM_REPLICAS?: number;
  EVENTS_MAX_AGE_DAYS?: number;
  NATS_USER?: string;
  NATS_PASSWORD?: string;
  RPC_TIMEOUT_MS: number;
  HTTP_PORT: number;
  HTTP_HOST: string;
}

/** The NATS settings of a service, from the variables of messagingEnv(). */
export function messagingOptionsFromEnv(
  serviceName: string,
  env: Pick<
    BaseServiceEnv,
    'NATS_URL' | 'NATS_SUBJECT_PREFIX' | 'EVENTS_STREAM' | 'EVENTS_STREAM_REPLICAS' | 'EVENTS_MAX_AGE_DAYS' | 'NATS_USER' | 'NATS_PASSWORD' | 'RPC_TIMEOUT_MS'
  >,
): MessagingOptions {
  const options: MessagingOptions = {
    natsUrl: env.NATS_URL,
    serviceName,
    subjectPrefix: env.NATS_SUBJECT_PREFIX,
    streamName: env.EVENTS_STREAM,
    rpcTimeoutMs: env.RPC_TIMEOUT_MS,
    streamReplicas: env.EVENTS_STREAM_REPLICAS ?? 1,
    ...(env.EVENTS_MAX_AGE_DAYS !== undefined ? { eventsMaxAgeDays: env.EVENTS_MAX_AGE_DAYS } : {}),
    ...(env.NATS_USER || env.NATS_PASSWORD ? { natsUser: env.NATS_USER, natsPassword: env.NATS_PASSWORD } : {}),
  };
  // Checked here too, so a bad setting fails while the configuration is read, naming the variable.
  assertMessagingOptions(options);
  return options;
}

export function baseServiceConfigFromEnv(serviceName: string, env: BaseServiceEnv): BaseServiceConfig {
  return {
    serviceName,
    databaseUrl: env.DATABASE_URL,
    dbSchema: env.DB_SCHEMA,
    dbPoolSize: env.DB_POOL_SIZE,
    messaging: messagingOptionsFromEnv(serviceName, env),
    auth: authConfigFromEnv(env),
    httpPort: env.HTTP_PORT,
    httpHost: env.HTTP_HOST,
  };
}

/**
 * Creates a service: a Nest app with an HTTP side (health, metrics) and an RPC side on NATS.
 * Errors at boot are thrown (not `process.exit`), so a launcher or a test can report them.
 * With `MIGRATE_ONLY=true` it runs the service's migrations and ends the process instead (the
 * migrations Job of the Kubernetes manifests).
 * Signals are left to the caller (runServiceMain stops the app gracefully on SIGTERM).
 */
export async function startServiceApp(
  module: unknown,
  config: Pick<BaseServiceConfig, 'httpPort' | 'httpHost'>,
  logger: LoggerService | false,
): Promise<INestApplication> {
  if (migrateOnlyRequested()) {
    const applied = await runMigrationsOf(module as DynamicModule);
    if (logger) logger.log(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'no pending migrations', 'MigrateOnly');
    process.exit(0);
  }
  const app = await NestFactory.create(module as never, { logger, abortOnError: false });
  hardenHttp(app);
  attachHttpDrain(app);
  await startRpcServer(app);
  await app.listen(config.httpPort, config.httpHost);
  return app;
}

/**
 * The body of every service's main.ts: JSON logs, start, and a clear fatal log line and exit code
 * when the service cannot start (bad configuration, database or NATS unreachable). On SIGTERM or
 * SIGINT the app stops gracefully within `SHUTDOWN_GRACE_MS` and the process exits 0 (1 past it).
 */
export function runServiceMain(serviceName: string, start: (logger: LoggerService) => Promise<{ port: number; app: INestApplication }>): void {
  const logger = createLogger(serviceName);
  const exit = (code: number): void => logger.flush(() => process.exit(code));
  const graceMs = shutdownGraceMsFromEnv(cleanEnv(process.env, shutdownEnv()));
  start(new PinoNestLogger(logger)).then(
    ({ port, app }) => {
      exitGracefullyOnSignals(app, { graceMs, logger, exit });
      logger.info({ port }, `${serviceName} ready`);
    },
    (error: unknown) => {
      logger.fatal({ err: error }, `${serviceName} failed to start`);
      process.exit(1);
    },
  );
}

export interface ServiceModuleOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  /** The service's own migrations; the outbox/inbox and audit tables come first automatically. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** The `pg` module (tests pass an instrumented one). */
  pgDriver?: unknown;
  /** How callers are mapped to directory users (default: ask the directory). */
  actorLookup?: ActorLookupProvider;
}

/**
 * A service's migrations as its schema runs them: the outbox/inbox and audit tables first, then the
 * service's own (shared with the tests that build the schema without booting the service).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function serviceMigrations(own: Function[]): Function[] {
  return [CreateMessagingTables1764300000000, CreateAuditTables1764300000050, ...own];
}

/**
 * The modules every service with a database imports: health and metrics, its own schema
 * (migrated at boot), NATS with the caller verification of `config.auth`.
 */
export function serviceInfrastructure(config: BaseServiceConfig, options: ServiceModuleOptions): DynamicModule[] {
  return [
    ObservabilityModule.forRoot({ serviceName: config.serviceName }),
    PersistenceModule.forRoot({
      url: config.databaseUrl,
      schema: config.dbSchema,
      poolSize: config.dbPoolSize,
      driver: options.pgDriver,
      applicationName: config.serviceName,
      entities: options.entities,
      migrations: serviceMigrations(options.migrations),
    }),
    MessagingModule.forRoot(config.messaging, config.auth, options.actorLookup),
  ];
}
