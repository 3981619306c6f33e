import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { createClient } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { SeededUsers, createTestEnvironment, eventually, type TestEnvironment } from '@phoi-hop/testing';
import { readStream, reportIdOf, submitLoad } from './support/load';
import { killAll, startService, terminate, waitReady, type ServiceName, type ServiceProcess, type Stopped } from './support/processes';

const root = path.resolve(__dirname, '..');
const GRACE_MS = 15_000;
const REPORTS = 240;

/**
 * Every service runs from dist as its own process (two intakes and two gateways, so the load goes
 * on while one of each stops). Under a load of submitReport mutations through the gateways, intake,
 * a gateway, notification and consultation are sent SIGTERM; then the rest. Each must exit 0 within
 * the grace period, and every report a client got a success answer for must be stored, with its
 * event on the stream exactly once; a consumer stopped mid-stream has acknowledged only what it applied.
 */
describe('SIGTERM under load', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let sql: PgClient;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
    env = await createTestEnvironment();
    nc = await connect({ servers: env.natsUrl });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    sql = new PgClient({ connectionString: env.databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    killAll(services);
    await jsm?.streams.delete(`AGENCY_FEED_${env.id.toUpperCase()}`).catch(() => false);
    await sql?.end();
    await nc?.close();
    await env?.cleanup();
  });

  async function start(name: ServiceName, label: string): Promise<ServiceProcess> {
    const service = await startService(env, name, label, { SHUTDOWN_GRACE_MS: String(GRACE_MS) });
    services.push(service);
    await waitReady(service);
    return service;
  }

  it('exits 0 within the grace period and loses nothing acknowledged', async () => {
    const directory = await start('directory', 'directory');
    const [intakeA, intakeB, consultation, notification] = await Promise.all([
      start('intake', 'intake#1'),
      start('intake', 'intake#2'),
      start('consultation', 'consultation'),
      start('notification', 'notification'),
    ]);
    const [gatewayA, gatewayB] = await Promise.all([start('gateway', 'gateway#1'), start('gateway', 'gateway#2')]);
    const url = (gateway: ServiceProcess) => `http://127.0.0.1:${gateway.port}/graphql`;

    // A subscriber on the gateway that will stop: it is told to go away (1001) and may reconnect elsewhere.
    const subscriber = { events: 0, closeCode: null as number | null };
    const ws = createClient({
      url: `ws://127.0.0.1:${gatewayA.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await env.token(SeededUsers.stttLead)}` },
      lazy: false,
      retryAttempts: 0,
      // The close is expected (and checked below), not an error to print.
      onNonLazyError: () => undefined,
      on: { closed: (event) => void (subscriber.closeCode = (event as { code?: number }).code ?? null) },
    });
    ws.subscribe(
      { query: 'subscription { caseEvents { id type } }' },
      { next: () => void subscriber.events++, error: () => undefined, complete: () => undefined },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const stops: Array<Promise<Stopped>> = [];
    const signalledAt = new Map<string, number>();
    const stopDuringLoad = (service: ServiceProcess) => {
      signalledAt.set(service.label, Date.now());
      stops.push(terminate(service));
    };
    const load = await submitLoad({
      gateways: [url(gatewayA), url(gatewayB)],
      token: await env.token(SeededUsers.lethuyOfficer),
      runId: env.id,
      count: REPORTS,
      concurrency: 8,
      repeatEvery: 5,
      onAnswer: (answered) => {
        if (answered === 40) stopDuringLoad(intakeA);
        if (answered === 80) stopDuringLoad(gatewayA);
        if (answered === 110) stopDuringLoad(notification);
        if (answered === 140) stopDuringLoad(consultation);
      },
    });
    const duringLoad = await Promise.all(stops);
    const notificationAckFloor = (await jsm.consumers.info(env.streamName, 'notification-fanout')).ack_floor.stream_seq;
    const afterLoad: Stopped[] = [];
    for (const service of [gatewayB, intakeB, directory]) afterLoad.push(await terminate(service));

    const answeredAfterSignal = load.acknowledged.filter((a) => a.gateway === url(gatewayA) && a.answeredAt >= signalledAt.get(gatewayA.label)!).length;
    const summary = {
      reports: REPORTS,
      acknowledged: load.acknowledged.length,
      joinedExistingCase: load.acknowledged.filter((a) => a.merged).length,
      failures: load.failures,
      perGateway: { [gatewayA.label]: load.perGateway[url(gatewayA)] ?? 0, [gatewayB.label]: load.perGateway[url(gatewayB)] ?? 0 },
      [`${gatewayA.label} answered after its SIGTERM`]: answeredAfterSignal,
      [`subscriber on ${gatewayA.label}`]: `${subscriber.events} events, then closed with ${subscriber.closeCode}`,
      exits: Object.fromEntries([...duringLoad, ...afterLoad].map((s) => [s.label, `code ${s.code} in ${s.ms} ms`])),
    };
    process.stdout.write(`\nSIGTERM under load: ${JSON.stringify(summary, null, 2)}\n`);

    // Every process stopped by itself, with code 0, within the grace period.
    for (const stopped of [...duringLoad, ...afterLoad]) {
      expect({ label: stopped.label, code: stopped.code, signal: stopped.signal }).toEqual({ label: stopped.label, code: 0, signal: null });
      expect(stopped.ms).toBeLessThan(GRACE_MS);
    }
    expect(subscriber.events).toBeGreaterThan(0);
    expect(subscriber.closeCode).toBe(1001);
    await ws.dispose();
    // The only refusals are connections to the gateway that had stopped listening.
    expect(load.acknowledged.length + Object.values(load.failures).reduce((a, b) => a + b, 0)).toBe(REPORTS);
    for (const reason of Object.keys(load.failures)) expect(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET']).toContain(reason);
    expect(load.acknowledged.length).toBeGreaterThan(REPORTS * 0.8);

    // Every acknowledged report is stored in its case.
    const intake = env.schema('intake');
    const { rows: stored } = await sql.query<{ id: string; case_id: string }>(`SELECT id, case_id FROM "${intake}".report WHERE id = ANY($1::uuid[])`, [
      load.acknowledged.map((a) => a.reportId),
    ]);
    const storedCase = new Map(stored.map((r) => [r.id, r.case_id]));
    expect(load.acknowledged.filter((a) => storedCase.get(a.reportId) !== a.caseId)).toEqual([]);

    // Every committed event left the outbox (the stopping relays published what was left) and is on the stream once.
    const { rows: unpublished } = await sql.query(`SELECT count(*)::int AS n FROM "${intake}".outbox WHERE published_at IS NULL`);
    expect(unpublished[0].n).toBe(0);
    const stream = await readStream(js, jsm, env.streamName, env.subjectPrefix);
    const eventsPerReport = new Map<string, number>();
    for (const message of stream) {
      const reportId = reportIdOf(message);
      if (reportId) eventsPerReport.set(reportId, (eventsPerReport.get(reportId) ?? 0) + 1);
    }
    expect(load.acknowledged.filter((a) => eventsPerReport.get(a.reportId) !== 1)).toEqual([]);
    expect([...eventsPerReport.values()].filter((n) => n !== 1)).toEqual([]);
    const { rows: outbox } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${intake}".outbox WHERE subject IN ('evt.intake.case.opened', 'evt.intake.report.attached')`,
    );
    expect(eventsPerReport.size).toBe(outbox[0].n);

    // The notification consumer, stopped mid-stream, acknowledged only events it had applied.
    const caseEvents = stream.filter((m) => !m.subject.startsWith('evt.directory.'));
    const inbox = async () =>
      new Set(
        (await sql.query<{ event_id: string }>(`SELECT event_id FROM "${env.schema('notification')}".inbox WHERE consumer = 'notification-fanout'`)).rows.map(
          (r) => r.event_id,
        ),
      );
    const appliedBeforeRestart = await inbox();
    const acknowledgedBeforeRestart = caseEvents.filter((m) => m.seq <= notificationAckFloor);
    expect(acknowledgedBeforeRestart.filter((m) => !appliedBeforeRestart.has(m.envelope.id)).map((m) => m.seq)).toEqual([]);

    // Restarted, it applies the rest, each once.
    const restarted = await start('notification', 'notification (restarted)');
    await eventually(
      async () => {
        const info = await jsm.consumers.info(env.streamName, 'notification-fanout');
        return info.num_pending === 0 && info.num_ack_pending === 0 ? true : undefined;
      },
      30_000,
      200,
    );
    const applied = await inbox();
    expect(applied.size).toBe(caseEvents.length);
    expect(caseEvents.filter((m) => !applied.has(m.envelope.id))).toEqual([]);
    process.stdout.write(
      `notification-fanout: ${acknowledgedBeforeRestart.length} of ${caseEvents.length} events acknowledged before SIGTERM (all applied), ${applied.size - appliedBeforeRestart.size} applied after the restart\n`,
    );
    expect((await terminate(restarted)).code).toBe(0);
  }, 300_000);
});
