import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';
import { createServiceDataSource } from './data-source.factory';
import {
  IDEMPOTENCY_KEY_TTL_HOURS,
  IdempotencyConflictError,
  createIdempotencyKeyTable,
  idempotentRequestOf,
  purgeExpiredIdempotencyKeys,
  requestFingerprint,
  runIdempotent,
} from './idempotency';

class ThingsAndKeys1764300000001 implements MigrationInterface {
  name = 'ThingsAndKeys1764300000001';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE thing (id uuid PRIMARY KEY, title text NOT NULL)`);
    await createIdempotencyKeyTable(runner);
  }
  async down(): Promise<void> {}
}

describe('idempotent creations (real Postgres)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  let other: DataSource;

  const create = (title: string) => async (manager: EntityManager) => {
    const id = randomUUID();
    await manager.query(`INSERT INTO thing (id, title) VALUES ($1, $2)`, [id, title]);
    return { id, title };
  };
  const count = async (title: string) => Number((await dataSource.query(`SELECT count(*) AS n FROM thing WHERE title = $1`, [title]))[0].n);

  beforeAll(async () => {
    env = await createTestEnvironment();
    const options = { url: env.databaseUrl, schema: env.schema('idem'), entities: [], migrations: [ThingsAndKeys1764300000001], poolSize: 4 };
    dataSource = createServiceDataSource(options);
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await dataSource.runMigrations();
    // A second replica of the same service: its own pool on the same schema.
    other = createServiceDataSource(options);
    await other.initialize();
  });

  afterAll(async () => {
    await other?.destroy();
    await dataSource?.destroy();
    await env?.cleanup();
  });

  it('fingerprints the canonical input: key order and the key itself do not matter, the operation does', () => {
    expect(requestFingerprint('a.create', { x: 1, y: { b: 2, a: [1, 'z'] }, clientRequestId: 'k1' })).toBe(requestFingerprint('a.create', { y: { a: [1, 'z'], b: 2 }, x: 1, clientRequestId: 'k2' }));
    expect(requestFingerprint('a.create', { x: 1 })).not.toBe(requestFingerprint('b.create', { x: 1 }));
    expect(requestFingerprint('a.create', { x: 1 })).not.toBe(requestFingerprint('a.create', { x: 2 }));
    expect(idempotentRequestOf('u1', 'a.create', { x: 1 } as { x: number; clientRequestId?: string })).toBeNull();
  });

  it('creates once and answers a retry with the first answer', async () => {
    const title = `t-${randomUUID()}`;
    const request = idempotentRequestOf('user-1', 'thing.create', { title, clientRequestId: `key-${randomUUID()}` });
    const first = await runIdempotent(dataSource, request, create(title));
    const retry = await runIdempotent(dataSource, request, create(title));
    expect(retry).toEqual(first);
    expect(await count(title)).toBe(1);
  });

  it('refuses the same key with another input (CONFLICT on clientRequestId) and creates nothing', async () => {
    const key = `key-${randomUUID()}`;
    const title = `t-${randomUUID()}`;
    await runIdempotent(dataSource, idempotentRequestOf('user-1', 'thing.create', { title, clientRequestId: key }), create(title));
    const changed = `${title}-changed`;
    const refused = await runIdempotent(dataSource, idempotentRequestOf('user-1', 'thing.create', { title: changed, clientRequestId: key }), create(changed)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IdempotencyConflictError);
    expect(refused).toMatchObject({ code: 'CONFLICT', field: 'clientRequestId' });
    expect(await count(changed)).toBe(0);
  });

  it('keeps callers apart: the same key from another caller is another request', async () => {
    const key = `key-${randomUUID()}`;
    const title = `t-${randomUUID()}`;
    const mine = await runIdempotent(dataSource, idempotentRequestOf('user-1', 'thing.create', { title, clientRequestId: key }), create(title));
    const theirs = await runIdempotent(dataSource, idempotentRequestOf('user-2', 'thing.create', { title, clientRequestId: key }), create(title));
    expect(theirs.id).not.toBe(mine.id);
    expect(await count(title)).toBe(2);
  });

  it('creates once when two replicas get the same key at the same moment; both answer alike', async () => {
    const title = `t-${randomUUID()}`;
    const request = idempotentRequestOf('user-1', 'thing.create', { title, clientRequestId: `key-${randomUUID()}` });
    const slow = (manager: EntityManager) => create(title)(manager).then(async (r) => (await new Promise((resolve) => setTimeout(resolve, 100)), r));
    const answers = await Promise.all([runIdempotent(dataSource, request, slow), runIdempotent(other, request, slow), runIdempotent(other, request, slow)]);
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await count(title)).toBe(1);
  });

  it('forgets a key after 24 hours: the same key is then a new request, and the purge deletes it', async () => {
    const title = `t-${randomUUID()}`;
    const request = idempotentRequestOf('user-1', 'thing.create', { title, clientRequestId: `key-${randomUUID()}` })!;
    const first = await runIdempotent(dataSource, request, create(title));
    await dataSource.query(`UPDATE idempotency_key SET created_at = now() - make_interval(hours => $2) - interval '1 second' WHERE key = $1`, [request.key, IDEMPOTENCY_KEY_TTL_HOURS]);
    const later = await runIdempotent(dataSource, request, create(title));
    expect(later.id).not.toBe(first.id);
    expect(await count(title)).toBe(2);
    await dataSource.query(`UPDATE idempotency_key SET created_at = now() - make_interval(hours => $2) - interval '1 second' WHERE key = $1`, [request.key, IDEMPOTENCY_KEY_TTL_HOURS]);
    expect(await purgeExpiredIdempotencyKeys(dataSource, true)).toBeGreaterThanOrEqual(1);
    expect((await dataSource.query(`SELECT 1 FROM idempotency_key WHERE key = $1`, [request.key])).length).toBe(0);
  });

  it('records nothing when the creation fails, so a retry creates', async () => {
    const title = `t-${randomUUID()}`;
    const request = idempotentRequestOf('user-1', 'thing.create', { title, clientRequestId: `key-${randomUUID()}` });
    await expect(runIdempotent(dataSource, request, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await runIdempotent(dataSource, request, create(title));
    expect(await count(title)).toBe(1);
  });
});
