import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ErrorCodes, RpcSubjects, type EventEnvelope, type StatisticsDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { createServiceDataSource } from '@phoi-hop/persistence';
import {
  createTestEnvironment,
  eventually,
  redeliveredShuffled,
  seededRandom,
  syntheticEvents,
  syntheticPressEvents,
  type TestEnvironment,
  type TestUser,
} from '@phoi-hop/testing';
import { DataSource } from 'typeorm';
import { READ_MODEL_CONSUMER } from '../read-model/read-model.consumer';
import { RebuildRefused, rebuildReadModels } from '../read-model/read-model.rebuild';
import { createReportingApp, reportingTestConfig } from './reporting.app';

const LEADER: TestUser = { username: 'leader', agencyCode: 'VP_UBND', roles: ['LEADER'] };
const OFFICER: TestUser = { username: 'ca.officer', agencyCode: 'CA', roles: ['OFFICER'] };
const START = new Date('2026-01-01T01:00:00Z');
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };

/** One isolated platform slice: a stream and subject prefix of its own, and a reporting service consuming it. */
interface Slice {
  env: TestEnvironment;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  rpc: RpcClient;
  app: INestApplication | null;
  /** Events the service's consumer applies per transaction (1: one each, the per-event path). */
  batchSize: number;
  start(): Promise<INestApplication>;
  /** A second replica of the service (sharing the durable consumer), for the caller to close. */
  replica(): Promise<INestApplication>;
  publish(events: readonly EventEnvelope[]): Promise<void>;
  applied(): Promise<number>;
  /** How many transactions applied the events (the inbox rows of one transaction share its start time). */
  transactions(): Promise<number>;
  /** Every rollup row that holds something, histograms without their trailing zeros. */
  rollups(): Promise<string[]>;
  statistics(user?: TestUser): Promise<StatisticsDto>;
  close(): Promise<void>;
}

async function slice(batchSize: number): Promise<Slice> {
  const env = await createTestEnvironment();
  const nc = await connect({ servers: env.natsUrl });
  const js = jetstream(nc);
  const rpc = new RpcClient(nc, { subjectPrefix: env.subjectPrefix, rpcTimeoutMs: 10_000, serviceName: 'test' });
  const boot = () =>
    createReportingApp(
      reportingTestConfig(env.serviceConfig('reporting'), { outboxRelayEnabled: true, readModelConsumerEnabled: true, readModelBatchSize: batchSize }),
      false,
    );
  const s: Slice = {
    env,
    nc,
    js,
    jsm: await jetstreamManager(nc),
    rpc,
    app: null,
    batchSize,
    async start() {
      s.app = await boot();
      // Its NATS subscriptions may reach the server a moment after the app is up: ask until it answers.
      await eventually(
        () =>
          s.statistics().then(
            () => true,
            () => undefined,
          ),
        10_000,
        50,
      );
      return s.app;
    },
    replica: () => boot(),
    async publish(events) {
      // A fresh message id per publication: JetStream keeps every copy, as after a relay's republish past its duplicate window.
      for (const event of events) await js.publish(`${env.subjectPrefix}${event.type}`, JSON.stringify(event), { msgID: randomUUID() });
    },
    async applied() {
      const [row] = (await s.app!.get(DataSource).query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = $1`, [READ_MODEL_CONSUMER])) as { n: number }[];
      return row!.n;
    },
    async transactions() {
      const [row] = (await s
        .app!.get(DataSource)
        .query(`SELECT count(DISTINCT processed_at)::int AS n FROM inbox WHERE consumer = $1`, [READ_MODEL_CONSUMER])) as { n: number }[];
      return row!.n;
    },
    async rollups() {
      const rows = (await s.app!.get(DataSource).query(
        `SELECT scope, grain, period::text AS period, metric, key, n::int AS n, minutes::int AS minutes, hist_n::int[] AS hist_n, hist_minutes::int[] AS hist_minutes
           FROM rm_rollup ORDER BY scope, grain, period, metric, key`,
      )) as {
        scope: string;
        grain: string;
        period: string;
        metric: string;
        key: string;
        n: number;
        minutes: number;
        hist_n: number[] | null;
        hist_minutes: number[] | null;
      }[];
      const trimmed = (values: number[] | null) => {
        const out = [...(values ?? [])];
        while (out.length > 0 && out[out.length - 1] === 0) out.pop();
        return out;
      };
      return rows
        .map((r) => ({ ...r, hist_n: trimmed(r.hist_n), hist_minutes: trimmed(r.hist_minutes) }))
        .filter((r) => r.n !== 0 || r.minutes !== 0 || r.hist_n.length > 0 || r.hist_minutes.length > 0)
        .map((r) => JSON.stringify(r));
    },
    async statistics(user = LEADER) {
      return rpc.request<StatisticsDto>(RpcSubjects.reporting.statisticsPeriod, PERIOD, { token: await env.internalToken(user) });
    },
    async close() {
      await s.app?.close();
      await nc.close();
      await env.cleanup();
    },
  };
  return s;
}

describe('reporting service (real Postgres and NATS): read models from the stream, rebuilt from it', () => {
  const events = [...syntheticEvents(21, 50, { start: START, spanDays: 170 }), ...syntheticPressEvents(seededRandom(21), 10, { start: START, spanDays: 170 })];
  const distinct = new Set(events.map((e) => e.id)).size;
  // One event per transaction (the per-event path) against batches of up to 7, so that duplicates and
  // out-of-order events fall in one batch and across batches.
  let normal: Slice;
  let disorderly: Slice;

  beforeAll(async () => {
    [normal, disorderly] = await Promise.all([slice(1), slice(7)]);
    await Promise.all([normal.start(), disorderly.start()]);
  });

  afterAll(async () => {
    await normal?.close();
    await disorderly?.close();
  });

  it('gives the same statistics after normal delivery, after a rebuild, and after delivery twice and out of order', async () => {
    await normal.publish(events);
    await eventually(async () => ((await normal.applied()) === distinct ? true : undefined), 60_000, 200);
    expect(await normal.transactions()).toBe(distinct);
    const delivered = await normal.statistics();
    const deliveredRollups = await normal.rollups();
    expect(delivered.casesOpened).toBe(50);
    expect(delivered.press.reduce((sum, p) => sum + p.count, 0)).toBe(10);

    // Rebuilding while the service consumes is refused; stopped, the replay gives the same numbers.
    await expect(rebuildReadModels({ ...connection(normal), timeoutMs: 60_000 })).rejects.toBeInstanceOf(RebuildRefused);
    await normal.app!.close();
    normal.app = null;
    const rebuilt = await rebuildWithOwnDataSource(normal);
    expect(rebuilt.events).toBe(distinct);
    expect(rebuilt.cases).toBe(50);
    await normal.start();
    expect(await normal.statistics()).toEqual(delivered);
    expect(await normal.rollups()).toEqual(deliveredRollups);

    // Two replicas share the consumer: their batches share cases and rollup rows, and queue for them in one order.
    const deadlocks = async () =>
      (
        (await disorderly.app!.get(DataSource).query(`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`)) as { n: number }[]
      )[0]!.n;
    const deadlocksBefore = await deadlocks();
    const replica = await disorderly.replica();
    await disorderly.publish(redeliveredShuffled(events, 5, 0.4));
    await eventually(async () => ((await disorderly.applied()) === distinct ? true : undefined), 60_000, 200);
    // Duplicates are consumed too (and skipped): wait until nothing is pending on the consumer.
    await eventually(async () => {
      const info = await disorderly.jsm.consumers.info(disorderly.env.streamName, READ_MODEL_CONSUMER);
      return info.num_pending + info.num_ack_pending === 0 ? true : undefined;
    }, 60_000);
    await replica.close();
    expect(await deadlocks()).toBe(deadlocksBefore);
    // Applied in batches (fewer transactions than events), to the same numbers row for row.
    expect(await disorderly.transactions()).toBeLessThan(distinct / 2);
    expect(await disorderly.statistics()).toEqual(delivered);
    expect(await disorderly.rollups()).toEqual(deliveredRollups);

    // The bulk rebuild of the stream with its duplicates out of order gives the same numbers too.
    await disorderly.app!.close();
    disorderly.app = null;
    const rebuiltDisorderly = await rebuildWithOwnDataSource(disorderly);
    expect(rebuiltDisorderly).toMatchObject({ events: distinct, cases: 50 });
    await disorderly.start();
    expect(await disorderly.statistics()).toEqual(delivered);
    expect(await disorderly.rollups()).toEqual(deliveredRollups);

    // After a rebuild the service goes on from the position reached: nothing pending, and a later event counts.
    const info = await normal.jsm.consumers.info(normal.env.streamName, READ_MODEL_CONSUMER);
    expect(info.num_pending + info.num_ack_pending).toBe(0);
    const later = syntheticEvents(22, 1, { start: new Date('2026-03-01T01:00:00Z'), spanDays: 10 });
    await normal.publish(later);
    await eventually(async () => ((await normal.statistics()).casesOpened === 51 ? true : undefined), 60_000, 200);
  });

  it('answers the statistics to leaders, coordinators and auditors only, and refuses bad periods with BAD_USER_INPUT', async () => {
    await expect(normal.statistics(OFFICER)).rejects.toMatchObject({ code: ErrorCodes.FORBIDDEN });
    const token = await normal.env.internalToken(LEADER);
    await expect(normal.rpc.request(RpcSubjects.reporting.statisticsPeriod, { from: '2026-02-30', to: '2026-03-01' }, { token })).rejects.toMatchObject({
      code: ErrorCodes.BAD_USER_INPUT,
      field: 'from',
    });
    await expect(normal.rpc.request(RpcSubjects.reporting.statisticsPeriod, { from: '2026-03-01', to: '2026-02-01' }, { token })).rejects.toMatchObject({
      code: ErrorCodes.BAD_USER_INPUT,
      field: 'to',
    });
  });

  function connection(s: Slice) {
    return { dataSource: s.app!.get(DataSource), js: s.js, jsm: s.jsm, streamName: s.env.streamName, subjectPrefix: s.env.subjectPrefix };
  }

  async function rebuildWithOwnDataSource(s: Slice) {
    const dataSource = createServiceDataSource({ url: s.env.databaseUrl, schema: s.env.schema('reporting'), entities: [], migrations: [], poolSize: 2 });
    await dataSource.initialize();
    try {
      return await rebuildReadModels({
        dataSource,
        js: s.js,
        jsm: s.jsm,
        streamName: s.env.streamName,
        subjectPrefix: s.env.subjectPrefix,
        timeoutMs: 120_000,
      });
    } finally {
      await dataSource.destroy();
    }
  }
});
