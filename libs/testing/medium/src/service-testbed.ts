import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import {
  ErrorCodes,
  RpcSubjects,
  provinceDay,
  type Actor,
  type AgencyDto,
  type OfficerDto,
  type ProvisionDto,
  type RpcSubject,
  type SlaPolicy,
} from '@phoi-hop/contracts';
import { RpcCallError, serviceMigrations } from '@phoi-hop/messaging';
import { createServiceDataSource, runServiceMigrations } from '@phoi-hop/persistence';
import type { RoutingSnapshot } from '@phoi-hop/routing';
import { stableUserId } from '@phoi-hop/auth';
import { ensureDatabase, TEST_DATABASE_URL, type TestUser } from '@phoi-hop/testing';

// A project of its own (beside libs/testing, which the libs' own integration tests use): it builds
// service schemas with the persistence and messaging libs, which libs/testing must not depend on.

/**
 * The "medium" tier: one service tested through its public methods against the real Postgres with
 * its real repositories, without NATS, HTTP or other services. A testbed is one fresh schema of the
 * test database, migrated with the service's own migrations list (outbox, inbox and audit tables
 * first, as at boot), and dropped again by `cleanup`.
 */
export interface ServiceTestbedOptions {
  /** The service whose schema this is (the schema is `m<unique id>_<service>`). */
  service: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  /** The service's own migrations, as its module lists them. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

export interface OutboxRow {
  subject: string;
  aggregateId: string;
  visibleTo: string[];
  data: Record<string, unknown>;
}

export interface AuditRow {
  action: string;
  targetType: string;
  targetId: string;
  actorUserId: string | null;
  actorAgency: string | null;
  summary: Record<string, unknown>;
}

export interface ServiceTestbed {
  schema: string;
  dataSource: DataSource;
  /** The events the service appended to its outbox, oldest first (optionally those of one aggregate). */
  outbox(aggregateId?: string): Promise<OutboxRow[]>;
  /** The audit entries the service wrote, oldest first (optionally those about one target). */
  audit(targetId?: string): Promise<AuditRow[]>;
  cleanup(): Promise<void>;
}

export async function createServiceTestbed(options: ServiceTestbedOptions): Promise<ServiceTestbed> {
  await ensureDatabase(TEST_DATABASE_URL);
  const schema = `m${Date.now().toString(36)}${randomBytes(3).toString('hex')}_${options.service}`;
  const dataSource = createServiceDataSource({
    url: TEST_DATABASE_URL,
    schema,
    entities: options.entities ?? [],
    migrations: serviceMigrations(options.migrations),
    poolSize: 4,
  });
  // A test schema is dropped after its file: its commits need not wait for the WAL to reach a disk
  // that other engineers' databases share (most of a commit's time on a busy machine).
  const extra = dataSource.options.extra as { options: string };
  dataSource.setOptions({ extra: { ...extra, options: `${extra.options} -c synchronous_commit=off` } });
  const dropSchema = async () => {
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  };
  await dataSource.initialize();
  try {
    await runServiceMigrations(dataSource);
  } catch (error) {
    // A migration that fails leaves no half-built schema behind.
    await dataSource.destroy();
    await dropSchema();
    throw error;
  }
  return {
    schema,
    dataSource,
    async outbox(aggregateId) {
      const rows: Array<{ subject: string; envelope: { aggregateId: string; visibleTo: string[]; data: Record<string, unknown> } }> = await dataSource.query(
        `SELECT subject, envelope FROM outbox ${aggregateId ? `WHERE envelope->>'aggregateId' = $1` : ''} ORDER BY seq`,
        aggregateId ? [aggregateId] : [],
      );
      return rows.map((r) => ({ subject: r.subject, aggregateId: r.envelope.aggregateId, visibleTo: r.envelope.visibleTo, data: r.envelope.data }));
    },
    async audit(targetId) {
      const rows: Array<{
        action: string;
        target_type: string;
        target_id: string;
        actor_user_id: string | null;
        actor_agency: string | null;
        summary: Record<string, unknown>;
      }> = await dataSource.query(
        `SELECT action, target_type, target_id, actor_user_id, actor_agency, summary FROM audit_log ${targetId ? 'WHERE target_id = $1' : ''} ORDER BY seq`,
        targetId ? [targetId] : [],
      );
      return rows.map((r) => ({
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        actorUserId: r.actor_user_id,
        actorAgency: r.actor_agency,
        summary: r.summary,
      }));
    },
    async cleanup() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropSchema();
    },
  };
}

/** The actor a verified request of `user` carries (as the RPC interceptor would set it). */
export function actorOf(user: TestUser): Actor {
  return { userId: stableUserId(user.username), username: user.username, agencyCode: user.agencyCode, roles: [...user.roles] };
}

/**
 * Stands for the outbox relay: the service kicks it after a commit with events; the events
 * themselves are real rows of the outbox table (assert on those, through `ServiceTestbed.outbox`).
 */
export class RecordingOutboxRelay {
  kicks = 0;

  kick(): void {
    this.kicks++;
  }
}

type RpcHandler = (data: never) => unknown;

/**
 * Stands for the other services a service asks over RPC (e.g. the directory for agencies): answers
 * the subjects a test registers, in process; any other subject fails as an unanswered request would.
 * Provide it in place of `RpcClient`.
 */
export class InMemoryServices {
  private readonly handlers = new Map<string, RpcHandler>();
  readonly calls: Array<{ subject: string; data: unknown }> = [];

  answer<T>(subject: RpcSubject, handler: (data: T) => unknown): this {
    this.handlers.set(subject, handler as RpcHandler);
    return this;
  }

  async request<TResponse>(subject: RpcSubject, data: unknown): Promise<TResponse> {
    this.calls.push({ subject, data });
    const handler = this.handlers.get(subject);
    if (!handler) throw new RpcCallError(ErrorCodes.UNAVAILABLE, `Service unavailable: ${subject} has no responder`, undefined, subject);
    // A copy, as a message over the wire would be: the service cannot alter the test's data.
    return structuredClone(await handler(data as never)) as TResponse;
  }
}

/** Where the Quảng Bình directory seed lives (the province the tests use). */
export const QUANG_BINH_SEED_DIR = join(__dirname, '..', '..', '..', '..', 'apps', 'directory', 'seed', 'quang-binh');

/**
 * The routing snapshot the directory would serve today for a seed folder as seeded (version 0):
 * what a service that routes with libs/routing needs, without a directory to ask.
 */
export function seedRoutingSnapshot(seedDir: string = QUANG_BINH_SEED_DIR): RoutingSnapshot {
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(seedDir, file), 'utf8')) as T;
  const province = read<{ sla: SlaPolicy }>('province.json');
  return {
    day: provinceDay(),
    version: 0,
    sla: province.sla,
    agencies: read('agencies.json'),
    localities: read('localities.json'),
    sectors: read('sectors.json'),
    categories: read('categories.json'),
    rules: read('rules.json'),
  };
}

/**
 * Stands for the core-NATS notices between caches (e.g. the directory's "reference data changed"):
 * delivers what is published to what subscribed in process, and keeps the subjects published.
 * Provide it as `NATS_CONNECTION` to a service that only announces and listens for such notices.
 */
export class InMemoryNoticeBus {
  readonly published: string[] = [];
  private readonly listeners = new Map<string, Set<(error: Error | null) => void>>();

  subscribe(subject: string, options: { callback: (error: Error | null) => void }): { unsubscribe(): void } {
    const set = this.listeners.get(subject) ?? new Set();
    set.add(options.callback);
    this.listeners.set(subject, set);
    return { unsubscribe: () => set.delete(options.callback) };
  }

  publish(subject: string): void {
    this.published.push(subject);
    for (const callback of this.listeners.get(subject) ?? []) callback(null);
  }
}

/**
 * Stands for the directory as seeded from `seedDir` (read-only answers: the routing snapshot,
 * agencies, officers and legal provisions), registered on `services`, for the services that ask it.
 */
export function answerAsSeededDirectory(services: InMemoryServices, seedDir: string = QUANG_BINH_SEED_DIR): InMemoryServices {
  const snapshot = seedRoutingSnapshot(seedDir);
  const users = JSON.parse(readFileSync(join(seedDir, 'users.json'), 'utf8')) as Array<{
    username: string;
    displayName: string;
    agencyCode: string;
    active?: boolean;
  }>;
  const provisions = new Map<string, ProvisionDto>();
  for (const category of snapshot.categories) {
    for (const b of category.legalBases) {
      const categoryCodes = [...(provisions.get(b.code)?.categoryCodes ?? []), category.code];
      provisions.set(b.code, {
        code: b.code,
        citation: b.citation,
        effectiveFrom: b.effectiveFrom,
        effectiveTo: b.effectiveTo,
        successorCode: b.successorCode,
        categoryCodes,
      });
    }
  }
  const toAgency = (a: RoutingSnapshot['agencies'][number]): AgencyDto => ({
    code: a.code,
    name: a.name,
    kind: a.kind,
    parentCode: a.parentCode,
    localityCode: a.localityCode,
    validFrom: a.validFrom,
    validTo: a.validTo,
    successorCode: a.successorCode,
    contacts: a.contacts ?? {},
  });
  return services
    .answer(RpcSubjects.directory.routingSnapshot, () => seedRoutingSnapshot(seedDir))
    .answer<{ codes: string[] }>(RpcSubjects.directory.agencyGetMany, ({ codes }) => snapshot.agencies.filter((a) => codes.includes(a.code)).map(toAgency))
    .answer<{ usernames: string[] }>(RpcSubjects.directory.userResolve, ({ usernames }) =>
      users
        .filter((u) => usernames.includes(u.username))
        .map((u): OfficerDto => ({ username: u.username, displayName: u.displayName, agencyCode: u.agencyCode, active: u.active ?? true })),
    )
    .answer<{ codes: string[] }>(RpcSubjects.directory.provisionResolve, ({ codes }) => {
      const missing = codes.filter((code) => !provisions.has(code));
      if (missing.length) throw new RpcCallError(ErrorCodes.BAD_USER_INPUT, `Unknown legal provision ${missing.join(', ')}`, 'provisionCodes');
      return [...new Set(codes)].map((code) => provisions.get(code)!);
    });
}
