import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { Client as PgClient } from 'pg';
import { FLOOD_RUMOUR, SeededUsers, createTestEnvironment, eventually, graphqlRequest, listeningPort, type TestEnvironment, type TestUser } from '@phoi-hop/testing';
import { createDirectoryApp, defaultSeedDir } from '@phoi-hop/app-directory';
import { createGatewayApp } from '@phoi-hop/app-gateway';
import { SUBMIT_REPORT } from './support/queries';

const root = path.resolve(__dirname, '..');

const CONSULTATION = `id status invitations { agencyCode position reasoning late remindedAt escalatedAt } resolution { summary }`;
const OPEN = `mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id } }`;
const OPINION = `mutation($i: SubmitOpinionInput!) { submitOpinion(input: $i) { ${CONSULTATION} } }`;
const RESOLVE = `mutation($i: ResolveConsultationInput!) { resolveConsultation(input: $i) { ${CONSULTATION} } }`;
const GET = `query($id: ID!) { consultation(id: $id) { ${CONSULTATION} } }`;
const CASE = `query($id: ID!) { case(id: $id) { status participants { agency { code } role } } }`;

interface Invitation {
  agencyCode: string;
  position: string | null;
  reasoning: string | null;
  late: boolean;
  remindedAt: string | null;
  escalatedAt: string | null;
}
interface Consultation {
  id: string;
  status: string;
  invitations: Invitation[];
  resolution: { summary: string } | null;
}
interface CaseView {
  status: string;
  participants: { agency: { code: string }; role: string }[];
}

/** A free TCP port on loopback, so each child process has a health endpoint the test can poll. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * With real processes: the consultation and intake services run from dist as
 * child processes and are killed with SIGKILL at the moments that matter (right after an opinion was
 * accepted; while a reminder is due; while the escalation is due), then restarted as two replicas.
 * Nothing accepted is lost, each reminder and escalation is published once, and intake's view of the
 * case agrees.
 */
describe('a written consultation across killed consultation and intake processes', () => {
  let env: TestEnvironment;
  let directory: INestApplication;
  let gateway: INestApplication;
  let graphqlUrl: string;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let sql: PgClient;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
    env = await createTestEnvironment();
    directory = await createDirectoryApp({ ...env.serviceConfig('directory'), seedDir: defaultSeedDir() }, false);
    gateway = await createGatewayApp(
      { serviceName: 'gateway', messaging: env.serviceConfig('gateway').messaging, auth: env.auth, httpPort: 0, httpHost: '127.0.0.1', bodyLimitBytes: 256 * 1024, rateLimitPerSecond: 0, rateLimitBurst: 0, internalTokenTtlSeconds: 300 },
      false,
    );
    graphqlUrl = `http://127.0.0.1:${listeningPort(gateway)}/graphql`;
    nc = await connect({ servers: env.natsUrl });
    jsm = await jetstreamManager(nc);
    sql = new PgClient({ connectionString: env.databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await sql?.end();
    await nc?.close();
    await gateway?.close();
    await directory?.close();
    await env?.cleanup();
  });

  interface Service {
    child: ChildProcess;
    port: number;
  }

  /** Starts a service from dist as a child process and waits until its health endpoint says ready. */
  async function start(service: 'consultation' | 'intake'): Promise<Service> {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(root, `dist/apps/${service}/src/main.js`)], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: process.env['E2E_LOG'] ? 'debug' : 'error',
        DATABASE_URL: env.databaseUrl,
        DB_SCHEMA: env.schema(service),
        DB_POOL_SIZE: '5',
        NATS_URL: env.natsUrl,
        NATS_SUBJECT_PREFIX: env.subjectPrefix,
        EVENTS_STREAM: env.streamName,
        AUTH_DEV_SECRET: env.devSecret,
        // The gateway sends the services internal tokens signed with this key.
        INTERNAL_TOKEN_SECRET: env.auth.internalSecret!,
        HTTP_PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        // Deadlines looked for ten times a second; the reminder comes halfway to a deadline nearer than a day.
        DEADLINE_POLL_MS: '100',
        REMINDER_LEAD_HOURS: '24',
        CRITICAL_ESCALATION_AGENCY: 'VP_UBND',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${service} exited with ${child.exitCode}`);
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        return response.ok ? true : undefined;
      },
      30_000,
      100,
    );
    return { child, port };
  }

  async function kill(service: Service): Promise<void> {
    if (service.child.exitCode !== null || service.child.signalCode !== null) return;
    const exited = new Promise((resolve) => service.child.once('exit', resolve));
    service.child.kill('SIGKILL');
    await exited;
  }

  const gql = <T>(query: string, variables: Record<string, unknown>, user: TestUser) => env.token(user).then((token) => graphqlRequest<T>(graphqlUrl, query, variables, token));
  const consultationSchema = () => env.schema('consultation');
  const intakeSchema = () => env.schema('intake');

  /** Resolves once the consultation's deadline of `kind` is due (its time has come), fired or not. */
  async function due(consultationId: string, kind: 'REMINDER' | 'ESCALATION'): Promise<void> {
    await eventually(
      async () => {
        const { rows } = await sql.query(`SELECT due_at <= now() AS due FROM "${consultationSchema()}".consultation_deadline WHERE consultation_id = $1 AND kind = $2`, [consultationId, kind]);
        return rows[0]?.due ? true : undefined;
      },
      30_000,
      20,
    );
  }

  /** Messages on the test's JetStream stream, by unprefixed subject. */
  async function streamCounts(): Promise<Record<string, number>> {
    const info = await jsm.streams.info(env.streamName, { subjects_filter: '>' });
    const subjects = (info.state.subjects ?? {}) as Record<string, number>;
    return Object.fromEntries(Object.entries(subjects).map(([subject, n]) => [subject.slice(env.subjectPrefix.length), n]));
  }

  it('loses no accepted opinion and publishes each reminder and escalation once', async () => {
    let intake = await start('intake');
    const first = await start('consultation');

    // A critical flood rumour, triaged by the lead agency, consulted on in writing with a short deadline.
    const reported = await gql<{ submitReport: { case: { id: string } } }>(
      SUBMIT_REPORT,
      { input: { url: `https://www.facebook.com/groups/lethuy/posts/${Date.now()}`, excerpt: FLOOD_RUMOUR, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' } },
      SeededUsers.lethuyOfficer,
    );
    expect(reported.errors).toBeUndefined();
    const caseId = reported.data!.submitReport.case.id;
    const triaged = await gql(`mutation($id: ID!) { triageCase(id: $id, severity: CRITICAL) { status } }`, { id: caseId }, SeededUsers.stttLead);
    expect(triaged.errors).toBeUndefined();
    const opened = await gql<{ openConsultation: { id: string } }>(
      OPEN,
      {
        i: {
          caseId,
          mode: 'WRITTEN',
          invitedAgencyCodes: ['CA', 'BTG', 'SYT'],
          subject: 'Xin ý kiến: tin vỡ đập thủy điện có phải là thông tin sai sự thật?',
          proposedHandling: 'Đính chính trên Cổng TTĐT tỉnh',
          deadline: new Date(Date.now() + 14_000).toISOString(),
        },
      },
      SeededUsers.stttLead,
    );
    expect(opened.errors).toBeUndefined();
    const consultationId = opened.data!.openConsultation.id;
    await eventually(async () => ((await gql<{ case: CaseView }>(CASE, { id: caseId }, SeededUsers.stttLead)).data?.case?.status === 'IN_CONSULTATION' ? true : undefined), 15_000);

    // Killed right after an opinion was accepted: the consultation process and intake die together.
    const caOpinion = await gql(OPINION, { i: { consultationId, position: 'AGREE', reasoning: 'Công an tỉnh xác minh: không có sự cố đập' } }, SeededUsers.caOfficer);
    expect(caOpinion.errors).toBeUndefined();
    await Promise.all([kill(first), kill(intake)]);
    const { rows: kept } = await sql.query(`SELECT agency_code, position FROM "${consultationSchema()}".consultation_invitation WHERE consultation_id = $1 AND position IS NOT NULL`, [consultationId]);
    expect(kept).toEqual([{ agency_code: 'CA', position: 'AGREE' }]);

    // Back with one replica; another opinion; killed again the moment the reminder falls due.
    const restarted = await Promise.all([start('intake'), start('consultation')]);
    intake = restarted[0];
    const second = restarted[1];
    const btgOpinion = await gql(OPINION, { i: { consultationId, position: 'DISAGREE', reasoning: 'Ban Tuyên giáo đề nghị chờ kết quả xác minh thêm' } }, SeededUsers.btgOfficer);
    expect(btgOpinion.errors).toBeUndefined();
    await due(consultationId, 'REMINDER');
    await kill(second);

    // Two replicas at once. The reminder fires once if it had not; the escalation falls due and one of
    // them is killed at that moment, while a third replica joins the survivor.
    const [third, fourth] = await Promise.all([start('consultation'), start('consultation')]);
    await due(consultationId, 'ESCALATION');
    await kill(third);
    const fifth = await start('consultation');
    const escalated = await eventually(
      async () => {
        const seen = await gql<{ consultation: Consultation | null }>(GET, { id: consultationId }, SeededUsers.stttLead);
        const syt = seen.data?.consultation?.invitations.find((i) => i.agencyCode === 'SYT');
        return syt?.escalatedAt ? seen.data!.consultation! : undefined;
      },
      15_000,
      100,
    );
    expect(escalated.invitations.find((i) => i.agencyCode === 'SYT')).toMatchObject({ position: null, remindedAt: expect.any(String) });

    // The late answer is kept and marked; the coordinator resolves the consultation.
    const late = await gql<{ submitOpinion: Consultation }>(OPINION, { i: { consultationId, position: 'AGREE', reasoning: 'Sở Y tế thống nhất đính chính, trả lời muộn' } }, SeededUsers.sytOfficer);
    expect(late.errors).toBeUndefined();
    const resolved = await gql<{ resolveConsultation: Consultation }>(RESOLVE, { i: { consultationId, summary: 'Thống nhất: thông tin sai sự thật, đính chính', plan: [] } }, SeededUsers.stttLead);
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveConsultation.status).toBe('RESOLVED');
    const byAgency = Object.fromEntries(resolved.data!.resolveConsultation.invitations.map((i) => [i.agencyCode, i]));
    expect(byAgency['CA']).toMatchObject({ position: 'AGREE', reasoning: 'Công an tỉnh xác minh: không có sự cố đập', late: false, escalatedAt: null });
    expect(byAgency['BTG']).toMatchObject({ position: 'DISAGREE', reasoning: 'Ban Tuyên giáo đề nghị chờ kết quả xác minh thêm', late: false, escalatedAt: null });
    expect(byAgency['SYT']).toMatchObject({ position: 'AGREE', late: true, remindedAt: expect.any(String), escalatedAt: expect.any(String) });

    // Every event reached the stream exactly once (the relay of a killed process re-publishes, JetStream de-duplicates).
    const expected = {
      'evt.consultation.consultation.opened': 1,
      'evt.consultation.opinion.submitted': 3,
      'evt.consultation.opinion.reminded': 1,
      'evt.consultation.opinion.escalated': 1,
      'evt.consultation.consultation.resolved': 1,
    };
    const counts = await eventually(async () => {
      const seen = await streamCounts();
      return Object.entries(expected).every(([subject, n]) => (seen[subject] ?? 0) >= n) ? seen : undefined;
    });
    expect(Object.fromEntries(Object.keys(expected).map((subject) => [subject, counts[subject]]))).toEqual(expected);
    const { rows: outbox } = await sql.query<{ subject: string; n: number }>(
      `SELECT subject, count(*)::int AS n FROM "${consultationSchema()}".outbox WHERE envelope->'data'->>'consultationId' = $1 GROUP BY subject`,
      [consultationId],
    );
    expect(Object.fromEntries(outbox.map((r) => [r.subject, r.n]))).toEqual(expected);
    const { rows: deadlines } = await sql.query(
      `SELECT kind, fired_at IS NOT NULL AS fired, cancelled_at IS NOT NULL AS cancelled, attempts FROM "${consultationSchema()}".consultation_deadline WHERE consultation_id = $1 ORDER BY kind`,
      [consultationId],
    );
    expect(deadlines).toEqual([
      { kind: 'ESCALATION', fired: true, cancelled: false, attempts: 0 },
      { kind: 'REMINDER', fired: true, cancelled: false, attempts: 0 },
    ]);
    const { rows: audit } = await sql.query(
      `SELECT action, count(*)::int AS n FROM "${consultationSchema()}".audit_log WHERE target_id = $1 AND action IN ('consultation.reminded', 'consultation.escalated') GROUP BY action ORDER BY action`,
      [consultationId],
    );
    expect(audit).toEqual([
      { action: 'consultation.escalated', n: 1 },
      { action: 'consultation.reminded', n: 1 },
    ]);
    const { rows: reminded } = await sql.query(`SELECT envelope->'data'->'agencyCodes' AS codes FROM "${consultationSchema()}".outbox WHERE subject = 'evt.consultation.opinion.reminded' AND envelope->'data'->>'consultationId' = $1`, [consultationId]);
    expect(reminded[0].codes).toContain('SYT');
    expect(reminded[0].codes).not.toContain('CA');
    const { rows: escalation } = await sql.query(`SELECT envelope->'data' AS data FROM "${consultationSchema()}".outbox WHERE subject = 'evt.consultation.opinion.escalated' AND envelope->'data'->>'consultationId' = $1`, [consultationId]);
    expect(escalation[0].data).toMatchObject({ overdueAgencyCodes: ['SYT'], escalatedTo: ['STTTT', 'VP_UBND'] });

    // Intake (itself killed and restarted) applied each consultation event once: the case went into
    // consultation once, the invited agencies joined, the provincial office was informed once, the plan is kept.
    const caseView = await eventually(async () => {
      const seen = await gql<{ case: CaseView }>(CASE, { id: caseId }, SeededUsers.stttLead);
      return seen.data?.case?.participants.some((p) => p.agency.code === 'VP_UBND') ? seen.data.case : undefined;
    }, 15_000);
    expect(caseView.status).toBe('IN_CONSULTATION');
    const roles = Object.fromEntries(caseView.participants.map((p) => [p.agency.code, p.role]));
    expect(roles).toMatchObject({ STTTT: 'LEAD', CA: 'PARTICIPANT', BTG: 'PARTICIPANT', SYT: 'PARTICIPANT', VP_UBND: 'INFORMED' });
    expect(caseView.participants.filter((p) => p.agency.code === 'VP_UBND')).toHaveLength(1);
    await eventually(async () => ((await sql.query(`SELECT 1 FROM "${intakeSchema()}".consultation_plan WHERE consultation_id = $1`, [consultationId])).rowCount === 1 ? true : undefined), 15_000);
    const { rows: inbox } = await sql.query(`SELECT subject, count(*)::int AS n FROM "${intakeSchema()}".inbox WHERE consumer = 'intake-consultation' GROUP BY subject ORDER BY subject`);
    expect(inbox).toEqual([
      { subject: 'evt.consultation.consultation.opened', n: 1 },
      { subject: 'evt.consultation.consultation.resolved', n: 1 },
      { subject: 'evt.consultation.opinion.escalated', n: 1 },
    ]);
    const { rows: moves } = await sql.query(
      `SELECT envelope->'data'->>'to' AS "to", count(*)::int AS n FROM "${intakeSchema()}".outbox WHERE subject = 'evt.intake.case.status-changed' AND envelope->>'aggregateId' = $1 GROUP BY 1 ORDER BY 1`,
      [caseId],
    );
    expect(moves).toEqual([
      { to: 'IN_CONSULTATION', n: 1 },
      { to: 'TRIAGED', n: 1 },
    ]);
    expect((await streamCounts())['evt.intake.case.status-changed']).toBe(2);

    await Promise.all([kill(fourth), kill(fifth), kill(intake)]);
  });
});
