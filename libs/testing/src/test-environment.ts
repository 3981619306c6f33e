import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Actor, Role } from '@phoi-hop/contracts';
import { DevTokenIssuer, InternalTokenIssuer, stableUserId, type AuthConfig } from '@phoi-hop/auth';

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/phoi_hop_test';
export const TEST_NATS_URL = process.env['TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';

/**
 * An isolated world for one test file on the shared Postgres and NATS: its own schemas
 * (`<id>_<service>`), its own subject prefix (`<id>.`) and its own JetStream stream, so tests run
 * beside each other and beside a running `npm start`.
 */
/** The settings every service takes (the shape of BaseServiceConfig of the messaging lib). */
export interface TestServiceConfig {
  serviceName: string;
  databaseUrl: string;
  dbSchema: string;
  dbPoolSize: number;
  messaging: { natsUrl: string; serviceName: string; subjectPrefix: string; streamName: string; rpcTimeoutMs: number };
  auth: AuthConfig;
  httpPort: number;
  httpHost: string;
}

export interface TestEnvironment {
  id: string;
  databaseUrl: string;
  natsUrl: string;
  subjectPrefix: string;
  streamName: string;
  devSecret: string;
  auth: AuthConfig;
  schema(service: string): string;
  serviceConfig(serviceName: string, overrides?: Partial<TestServiceConfig>): TestServiceConfig;
  /** A development token (as a person's client would send it): services map it to the directory user. */
  token(user: TestUser): Promise<string>;
  /**
   * An internal token, as the gateway sends it to the services after checking the caller: for
   * tests of one service without a directory to check callers against.
   */
  internalToken(user: TestUser, scopes?: string[]): Promise<string>;
  cleanup(): Promise<void>;
}

export interface TestUser {
  username: string;
  agencyCode: string;
  roles: Role[];
}

export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`).catch((error: { code?: string }) => {
        // Another test file created it first.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

export async function createTestEnvironment(): Promise<TestEnvironment> {
  const id = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  await ensureDatabase(TEST_DATABASE_URL);
  const devSecret = randomBytes(32).toString('hex');
  const internalSecret = randomBytes(32).toString('hex');
  const auth: AuthConfig = { mode: 'dev', devSecret, issuer: '', audience: '', nodeEnv: 'test', clockToleranceSeconds: 5, internalSecret };
  const issuer = new DevTokenIssuer(devSecret, 'test');
  const internalIssuer = new InternalTokenIssuer(internalSecret);
  const schemas = new Set<string>();
  const env: TestEnvironment = {
    id,
    databaseUrl: TEST_DATABASE_URL,
    natsUrl: TEST_NATS_URL,
    subjectPrefix: `${id}.`,
    streamName: `EVENTS_${id.toUpperCase()}`,
    devSecret,
    auth,
    schema(service) {
      const name = `${id}_${service}`;
      schemas.add(name);
      return name;
    },
    serviceConfig(serviceName, overrides = {}) {
      return {
        serviceName,
        databaseUrl: TEST_DATABASE_URL,
        dbSchema: env.schema(serviceName),
        dbPoolSize: 5,
        messaging: { natsUrl: TEST_NATS_URL, serviceName, subjectPrefix: env.subjectPrefix, streamName: env.streamName, rpcTimeoutMs: 5000 },
        auth,
        httpPort: 0,
        httpHost: '127.0.0.1',
        ...overrides,
      };
    },
    token(user) {
      const actor: Actor = { userId: stableUserId(user.username), username: user.username, agencyCode: user.agencyCode, roles: user.roles };
      return issuer.sign(actor, 3600);
    },
    async internalToken(user, scopes) {
      const actor: Actor = {
        userId: stableUserId(user.username),
        username: user.username,
        agencyCode: user.agencyCode,
        roles: user.roles,
        ...(scopes ? { scopes } : {}),
      };
      return (await internalIssuer.sign(actor)).token;
    },
    async cleanup() {
      const client = new Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
      const nc = await connect({ servers: TEST_NATS_URL });
      try {
        const jsm = await jetstreamManager(nc);
        await jsm.streams.delete(env.streamName).catch(() => false);
      } finally {
        await nc.close();
      }
    },
  };
  return env;
}

/** Seeded users of the Quảng Bình directory, as tests need them. */
export const SeededUsers = {
  stttLead: { username: 'stttt.lead', agencyCode: 'STTTT', roles: ['COORDINATOR'] },
  caOfficer: { username: 'ca.officer', agencyCode: 'CA', roles: ['OFFICER', 'INVESTIGATOR'] },
  btgOfficer: { username: 'btg.officer', agencyCode: 'BTG', roles: ['OFFICER'] },
  donghoiOfficer: { username: 'donghoi.officer', agencyCode: 'UBND_DONG_HOI', roles: ['OFFICER'] },
  lethuyOfficer: { username: 'lethuy.officer', agencyCode: 'UBND_LE_THUY', roles: ['OFFICER'] },
  sytOfficer: { username: 'syt.officer', agencyCode: 'SYT', roles: ['OFFICER'] },
  leader: { username: 'leader', agencyCode: 'VP_UBND', roles: ['LEADER'] },
  auditor: { username: 'auditor', agencyCode: 'VP_UBND', roles: ['AUDITOR'] },
  hnbOfficer: { username: 'hnb.officer', agencyCode: 'HNB', roles: ['ETHICS_OFFICER'] },
  hnbReviewer: { username: 'hnb.reviewer', agencyCode: 'HNB', roles: ['ETHICS_OFFICER'] },
  baoqbOfficer: { username: 'baoqb.officer', agencyCode: 'BAO_QB', roles: ['OFFICER'] },
} as const satisfies Record<string, TestUser>;

/** The port an app listens on (tests listen on port 0). */
export function listeningPort(app: { getHttpServer(): { address(): unknown } }): number {
  const address = app.getHttpServer().address() as { port: number } | string | null;
  if (!address || typeof address === 'string') throw new Error('The app is not listening on a TCP port');
  return address.port;
}

/** Waits until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Condition not met within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
}
