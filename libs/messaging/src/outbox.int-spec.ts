import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@phoi-hop/contracts';
import { createServiceDataSource, runServiceMigrations } from '@phoi-hop/persistence';
import { metricsRegistry } from '@phoi-hop/observability';
import { createTestEnvironment, eventually, type TestEnvironment } from '@phoi-hop/testing';
import { DurableConsumer } from './durable.consumer';
import { ensureEventsStream } from './jetstream.provisioning';
import { CreateMessagingTables1764300000000 } from './messaging-tables.migration';
import { appendToOutbox } from './outbox.writer';
import { OutboxRelay } from './outbox.relay';

describe('transactional outbox and idempotent consumer (real Postgres and NATS)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    env = await createTestEnvironment();
    dataSource = createServiceDataSource({ url: env.databaseUrl, schema: env.schema('msg'), entities: [], migrations: [CreateMessagingTables1764300000000] });
    await dataSource.initialize();
    await runServiceMigrations(dataSource);
    await dataSource.query(`CREATE TABLE applied (event_id uuid NOT NULL, case_id text NOT NULL)`);
    nc = await connect({ servers: env.natsUrl });
    jsm = await jetstreamManager(nc);
    await ensureEventsStream(jsm, { streamName: env.streamName, subjectPrefix: env.subjectPrefix });
  });

  afterAll(async () => {
    await nc?.close();
    await dataSource?.destroy();
    await env?.cleanup();
  });

  const relay = () => new OutboxRelay(dataSource, jetstream(nc), { serviceName: 'test', subjectPrefix: env.subjectPrefix });

  async function write(caseId: string, commit = true): Promise<EventEnvelope[]> {
    let written: EventEnvelope[] = [];
    await dataSource
      .transaction(async (manager) => {
        written = await appendToOutbox(manager, [{ subject: 'evt.intake.case.opened', aggregateId: caseId, visibleTo: ['STTTT', 'STTTT'], data: { caseId } }]);
        if (!commit) throw new Error('rollback');
      })
      .catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });
    return written;
  }

  async function streamCount(): Promise<number> {
    return (await jsm.streams.info(env.streamName)).state.messages;
  }

  it('publishes committed events once, even when the relay publishes them again', async () => {
    const [event] = await write('case-1');
    await write('case-rolled-back', false);
    const before = await streamCount();
    expect(await relay().relayOnce()).toBe(1);
    expect(await streamCount()).toBe(before + 1);
    expect(event!.visibleTo).toEqual(['STTTT']);

    // A relay that died after publishing but before marking publishes again: JetStream drops it.
    await dataSource.query(`UPDATE outbox SET published_at = NULL WHERE id = $1`, [event!.id]);
    expect(await relay().relayOnce()).toBe(1);
    expect(await streamCount()).toBe(before + 1);
    expect(await relay().pending()).toBe(0);
  });

  it('applies each event exactly once in a durable consumer, retrying a failed handler', async () => {
    const [event] = await write('case-2');
    await relay().relayOnce();
    let failures = 1;
    const consumer = new DurableConsumer(
      jetstream(nc),
      jsm,
      dataSource,
      {
        durable: 'test-applier',
        streamName: env.streamName,
        subjectPrefix: env.subjectPrefix,
        subjects: ['evt.intake.case.opened'],
        serviceName: 'test',
        ackWaitMs: 2000,
      },
      async (envelope, manager) => {
        await manager.query(`INSERT INTO applied (event_id, case_id) VALUES ($1, $2)`, [envelope.id, envelope.aggregateId]);
        if (envelope.id === event!.id && failures-- > 0) throw new Error('handler crashed');
      },
    );
    await consumer.start();
    try {
      await eventually(async () => {
        const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM applied WHERE event_id = $1`, [event!.id]);
        return n === 1 ? n : undefined;
      });
      // The first event of the earlier test is applied too, once.
      const rows: { case_id: string; n: number }[] = await dataSource.query(
        `SELECT case_id, count(*)::int AS n FROM applied GROUP BY case_id ORDER BY case_id`,
      );
      expect(rows).toEqual([
        { case_id: 'case-1', n: 1 },
        { case_id: 'case-2', n: 1 },
      ]);
    } finally {
      await consumer.stop();
    }

    // Restarting the consumer replays nothing that was applied.
    const again = new DurableConsumer(
      jetstream(nc),
      jsm,
      dataSource,
      { durable: 'test-applier', streamName: env.streamName, subjectPrefix: env.subjectPrefix, subjects: ['evt.intake.case.opened'], serviceName: 'test' },
      async (envelope, manager) => {
        await manager.query(`INSERT INTO applied (event_id, case_id) VALUES ($1, $2)`, [envelope.id, envelope.aggregateId]);
      },
    );
    await again.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await again.stop();
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM applied`);
    expect(n).toBe(2);
  });

  it('reports how far a durable consumer lags behind the stream', async () => {
    for (const id of ['lag-1', 'lag-2', 'lag-3']) await write(id);
    await relay().relayOnce();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const consumer = new DurableConsumer(
      jetstream(nc),
      jsm,
      dataSource,
      {
        durable: 'test-lagging',
        streamName: env.streamName,
        subjectPrefix: env.subjectPrefix,
        subjects: ['evt.intake.case.opened'],
        serviceName: 'test',
        lagRefreshMs: 60_000,
      },
      async () => gate,
    );
    const gauge = async () => {
      const text = await metricsRegistry().metrics();
      return Number(text.match(/^phoihop_consumer_pending\{service="test",consumer="test-lagging"\} (\S+)$/m)?.[1]);
    };
    await consumer.start();
    try {
      // Five events on the stream (two from the earlier tests, three here), none acknowledged while the handler waits.
      expect(await consumer.refreshLag()).toBe(5);
      expect(await gauge()).toBe(5);
      release();
      await eventually(async () => ((await consumer.refreshLag()) === 0 ? true : undefined));
      expect(await gauge()).toBe(0);
    } finally {
      await consumer.stop();
    }
  });

  it("keeps each aggregate's events in the order of their commits with three relays at once (replicas)", async () => {
    const relays = [relay(), relay(), relay()];
    for (const r of relays) r.start();
    const written = new Map<string, string[]>();
    try {
      // Eight aggregates, each changed forty times in a row, every commit kicking every relay.
      await Promise.all(
        Array.from({ length: 8 }, async (_, k) => {
          const aggregate = `order-${k}`;
          written.set(aggregate, []);
          for (let i = 0; i < 40; i++) {
            const [event] = await write(aggregate);
            written.get(aggregate)!.push(event!.id);
            for (const r of relays) r.kick();
          }
        }),
      );
      await eventually(async () => ((await relays[0]!.pending()) === 0 ? true : undefined), 20_000);
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
    }
    const consumer = await jetstream(nc).consumers.get(env.streamName);
    const last = (await jsm.streams.info(env.streamName)).state.last_seq;
    const seen = new Map<string, string[]>();
    const messages = await consumer.consume();
    for await (const message of messages) {
      const envelope = message.json<EventEnvelope>();
      if (envelope.aggregateId.startsWith('order-')) seen.set(envelope.aggregateId, [...(seen.get(envelope.aggregateId) ?? []), envelope.id]);
      if (message.seq >= last) break;
    }
    await messages.close();
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(written));
  });
});
