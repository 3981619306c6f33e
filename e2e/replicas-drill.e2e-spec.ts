import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { Client as PgClient } from 'pg';
import { RpcSubjects } from '@phoi-hop/contracts';
import { FLOOD_RUMOUR, JOB_SCAM, SeededUsers, createTestEnvironment, eventually, graphqlRequest, type TestEnvironment, type TestUser } from '@phoi-hop/testing';
import { readStream, submitLoad, type StreamMessage } from './support/load';
import { killAll, metricValue, startService, terminate, waitReady, type ServiceName, type ServiceProcess } from './support/processes';

const root = path.resolve(__dirname, '..');
const REPLICAS = 3;
const SUBMITS = 240;
const READS = 60;
/** A written consultation's deadline: its reminder falls due halfway, its escalation at the deadline. */
const DEADLINE_MS = 9000;

const SERVICE_ORDER: ServiceName[] = ['directory', 'intake', 'consultation', 'notification', 'gateway'];

/**
 * Three replicas of every service as real processes on one NATS and one Postgres, under a bounded
 * load through the three gateways in turn, with written consultations whose reminders and
 * escalations fall due during the run. It prints and checks: requests shared by the queue groups
 * (each replica's /metrics), each event applied once by each consumer, each deadline fired once,
 * each outbox event on its stream once and in the order of its case, and no error logged.
 */
describe('three replicas of every service', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let sql: PgClient;
  const processes: ServiceProcess[] = [];
  const feedStream = () => `AGENCY_FEED_${env.id.toUpperCase()}`;

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
    killAll(processes);
    await jsm?.streams.delete(feedStream()).catch(() => false);
    await sql?.end();
    await nc?.close();
    await env?.cleanup();
  });

  /** Starts the replicas of one service together (migrations and the seed run under advisory locks). */
  async function startReplicas(name: ServiceName): Promise<ServiceProcess[]> {
    const overrides: Record<string, string> = {
      // 15 processes share the test database with other runs: few connections each.
      DB_POOL_SIZE: name === 'intake' || name === 'consultation' ? '3' : '2',
      DEADLINE_POLL_MS: '200',
      NOTIFY_POLL_MS: '500',
    };
    const replicas = await Promise.all(Array.from({ length: REPLICAS }, (_, i) => startService(env, name, `${name}#${i + 1}`, overrides)));
    processes.push(...replicas);
    await Promise.all(replicas.map((replica) => waitReady(replica)));
    return replicas;
  }

  const of = (name: ServiceName) => processes.filter((p) => p.name === name);
  const sql1 = async <T>(text: string, values: unknown[] = []): Promise<T[]> => (await sql.query(text, values)).rows as T[];

  it('shares the work and does everything once', async () => {
    const began = Date.now();
    // The directory first (it seeds), then the rest at once.
    await startReplicas('directory');
    await Promise.all(SERVICE_ORDER.filter((name) => name !== 'directory').map((name) => startReplicas(name)));
    const bootMs = Date.now() - began;
    const gateways = of('gateway').map((g) => `http://127.0.0.1:${g.port}/graphql`);
    const gql = async <T>(gateway: number, query: string, variables: Record<string, unknown>, user: TestUser) => {
      const answer = await graphqlRequest<T>(gateways[gateway % gateways.length]!, query, variables, await env.token(user));
      if (answer.errors || !answer.data) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(answer.errors)}`);
      return answer.data;
    };

    // Two critical cases consulted on in writing, with deadlines that fall due during the load.
    const consulted: Array<{ caseId: string; consultationId: string }> = [];
    for (const [i, excerpt] of [FLOOD_RUMOUR, JOB_SCAM].entries()) {
      const reported = await gql<{ submitReport: { case: { id: string } } }>(
        i,
        `mutation($input: SubmitReportInput!) { submitReport(input: $input) { case { id } } }`,
        { input: { url: `https://www.facebook.com/groups/drill/posts/${env.id}-${i}`, excerpt, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' } },
        SeededUsers.lethuyOfficer,
      );
      const caseId = reported.submitReport.case.id;
      await gql(i + 1, `mutation($id: ID!) { triageCase(id: $id, severity: CRITICAL) { status } }`, { id: caseId }, SeededUsers.stttLead);
      const opened = await gql<{ openConsultation: { id: string } }>(
        i + 2,
        `mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id } }`,
        {
          i: {
            caseId,
            mode: 'WRITTEN',
            invitedAgencyCodes: ['CA', 'BTG', 'SYT'],
            subject: 'Xin ý kiến: nội dung có phải là thông tin sai sự thật?',
            proposedHandling: 'Đính chính trên Cổng TTĐT tỉnh',
            deadline: new Date(Date.now() + DEADLINE_MS).toISOString(),
          },
        },
        SeededUsers.stttLead,
      );
      consulted.push({ caseId, consultationId: opened.openConsultation.id });
    }

    // The load: submissions through the gateways in turn, then case reads.
    const loadStarted = Date.now();
    const load = await submitLoad({
      gateways,
      token: await env.token(SeededUsers.lethuyOfficer),
      runId: env.id,
      count: SUBMITS,
      concurrency: 12,
      repeatEvery: 6,
    });
    const readFailures: string[] = [];
    const readCaseIds = load.acknowledged.slice(0, READS).map((a) => a.caseId);
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (worker) => {
        for (let i = worker; i < readCaseIds.length; i += 6) {
          await gql(i, `query($id: ID!) { case(id: $id) { id number reportCount } }`, { id: readCaseIds[i] }, SeededUsers.stttLead).catch((error: Error) =>
            readFailures.push(error.message),
          );
        }
      }),
    );
    const loadMs = Date.now() - loadStarted;

    // Every deadline falls due and fires; every outbox drains; every consumer catches up.
    const consultationIds = consulted.map((c) => c.consultationId);
    const consultation = env.schema('consultation');
    const intake = env.schema('intake');
    const notification = env.schema('notification');
    await eventually(
      async () => {
        const [{ n }] = await sql1<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${consultation}".consultation_deadline WHERE consultation_id = ANY($1::uuid[]) AND fired_at IS NOT NULL`,
          [consultationIds],
        );
        return n === consultationIds.length * 2 ? true : undefined;
      },
      DEADLINE_MS + 30_000,
      200,
    );
    const durables = ['intake-consultation', 'intake-agency-reorganized', 'notification-fanout'];
    await eventually(
      async () => {
        for (const schema of [env.schema('directory'), intake, consultation, notification]) {
          const [{ n }] = await sql1<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`);
          if (n > 0) return undefined;
        }
        for (const durable of durables) {
          const info = await jsm.consumers.info(env.streamName, durable);
          if (info.num_pending > 0 || info.num_ack_pending > 0) return undefined;
        }
        return true;
      },
      30_000,
      200,
    );
    const stream = await readStream(js, jsm, env.streamName, env.subjectPrefix);

    // What each replica did, from its /metrics.
    const metrics = new Map(
      await Promise.all(processes.map(async (p) => [p.label, await (await fetch(`http://127.0.0.1:${p.port}/metrics`)).text()] as const)),
    );
    const handled = (name: ServiceName, subject: string) =>
      of(name).map((p) => metricValue(metrics.get(p.label)!, 'phoihop_rpc_duration_seconds_count', { service: name, subject }));
    const handledAll = (name: ServiceName) =>
      of(name).map((p) => {
        let total = 0;
        for (const line of metrics.get(p.label)!.split('\n')) {
          const match = /^phoihop_rpc_duration_seconds_count\{service="([^"]+)",subject="([^"]+)"/.exec(line);
          if (match?.[1] === name && match[2]!.startsWith(`${name}.`)) total += Number(line.slice(line.lastIndexOf(' ') + 1));
        }
        return total;
      });
    const consumed = (name: ServiceName) =>
      of(name).map((p) => {
        let total = 0;
        for (const line of metrics.get(p.label)!.split('\n'))
          if (line.startsWith(`phoihop_events_consumed_total{service="${name}"`)) total += Number(line.slice(line.lastIndexOf(' ') + 1));
        return total;
      });
    const submitsHandled = handled('intake', RpcSubjects.intake.reportSubmit);
    const submitsSent = handled('gateway', RpcSubjects.intake.reportSubmit);
    const readsHandled = handled('intake', RpcSubjects.intake.caseGet);
    // Callers of intake.case.get: the gateways (the reads) and consultation (opening a consultation reads its case).
    const readsSent = [...handled('gateway', RpcSubjects.intake.caseGet), ...handled('consultation', RpcSubjects.intake.caseGet)];

    // Each consumer applied each of its events once: its inbox holds exactly the stream's events of its subjects.
    const inbox = async (schema: string, durable: string) =>
      (await sql1<{ event_id: string }>(`SELECT event_id FROM "${schema}".inbox WHERE consumer = $1`, [durable])).map((r) => r.event_id);
    const consultationHandled = ['evt.consultation.consultation.opened', 'evt.consultation.opinion.escalated', 'evt.consultation.consultation.resolved'];
    const expectedIntakeInbox = stream
      .filter((m) => consultationHandled.includes(m.subject))
      .map((m) => m.envelope.id)
      .sort();
    const expectedFanout = stream
      .filter((m) => !m.subject.startsWith('evt.directory.'))
      .map((m) => m.envelope.id)
      .sort();
    const intakeInbox = (await inbox(intake, 'intake-consultation')).sort();
    const fanoutInbox = (await inbox(notification, 'notification-fanout')).sort();
    const feedCopiesExpected = stream
      .filter((m) => !m.subject.startsWith('evt.directory.'))
      .reduce((sum, m) => sum + new Set(((m.envelope.visibleTo ?? []) as string[]).filter((code) => /^[A-Z][A-Z0-9_]*$/.test(code))).size, 0);
    const [{ n: feedCopies }] = await sql1<{ n: number }>(`SELECT count(*)::int AS n FROM "${notification}".outbox`);
    const feedOnStream = (await jsm.streams.info(feedStream())).state.messages;
    // Applied effects: each escalation informed the provincial office once; each case went into consultation once.
    const informed = await sql1<{ case_id: string; n: number }>(
      `SELECT case_id, count(*)::int AS n FROM "${intake}".case_participant WHERE agency_code = 'VP_UBND' AND role = 'INFORMED' AND case_id = ANY($1::uuid[]) GROUP BY case_id`,
      [consulted.map((c) => c.caseId)],
    );
    const intoConsultation = await sql1<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${intake}".outbox WHERE subject = 'evt.intake.case.status-changed' AND envelope->'data'->>'to' = 'IN_CONSULTATION' AND envelope->>'aggregateId' = ANY($1::text[]) GROUP BY envelope->>'aggregateId'`,
      [consulted.map((c) => c.caseId)],
    );

    // Each deadline fired once: one reminder and one escalation per consultation, each audited and on the stream once.
    const deadlines = await sql1<{ kind: string; fired: boolean; attempts: number }>(
      `SELECT kind, fired_at IS NOT NULL AS fired, attempts FROM "${consultation}".consultation_deadline WHERE consultation_id = ANY($1::uuid[]) ORDER BY kind`,
      [consultationIds],
    );
    const audited = await sql1<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM "${consultation}".audit_log WHERE target_id = ANY($1::text[]) AND action IN ('consultation.reminded', 'consultation.escalated') GROUP BY action ORDER BY action`,
      [consultationIds],
    );
    const onStream = (subject: string) =>
      stream.filter((m) => m.subject === subject && consultationIds.includes((m.envelope.data as { consultationId?: string }).consultationId ?? '')).length;

    // Each outbox event is on the stream once, and the events of each aggregate in the order they were committed.
    const outboxVsStream: Record<string, { outbox: number; onStream: number; aggregates: number; outOfOrder: number; missingOrRepeated: number }> = {};
    for (const service of ['directory', 'intake', 'consultation'] as const) {
      const rows = await sql1<{ id: string; aggregate: string }>(
        `SELECT id, envelope->>'aggregateId' AS aggregate FROM "${env.schema(service)}".outbox ORDER BY seq`,
      );
      const published = stream.filter((m) => m.subject.startsWith(`evt.${service}.`));
      const times = new Map<string, number>();
      for (const m of published) times.set(m.envelope.id, (times.get(m.envelope.id) ?? 0) + 1);
      outboxVsStream[service] = {
        outbox: rows.length,
        onStream: published.length,
        aggregates: new Set(rows.map((r) => r.aggregate)).size,
        outOfOrder: outOfOrderAggregates(rows, published),
        missingOrRepeated: rows.filter((r) => times.get(r.id) !== 1).length + published.filter((m) => !rows.some((r) => r.id === m.envelope.id)).length,
      };
    }

    const loggedErrors = processes.flatMap((p) => p.errors().map((line) => `${p.label}: ${line}`));
    const perReplica = (values: number[]) => values.join(' / ');
    const report = [
      `\n${REPLICAS}-replica drill: ${processes.length} processes, boot ${(bootMs / 1000).toFixed(1)} s, load ${(loadMs / 1000).toFixed(1)} s (${SUBMITS} submitReport, ${READS} case reads), total ${((Date.now() - began) / 1000).toFixed(1)} s`,
      `  client answers: ${load.acknowledged.length} reports acknowledged (${load.acknowledged.filter((a) => a.merged).length} joined a case), ${readCaseIds.length - readFailures.length} reads; failures ${JSON.stringify(load.failures)} + ${readFailures.length} reads`,
      `  requests per replica (#1 / #2 / #3):`,
      `    gateway        submitReport sent to intake  ${perReplica(submitsSent)}`,
      `    intake         intake.report.submit         ${perReplica(submitsHandled)}   intake.case.get ${perReplica(readsHandled)}   all ${perReplica(handledAll('intake'))}`,
      `    directory      all directory.*              ${perReplica(handledAll('directory'))}`,
      `    consultation   all consultation.*           ${perReplica(handledAll('consultation'))}`,
      `  events applied per replica: notification-fanout ${perReplica(consumed('notification'))} (${fanoutInbox.length} in its inbox, ${expectedFanout.length} on the stream); intake-consultation ${perReplica(consumed('intake'))} (${intakeInbox.length} / ${expectedIntakeInbox.length})`,
      `  agency feed copies: ${feedCopies} written, ${feedOnStream} on the feed stream, ${feedCopiesExpected} expected`,
      `  deadlines: ${deadlines.filter((d) => d.fired).length} of ${deadlines.length} fired (attempts ${deadlines.map((d) => d.attempts).join(',')}); reminded on stream ${onStream('evt.consultation.opinion.reminded')}, escalated ${onStream('evt.consultation.opinion.escalated')}; audited ${JSON.stringify(audited)}`,
      `  outbox → stream: ${JSON.stringify(outboxVsStream)}`,
      `  errors logged by the processes: ${loggedErrors.length}`,
      ...loggedErrors.slice(0, 5).map((line) => `    ${line.slice(0, 1500)}`),
    ];
    process.stdout.write(`${report.join('\n')}\n`);

    // No error beyond what the load alone gives: here, none.
    expect(load.failures).toEqual({});
    expect(load.acknowledged).toHaveLength(SUBMITS);
    expect(readFailures).toEqual([]);
    expect(loggedErrors).toEqual([]);

    // The queue groups shared the requests: every replica took some, none was answered twice.
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(submitsHandled)).toBe(SUBMITS + consulted.length);
    expect(sum(submitsSent)).toBe(SUBMITS + consulted.length);
    for (const n of submitsHandled) expect(n).toBeGreaterThan(SUBMITS / REPLICAS / 4);
    expect(sum(handled('gateway', RpcSubjects.intake.caseGet))).toBe(READS);
    expect(sum(readsHandled)).toBe(sum(readsSent));
    for (const n of readsHandled) expect(n).toBeGreaterThan(0);

    // Each consumer applied each event once.
    expect(intakeInbox).toEqual(expectedIntakeInbox);
    expect(fanoutInbox).toEqual(expectedFanout);
    expect(sum(consumed('notification'))).toBe(expectedFanout.length);
    expect(feedCopies).toBe(feedCopiesExpected);
    expect(feedOnStream).toBe(feedCopies);
    expect(informed).toEqual(expect.arrayContaining(consulted.map((c) => ({ case_id: c.caseId, n: 1 }))));
    expect(informed).toHaveLength(consulted.length);
    expect(intoConsultation).toEqual(consulted.map(() => ({ n: 1 })));

    // Each deadline fired once.
    expect(deadlines).toEqual(
      consulted.flatMap(() => [{ kind: 'ESCALATION', fired: true, attempts: 0 }]).concat(consulted.map(() => ({ kind: 'REMINDER', fired: true, attempts: 0 }))),
    );
    expect(audited).toEqual([
      { action: 'consultation.escalated', n: consulted.length },
      { action: 'consultation.reminded', n: consulted.length },
    ]);
    expect(onStream('evt.consultation.opinion.reminded')).toBe(consulted.length);
    expect(onStream('evt.consultation.opinion.escalated')).toBe(consulted.length);

    // Each outbox event published once, in its aggregate's order.
    for (const [service, counts] of Object.entries(outboxVsStream)) {
      expect({ service, ...counts }).toEqual({
        service,
        outbox: counts.outbox,
        onStream: counts.outbox,
        aggregates: counts.aggregates,
        outOfOrder: 0,
        missingOrRepeated: 0,
      });
    }
    expect(outboxVsStream['intake']!.outbox).toBeGreaterThan(SUBMITS);

    // And every replica stops by itself on SIGTERM.
    const stops = await Promise.all([...processes].reverse().map((p) => terminate(p)));
    process.stdout.write(`  SIGTERM: ${stops.map((s) => `${s.label} ${s.code} in ${s.ms} ms`).join(', ')}\n`);
    expect(stops.filter((s) => s.code !== 0)).toEqual([]);
  }, 300_000);
});

/** How many aggregates' events reached the stream in another order than their outbox order. */
function outOfOrderAggregates(rows: Array<{ id: string; aggregate: string }>, published: StreamMessage[]): number {
  const committed = new Map<string, string[]>();
  for (const row of rows) committed.set(row.aggregate, [...(committed.get(row.aggregate) ?? []), row.id]);
  const streamed = new Map<string, string[]>();
  for (const message of published) streamed.set(message.envelope.aggregateId, [...(streamed.get(message.envelope.aggregateId) ?? []), message.envelope.id]);
  let outOfOrder = 0;
  for (const [aggregate, ids] of committed) if ((streamed.get(aggregate) ?? []).join() !== ids.join()) outOfOrder++;
  return outOfOrder;
}
