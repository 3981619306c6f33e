import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { PinoNestLogger, createLogger } from '@phoi-hop/observability';
import { internalSecretOf, type AuthConfig } from '@phoi-hop/auth';
import { createTestEnvironment, graphqlRequest, listeningPort, type TestEnvironment, type TestUser } from '@phoi-hop/testing';
import { createConsultationApp, type ConsultationConfig } from '@phoi-hop/app-consultation';
import { createDirectoryApp, defaultSeedDir } from '@phoi-hop/app-directory';
import { DEFAULT_ALLOWED_MIME_TYPES, createEvidenceApp, type CaptureNetwork, type EvidenceConfig, type EvidenceModuleDeps } from '@phoi-hop/app-evidence';
import { createGatewayApp, type IntrospectionMode } from '@phoi-hop/app-gateway';
import { createIntakeApp } from '@phoi-hop/app-intake';
import { createNotificationApp, DEFAULT_DISPATCH_SETTINGS } from '@phoi-hop/app-notification';
import { createPressApp, type PressConfig } from '@phoi-hop/app-press';
import { createReportingApp, type ReportingConfig } from '@phoi-hop/app-reporting';

export interface Platform {
  env: TestEnvironment;
  graphqlUrl: string;
  wsUrl: string;
  directory: INestApplication | null;
  intake: INestApplication | null;
  consultation: INestApplication | null;
  notification: INestApplication | null;
  evidence: INestApplication | null;
  reporting: INestApplication | null;
  /** The evidence service's blob store directory (a temporary one per platform). */
  evidenceDir: string;
  press: INestApplication | null;
  /** The notification service's per-agency feed stream (isolated like the events stream). */
  agencyFeedStream: string;
  gateway: INestApplication;
  /** Starts another consultation replica on the same schema (deadline tests). */
  startConsultationReplica(): Promise<INestApplication>;
  /** Stops intake (if it runs) and starts it again on the same schema: what survives a restart. */
  restartIntake(): Promise<INestApplication>;
  /** Adds a user to the directory (as the seeded administrator): only directory users are let in. */
  addUser(user: TestUser, displayName?: string): Promise<void>;
  /** Starts another gateway replica; answers its GraphQL URL (cache invalidation tests). */
  startGatewayReplica(): Promise<string>;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** The `pg` module the services use (an instrumented one for tracing tests). */
  pgDriver?: unknown;
  rpcTimeoutMs?: number;
  /** Gateway rate limit per caller; off unless a test asks for it. */
  rateLimitPerSecond?: number;
  rateLimitBurst?: number;
  /** SMTP server the notification service sends through (default: none, e-mails are logged). */
  smtpUrl?: string;
  /** How often consultation deadlines are looked for (default 100 ms, so tests need not wait). */
  deadlinePollMs?: number;
  /** Authentication settings of every service (default: the environment's development issuer). */
  auth?: Partial<AuthConfig>;
  /** Who may introspect the gateway's schema (default: anyone). */
  introspection?: IntrospectionMode;
  /** Evidence settings over the test defaults (no private addresses, no Chromium, 1 MB uploads). */
  evidence?: Partial<Pick<EvidenceConfig, 'maxUploadBytes' | 'capture' | 'signingKeyPem' | 'signingKeyId' | 'timestamping'>>;
  /** Daily media digest settings over the test defaults (feeds on loopback allowed, the poller run by the test). */
  digest?: Partial<ReportingConfig['digest']>;
  /** Tests only: DNS answers and connection targets of evidence captures. */
  captureNetwork?: CaptureNetwork;
  /** Evidence's blob store (default: the filesystem under `evidenceDir`), and whether it retries timestamps on its own (default: no, tests call retryDue). */
  evidenceDeps?: Pick<EvidenceModuleDeps, 'blobStore' | 'timestampRetry'>;
  /** Press settings over the test defaults (10-working-day reply window, 6 months to file, replies' files of 256 KiB, 3 a reply, 512 KiB in all). */
  press?: Partial<Pick<PressConfig, 'complaints' | 'replyLinks' | 'retentionPollMs' | 'statementFeed' | 'attachments'>>;
}

/**
 * Boots directory, intake and gateway in this process against the real Postgres and NATS, in an
 * isolated environment (own schemas, subject prefix and stream).
 */
/** Service logs are off in tests unless E2E_LOG=1. */
function logger(name: string): LoggerService | false {
  return process.env['E2E_LOG'] ? new PinoNestLogger(createLogger(name, 'debug')) : false;
}

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const env = await createTestEnvironment();
  const auth: AuthConfig = { ...env.auth, ...options.auth };
  const messaging = (name: string) => ({ ...env.serviceConfig(name, { auth }).messaging, rpcTimeoutMs: options.rpcTimeoutMs ?? 5000 });
  const deps = options.pgDriver ? { pgDriver: options.pgDriver } : {};
  // The services boot side by side (each migrates its own schema, and none asks another at boot;
  // their durable consumers read the stream from its start): the boots wait on Postgres and NATS
  // more than they compute. The gateway comes last, once every service answers.
  const evidenceDir = await mkdtemp(path.join(tmpdir(), `phoi-hop-evidence-${env.id}-`));
  const directoryStart = createDirectoryApp(
    { ...env.serviceConfig('directory', { auth }), messaging: messaging('directory'), seedDir: defaultSeedDir() },
    logger('directory'),
    deps,
  );
  const deadlines = { reminderLeadMs: 24 * 3_600_000, criticalEscalationAgencyCode: 'VP_UBND', pollIntervalMs: options.deadlinePollMs ?? 100 };
  const startIntake = () =>
    createIntakeApp(
      {
        ...env.serviceConfig('intake', { auth }),
        messaging: messaging('intake'),
        caseNumberPrefix: 'QB',
        outboxRelayEnabled: true,
        schedulerEnabled: true,
        deadlines,
      },
      logger('intake'),
      deps,
    );
  const intakeStart = startIntake();
  const consultationConfig = (): ConsultationConfig => ({
    ...env.serviceConfig('consultation', { auth }),
    messaging: messaging('consultation'),
    outboxRelayEnabled: true,
    schedulerEnabled: true,
    deadlines,
  });
  const consultationStart = createConsultationApp(consultationConfig(), logger('consultation'), deps);
  const agencyFeedStream = `AGENCY_FEED_${env.id.toUpperCase()}`;
  const notificationStart = createNotificationApp(
    {
      ...env.serviceConfig('notification', { auth }),
      messaging: messaging('notification'),
      outboxRelayEnabled: true,
      agencyFeedStream,
      dispatch: { ...DEFAULT_DISPATCH_SETTINGS, pollIntervalMs: 100, ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}) },
    },
    logger('notification'),
    deps,
  );
  const evidenceStart = createEvidenceApp(
    {
      ...env.serviceConfig('evidence'),
      messaging: messaging('evidence'),
      outboxRelayEnabled: true,
      evidenceDir,
      storage: { kind: 'filesystem' },
      timestamping: null,
      maxUploadBytes: 1024 * 1024,
      allowedMimeTypes: DEFAULT_ALLOWED_MIME_TYPES,
      uploadTtlSeconds: 300,
      publicUrl: null,
      capture: { allowPrivateAddresses: false, timeoutMs: 10_000, maxBytes: 1024 * 1024, maxRedirects: 5, chromiumPath: null },
      signingKeyPem: null,
      signingKeyId: null,
      // Integrity runs only when a test asks for one (IntegrityScheduler.runNow).
      integrity: { enabled: false, intervalMs: 3_600_000 },
      phashMaxDistance: 10,
      // The purge runs only when a test asks for one (RetentionScheduler.runNow).
      retention: { enabled: false, days: 30, intervalMs: 3_600_000 },
      production: false,
      ...options.evidence,
    },
    logger('evidence'),
    { ...deps, timestampRetry: false, ...options.evidenceDeps, ...(options.captureNetwork ? { captureNetwork: options.captureNetwork } : {}) },
  );
  const pressStart = createPressApp(
    {
      ...env.serviceConfig('press', { auth }),
      messaging: messaging('press'),
      outboxRelayEnabled: true,
      schedulerEnabled: true,
      deadlines,
      complaints: { admissibleMonths: 6, replyWindowWorkingDays: 10, appealWindowWorkingDays: 10, pressAssociationAgencyCode: 'HNB' },
      replyLinks: { secret: `press-reply-links-of-${env.id}-for-tests-only`, publicUrl: null },
      statementFeed: { pageSize: 100 },
      // Small limits, so that refusals need only small bodies.
      attachments: { maxFileBytes: 256 * 1024, maxFiles: 3, maxTotalBytes: 512 * 1024, uploadTtlSeconds: 300 },
      retentionPollMs: 100,
      production: false,
      ...options.press,
    },
    logger('press'),
    deps,
  );
  const reportingStart = createReportingApp(
    {
      ...env.serviceConfig('reporting', { auth }),
      messaging: messaging('reporting'),
      outboxRelayEnabled: true,
      readModelConsumerEnabled: true,
      // The digest poller runs when a test asks (DigestFeedPoller.runDue); feeds may be served on loopback.
      digest: {
        allowPrivateAddresses: true,
        fetchTimeoutMs: 5_000,
        maxBytes: 1024 * 1024,
        maxRedirects: 5,
        pollerEnabled: false,
        tickMs: 60_000,
        publicUrl: null,
        linkSecret: internalSecretOf(auth),
        ...options.digest,
      },
      schedulerEnabled: true,
      deadlines,
      reportLeadAgencyCode: 'STTTT',
    },
    logger('reporting'),
    deps,
  );
  const [directory, intake, consultation, notification, evidence, press, reporting] = await allStarted(
    [directoryStart, intakeStart, consultationStart, notificationStart, evidenceStart, pressStart, reportingStart],
    evidenceDir,
  );
  const replicas: INestApplication[] = [];
  const gatewayConfig = () => ({
    serviceName: 'gateway' as const,
    messaging: messaging('gateway'),
    auth,
    httpPort: 0,
    httpHost: '127.0.0.1',
    bodyLimitBytes: 256 * 1024,
    rateLimitPerSecond: options.rateLimitPerSecond ?? 0,
    rateLimitBurst: options.rateLimitBurst ?? 0,
    internalTokenTtlSeconds: 300,
    ...(options.introspection ? { introspection: options.introspection } : {}),
  });
  const gateway = await createGatewayApp(gatewayConfig(), logger('gateway'));
  const port = listeningPort(gateway);
  const platform: Platform = {
    env,
    graphqlUrl: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    directory,
    intake,
    consultation,
    notification,
    evidence,
    reporting,
    evidenceDir,
    press,
    agencyFeedStream,
    gateway,
    async startConsultationReplica() {
      const replica = await createConsultationApp(consultationConfig(), logger('consultation'), deps);
      replicas.push(replica);
      return replica;
    },
    async restartIntake() {
      await platform.intake?.close();
      platform.intake = await startIntake();
      return platform.intake;
    },
    async addUser(user, displayName = `${user.username} (tài khoản thử)`) {
      const admin = await env.token({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });
      const result = await graphqlRequest(
        platform.graphqlUrl,
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        { i: { ...user, displayName } },
        admin,
      );
      if (result.errors) throw new Error(`Could not add ${user.username}: ${JSON.stringify(result.errors)}`);
    },
    async startGatewayReplica() {
      const replica = await createGatewayApp(gatewayConfig(), logger('gateway'));
      replicas.push(replica);
      return `http://127.0.0.1:${listeningPort(replica)}/graphql`;
    },
    async stop() {
      for (const replica of replicas) await replica.close();
      await gateway.close();
      await platform.press?.close();
      await platform.reporting?.close();
      await platform.evidence?.close();
      await rm(evidenceDir, { recursive: true, force: true });
      await platform.notification?.close();
      await platform.consultation?.close();
      await platform.intake?.close();
      await platform.directory?.close();
      await deleteStream(env.natsUrl, agencyFeedStream);
      await env.cleanup();
    },
  };
  return platform;
}

/** The apps once all have started; if one fails, those that started are closed and its error thrown. */
async function allStarted<T extends INestApplication[]>(starts: { [K in keyof T]: Promise<T[K]> }, evidenceDir: string): Promise<T> {
  const outcomes = await Promise.allSettled(starts);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (!failed) return outcomes.map((o) => (o as PromiseFulfilledResult<INestApplication>).value) as T;
  for (const o of outcomes) if (o.status === 'fulfilled') await o.value.close().catch(() => undefined);
  await rm(evidenceDir, { recursive: true, force: true });
  throw failed.reason;
}

async function deleteStream(natsUrl: string, streamName: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    await (await jetstreamManager(nc)).streams.delete(streamName).catch(() => false);
  } finally {
    await nc.close();
  }
}
