import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createTestEnvironment, eventually, type TestEnvironment } from '@phoi-hop/testing';
import { createServiceDataSource } from './data-source.factory';
import { metricsRegistry } from '@phoi-hop/observability';
import { DueWorkPoller, deadlineTableStatements } from './due-work.poller';

interface Item {
  id: string;
  label: string;
}

describe(DueWorkPoller.name, () => {
  let env: TestEnvironment;
  let sql: Client;
  let schema: string;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment();
    schema = env.schema('due_work');
    sql = new Client({ connectionString: env.databaseUrl });
    await sql.connect();
    await sql.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await sql.query(`SET search_path TO "${schema}"`);
    await sql.query(
      `CREATE TABLE due_item (id uuid PRIMARY KEY, label text NOT NULL, due_at timestamptz NOT NULL, done_at timestamptz, attempts int NOT NULL DEFAULT 0, last_error text)`,
    );
    await sql.query(`CREATE TABLE effect (item_id uuid NOT NULL, worker text NOT NULL)`);
  });

  afterAll(async () => {
    for (const source of sources) if (source.isInitialized) await source.destroy();
    await sql?.end();
    await env?.cleanup();
  });

  beforeEach(async () => {
    await sql.query(`TRUNCATE due_item, effect`);
  });

  async function dataSource(): Promise<DataSource> {
    const source = createServiceDataSource({ url: env.databaseUrl, schema, entities: [], migrations: [], poolSize: 4 });
    await source.initialize();
    sources.push(source);
    return source;
  }

  function poller(source: DataSource, worker: string, handle?: (item: Item) => void, errors: string[] = []): DueWorkPoller<Item> {
    return new DueWorkPoller<Item>(source, {
      claimSql: `SELECT id, label FROM due_item WHERE done_at IS NULL AND due_at <= now() AND attempts < $1 AND NOT (id = ANY($2::uuid[]))
                  ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      doneSql: `UPDATE due_item SET done_at = now() WHERE id = $1`,
      failedSql: `UPDATE due_item SET attempts = attempts + 1, last_error = $2 WHERE id = $1`,
      handle: async (manager, item) => {
        handle?.(item);
        await manager.query(`INSERT INTO effect (item_id, worker) VALUES ($1, $2)`, [item.id, worker]);
      },
      intervalMs: 20,
      maxAttempts: 3,
      onError: (error) => errors.push(String((error as Error).message)),
    });
  }

  async function seed(count: number, dueInMs = -1000): Promise<void> {
    await sql.query(
      `INSERT INTO due_item (id, label, due_at) SELECT gen_random_uuid(), 'item ' || g, now() + make_interval(secs => $2::double precision / 1000) FROM generate_series(1, $1) g`,
      [count, dueInMs],
    );
  }

  it('handles each due item exactly once with three replicas polling at the same time', async () => {
    await seed(150);
    const replicas = await Promise.all(['a', 'b', 'c'].map(async (worker) => poller(await dataSource(), worker)));
    for (const replica of replicas) replica.start();
    await eventually(async () => ((await sql.query(`SELECT count(*)::int AS n FROM due_item WHERE done_at IS NULL`)).rows[0].n === 0 ? true : undefined));
    for (const replica of replicas) await replica.stop();
    const { rows } = await sql.query(
      `SELECT count(*)::int AS effects, count(DISTINCT item_id)::int AS items, count(DISTINCT worker)::int AS workers FROM effect`,
    );
    expect(rows[0]).toMatchObject({ effects: 150, items: 150 });
    expect(rows[0].workers).toBeGreaterThan(1);
  });

  it('leaves items that are not due yet', async () => {
    await seed(3, 60_000);
    expect(await poller(await dataSource(), 'a').tick()).toBe(0);
    expect((await sql.query(`SELECT count(*)::int AS n FROM effect`)).rows[0].n).toBe(0);
  });

  it('rolls a failed item back, retries it up to the limit, and does not hold up the others', async () => {
    await seed(5);
    const errors: string[] = [];
    const failing = poller(
      await dataSource(),
      'a',
      (item) => {
        if (item.label === 'item 1') throw new Error('SMTP down');
      },
      errors,
    );
    expect(await failing.tick()).toBe(4);
    expect(await failing.tick()).toBe(0);
    expect(await failing.tick()).toBe(0);
    expect(await failing.tick()).toBe(0);
    const { rows } = await sql.query(`SELECT attempts, last_error, done_at FROM due_item WHERE label = 'item 1'`);
    expect(rows[0]).toMatchObject({ attempts: 3, last_error: 'SMTP down', done_at: null });
    expect(errors).toEqual(['SMTP down', 'SMTP down', 'SMTP down']);
    // The failed handling left no effect behind.
    expect((await sql.query(`SELECT count(*)::int AS n FROM effect`)).rows[0].n).toBe(4);
  });

  it('gives an item claimed by a replica that dies mid-transaction to another replica', async () => {
    await seed(1);
    const doomed = await dataSource();
    let claimedBy: number | null = null;
    const dying = poller(doomed, 'doomed', () => {
      throw new Error('unreachable');
    });
    // The replica claims the item, then its connection is killed before it commits.
    const claim = doomed.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT id FROM due_item FOR UPDATE SKIP LOCKED`);
      [{ pid: claimedBy }] = await manager.query(`SELECT pg_backend_pid() AS pid`);
      await sql.query(`SELECT pg_terminate_backend($1)`, [claimedBy]);
      await manager.query(`UPDATE due_item SET done_at = now() WHERE id = $1`, [row.id]);
    });
    await expect(claim).rejects.toThrow();
    await dying.stop();
    const survivor = poller(await dataSource(), 'survivor');
    expect(await survivor.tick()).toBe(1);
    expect((await sql.query(`SELECT worker FROM effect`)).rows).toEqual([{ worker: 'survivor' }]);
  });

  it('reports the deadline backlog, the stuck deadlines and the oldest wait after each tick', async () => {
    await sql.query(
      `CREATE TABLE IF NOT EXISTS metered_deadline (id uuid PRIMARY KEY, label text NOT NULL, due_at timestamptz NOT NULL, fired_at timestamptz, cancelled_at timestamptz, attempts int NOT NULL DEFAULT 0, last_error text)`,
    );
    await sql.query(`TRUNCATE metered_deadline`);
    await sql.query(`INSERT INTO metered_deadline (id, label, due_at, attempts, fired_at, cancelled_at) VALUES
      (gen_random_uuid(), 'failing', now() - interval '2 minutes', 0, NULL, NULL),
      (gen_random_uuid(), 'late', now() - interval '1 minute', 0, NULL, NULL),
      (gen_random_uuid(), 'given up', now() - interval '1 hour', 3, NULL, NULL),
      (gen_random_uuid(), 'later', now() + interval '1 hour', 0, NULL, NULL),
      (gen_random_uuid(), 'fired', now() - interval '1 day', 0, now(), NULL),
      (gen_random_uuid(), 'cancelled', now() - interval '1 day', 0, NULL, now())`);
    const metered = new DueWorkPoller<Item>(await dataSource(), {
      ...deadlineTableStatements('metered_deadline', ['label']),
      handle: async (_manager, item) => {
        if (item.label === 'failing') throw new Error('still failing');
      },
      intervalMs: 20,
      maxAttempts: 3,
    });
    const gauges = async () => {
      const text = await metricsRegistry().metrics();
      const value = (pattern: RegExp) => Number(text.match(pattern)?.[1]);
      return {
        due: value(/^phoihop_due_work_pending\{queue="metered_deadline",state="due"\} (\S+)$/m),
        stuck: value(/^phoihop_due_work_pending\{queue="metered_deadline",state="stuck"\} (\S+)$/m),
        scheduled: value(/^phoihop_due_work_pending\{queue="metered_deadline",state="scheduled"\} (\S+)$/m),
        oldest: value(/^phoihop_due_work_oldest_due_seconds\{queue="metered_deadline"\} (\S+)$/m),
      };
    };
    // 'late' fires; 'failing' stays due (one attempt used), so it is the backlog and the oldest wait.
    expect(await metered.tick()).toBe(1);
    const first = await gauges();
    expect(first).toMatchObject({ due: 1, stuck: 1, scheduled: 1 });
    expect(first.oldest).toBeGreaterThanOrEqual(119);
    expect(first.oldest).toBeLessThan(180);
    // Two more failures exhaust its attempts: nothing is due any more, two are stuck.
    await metered.tick();
    await metered.tick();
    expect(await gauges()).toEqual({ due: 0, stuck: 2, scheduled: 1, oldest: 0 });
  });
});
