import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@phoi-hop/contracts';
import { createServiceDataSource, runServiceMigrations } from '@phoi-hop/persistence';
import { createTestEnvironment, eventually, type TestEnvironment } from '@phoi-hop/testing';
import { DurableConsumer, type EventBatchHandler } from './durable.consumer';
import { ensureEventsStream } from './jetstream.provisioning';
import { CreateMessagingTables1764300000000 } from './messaging-tables.migration';

/** Each test's events on a subject of their own, so that its consumer (from the stream's start) sees only them. */
const subjectOf = (durable: string) => `evt.test.${durable}.happened`;

describe('durable consumer in batch mode (real Postgres and NATS)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    env = await createTestEnvironment();
    dataSource = createServiceDataSource({ url: env.databaseUrl, schema: env.schema('batch'), entities: [], migrations: [CreateMessagingTables1764300000000] });
    await dataSource.initialize();
    await runServiceMigrations(dataSource);
    await dataSource.query(`CREATE TABLE applied (consumer text NOT NULL, event_id uuid NOT NULL, batch int NOT NULL)`);
    nc = await connect({ servers: env.natsUrl });
    jsm = await jetstreamManager(nc);
    await ensureEventsStream(jsm, { streamName: env.streamName, subjectPrefix: env.subjectPrefix });
  });

  afterAll(async () => {
    await nc?.close();
    await dataSource?.destroy();
    await env?.cleanup();
  });

  const envelope = (durable: string, id = randomUUID()): EventEnvelope => ({
    id,
    type: subjectOf(durable),
    occurredAt: new Date().toISOString(),
    aggregateId: id,
    visibleTo: ['STTTT'],
    data: {},
  });

  /** Publishes each envelope under a fresh message id, so that JetStream keeps every copy (a redelivery by a relay past its window). */
  async function publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    const js = jetstream(nc);
    for (const e of envelopes) await js.publish(`${env.subjectPrefix}${e.type}`, JSON.stringify(e), { msgID: randomUUID() });
  }

  /** A batch consumer whose handler records each event with the number of its batch. */
  function consumer(durable: string, handler: EventBatchHandler, options: { maxBatch?: number; maxDeliver?: number } = {}) {
    return new DurableConsumer(
      jetstream(nc),
      jsm,
      dataSource,
      {
        durable,
        streamName: env.streamName,
        subjectPrefix: env.subjectPrefix,
        subjects: [subjectOf(durable)],
        serviceName: 'test',
        ackWaitMs: 5_000,
        ...options,
      },
      { batch: handler },
    );
  }

  let batches = 0;
  const record =
    (durable: string): EventBatchHandler =>
    async (envelopes, manager) => {
      const batch = ++batches;
      await manager.query(`INSERT INTO applied (consumer, event_id, batch) SELECT $1, id, $3 FROM unnest($2::uuid[]) AS u(id)`, [
        durable,
        envelopes.map((e) => e.id),
        batch,
      ]);
    };

  async function appliedOf(durable: string): Promise<{ event_id: string; n: number; batches: number }[]> {
    return dataSource.query(
      `SELECT event_id, count(*)::int AS n, count(DISTINCT batch)::int AS batches FROM applied WHERE consumer = $1 GROUP BY event_id ORDER BY event_id`,
      [durable],
    );
  }

  async function settled(durable: string): Promise<true | undefined> {
    const info = await jsm.consumers.info(env.streamName, durable);
    return info.num_pending + info.num_ack_pending === 0 ? true : undefined;
  }

  it('applies the fetched messages in batches, each event once, and acknowledges them after the commit', async () => {
    const durable = 'batch-commit';
    const events = Array.from({ length: 40 }, () => envelope(durable));
    // Published before the consumer starts: the fetched messages are waiting, so batches hold several.
    await publish(events);
    // Messages that are not envelopes are terminated, and the others are not held up by them.
    for (const junk of ['not json', '42', '{"id":"x"}'])
      await jetstream(nc).publish(`${env.subjectPrefix}${subjectOf(durable)}`, junk, { msgID: randomUUID() });
    const c = consumer(durable, record(durable), { maxBatch: 16 });
    await c.start();
    try {
      await eventually(() => settled(durable), 20_000);
      const rows = await appliedOf(durable);
      expect(rows.map((r) => r.event_id).sort()).toEqual(events.map((e) => e.id).sort());
      expect(rows.every((r) => r.n === 1)).toBe(true);
      const [sizes] = (await dataSource.query(
        `SELECT max(n)::int AS largest, count(*)::int AS batches FROM (SELECT batch, count(*) AS n FROM applied WHERE consumer = $1 GROUP BY batch) b`,
        [durable],
      )) as { largest: number; batches: number }[];
      expect(sizes!.largest).toBeGreaterThan(1);
      expect(sizes!.largest).toBeLessThanOrEqual(16);
      const [inbox] = (await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = $1`, [durable])) as { n: number }[];
      expect(inbox!.n).toBe(40);
    } finally {
      await c.stop();
    }
  });

  it('rolls a failed batch back, acknowledges none of it, and applies its events once when they are redelivered', async () => {
    const durable = 'batch-failing';
    const events = Array.from({ length: 12 }, () => envelope(durable));
    await publish(events);
    const inner = record(durable);
    const seen: { size: number; failed: boolean }[] = [];
    const c = consumer(durable, async (envelopes, manager) => {
      await inner(envelopes, manager);
      // The first batch of several fails after writing: its rows and inbox entries must be rolled back.
      const failed = envelopes.length > 1 && !seen.some((s) => s.failed);
      seen.push({ size: envelopes.length, failed });
      if (failed) throw new Error('database went away');
    });
    await c.start();
    try {
      await eventually(() => settled(durable), 20_000);
      const rows = await appliedOf(durable);
      expect(rows.map((r) => r.event_id).sort()).toEqual(events.map((e) => e.id).sort());
      expect(rows.every((r) => r.n === 1)).toBe(true);
      const failed = seen.find((s) => s.failed)!;
      expect(failed.size).toBeGreaterThan(1);
      // The failed batch's events came again one by one (delivered before: alone).
      expect(seen.filter((s) => !s.failed && s.size === 1).length).toBeGreaterThanOrEqual(failed.size);
    } finally {
      await c.stop();
    }
  });

  it('applies an event delivered twice, in one batch or in two, once', async () => {
    const durable = 'batch-duplicates';
    const first = Array.from({ length: 10 }, () => envelope(durable));
    const c = consumer(durable, record(durable), { maxBatch: 8 });
    await c.start();
    try {
      // Twice within what is fetched together, then again later, with new events, in later batches.
      await publish([...first, ...first.slice(0, 5)]);
      await eventually(() => settled(durable), 20_000);
      const later = Array.from({ length: 5 }, () => envelope(durable));
      await publish([...first.slice(3), ...later, ...later]);
      await eventually(async () => ((await appliedOf(durable)).length === 15 ? true : undefined), 20_000);
      await eventually(() => settled(durable), 20_000);
      const rows = await appliedOf(durable);
      expect(rows.map((r) => r.event_id).sort()).toEqual([...first, ...later].map((e) => e.id).sort());
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await c.stop();
    }
  });

  it('lets two large batches await their acknowledgement: more than JetStream’s default 1,000 pending', async () => {
    const durable = 'batch-large';
    const c = consumer(durable, record(durable), { maxBatch: 900 });
    await c.start();
    try {
      expect((await jsm.consumers.info(env.streamName, durable)).config.max_ack_pending).toBe(1_800);
    } finally {
      await c.stop();
    }
  });

  it('holds back only a poison message: the rest of its batch is applied, and it stops after the most deliveries', async () => {
    const durable = 'batch-poison';
    const events = Array.from({ length: 6 }, () => envelope(durable));
    const poison = events[2]!.id;
    await publish(events);
    let poisonAttempts = 0;
    const inner = record(durable);
    const c = consumer(
      durable,
      async (envelopes, manager) => {
        if (envelopes.some((e) => e.id === poison)) {
          poisonAttempts++;
          throw new Error('cannot apply this event');
        }
        await inner(envelopes, manager);
      },
      { maxDeliver: 3 },
    );
    await c.start();
    try {
      await eventually(async () => ((await appliedOf(durable)).length === 5 ? true : undefined), 20_000);
      // Delivered three times (back-off 2 s, then 4 s), then JetStream gives up on it: nothing left to acknowledge.
      await eventually(async () => (poisonAttempts === 3 && (await settled(durable)) ? true : undefined), 20_000, 200);
      const rows = await appliedOf(durable);
      expect(rows.map((r) => r.event_id).sort()).toEqual(
        events
          .filter((e) => e.id !== poison)
          .map((e) => e.id)
          .sort(),
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(poisonAttempts).toBe(3);
    } finally {
      await c.stop();
    }
  });
});
