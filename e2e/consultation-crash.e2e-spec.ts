import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';
import { FLOOD_RUMOUR_PARTIAL, SeededUsers, eventually, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';
import { SUBMIT_REPORT } from './support/queries';

const root = path.resolve(__dirname, '..');
const OPEN = `mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id } }`;
const OPINION = `mutation($i: SubmitOpinionInput!) { submitOpinion(input: $i) { id } }`;
const RESOLVE = `mutation($i: ResolveConsultationInput!) { resolveConsultation(input: $i) { status } }`;
const GET = `query($id: ID!) { consultation(id: $id) { status invitations { agencyCode position late remindedAt escalatedAt } } }`;
const CASE = `query($id: ID!) { case(id: $id) { status participants { agency { code } role } } }`;

interface Invitation {
  agencyCode: string;
  position: string | null;
  late: boolean;
  remindedAt: string | null;
  escalatedAt: string | null;
}

/**
 * Issue 4, acceptance 3, with real processes: the consultation service is killed (SIGKILL) in the
 * middle of a written consultation, more than once, and comes back as two replicas. Nothing that
 * was accepted is lost, and each reminder and escalation reaches the event stream exactly once.
 */
describe('a consultation across killed processes', () => {
  let platform: Platform;
  let sql: Client;
  let nc: NatsConnection;
  let lead: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
    platform = await startPlatform();
    // The consultation service runs only as child processes in this test.
    await platform.consultation!.close();
    platform.consultation = null;
    lead = await platform.env.token(SeededUsers.stttLead);
    sql = new Client({ connectionString: platform.env.databaseUrl });
    await sql.connect();
    nc = await connect({ servers: platform.env.natsUrl });
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await nc?.close();
    await sql?.end();
    await platform?.stop();
  });

  function startConsultation(): ChildProcess {
    const { env } = platform;
    const child = spawn(process.execPath, [path.join(root, 'dist/apps/consultation/src/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: env.databaseUrl,
        DB_SCHEMA: env.schema('consultation'),
        NATS_URL: env.natsUrl,
        NATS_SUBJECT_PREFIX: env.subjectPrefix,
        EVENTS_STREAM: env.streamName,
        AUTH_DEV_SECRET: env.devSecret,
        // The gateway sends the services internal tokens signed with this key.
        INTERNAL_TOKEN_SECRET: env.auth.internalSecret!,
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        DEADLINE_POLL_MS: '100',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
    return child;
  }

  async function kill(child: ChildProcess): Promise<void> {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  const gql = <T>(query: string, variables: Record<string, unknown>, token = lead) => graphqlRequest<T>(platform.graphqlUrl, query, variables, token);

  /** Waits until a consultation process answers through the gateway. */
  async function consultationUp(caseId: string): Promise<void> {
    await eventually(async () => ((await gql(`query($c: ID!) { consultations(caseId: $c) { id } }`, { c: caseId })).errors ? undefined : true), 30_000, 200);
  }

  const invitations = async (consultationId: string): Promise<Invitation[]> => (await gql<{ consultation: { invitations: Invitation[] } | null }>(GET, { id: consultationId })).data?.consultation?.invitations ?? [];

  /** How many events of each consultation subject the test's stream holds. */
  async function streamCounts(): Promise<Record<string, number>> {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(platform.env.streamName, { subjects_filter: '>' });
    const counts: Record<string, number> = {};
    for (const [subject, n] of Object.entries(info.state.subjects ?? {})) {
      const name = subject.slice(subject.indexOf('evt.'));
      if (name.startsWith('evt.consultation.')) counts[name] = (counts[name] ?? 0) + n;
    }
    return counts;
  }

  it('loses no opinion and reminds and escalates once when the service is killed and comes back as two replicas', async () => {
    const reported = await gql<{ submitReport: { case: { id: string } } }>(
      SUBMIT_REPORT,
      { input: { url: `https://example.vn/crash/${Date.now()}`, excerpt: `${FLOOD_RUMOUR_PARTIAL} ${Date.now()}`, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' } },
      await platform.env.token(SeededUsers.lethuyOfficer),
    );
    const caseId = reported.data!.submitReport.case.id;
    await gql(`mutation($id: ID!) { triageCase(id: $id, severity: CRITICAL) { status } }`, { id: caseId });

    const first = startConsultation();
    await consultationUp(caseId);
    const deadline = new Date(Date.now() + 6_000);
    const opened = await gql<{ openConsultation: { id: string } }>(OPEN, {
      i: { caseId, mode: 'WRITTEN', invitedAgencyCodes: ['CA', 'BTG', 'UBND_LE_THUY'], subject: 'Xin ý kiến xác minh tin vỡ đập', deadline: deadline.toISOString() },
    });
    expect(opened.errors).toBeUndefined();
    const consultationId = opened.data!.openConsultation.id;
    const ca = await gql(OPINION, { i: { consultationId, position: 'AGREE', reasoning: 'Công an tỉnh đã xác minh: không có sự cố đập' } }, await platform.env.token(SeededUsers.caOfficer));
    expect(ca.errors).toBeUndefined();
    const btg = await gql(OPINION, { i: { consultationId, position: 'ALTERNATIVE', reasoning: 'Cần đính chính trên báo', alternativeProposal: 'Báo Quảng Bình đăng tin chính thức' } }, await platform.env.token(SeededUsers.btgOfficer));
    expect(btg.errors).toBeUndefined();

    // Killed right after accepting the opinions (their events perhaps not yet relayed), before the reminder (halfway to the deadline) is due.
    await kill(first);
    // Down while the reminder falls due.
    await new Promise((resolve) => setTimeout(resolve, 3_500));

    // Two replicas come back at once.
    const replicas = [startConsultation(), startConsultation()];
    await consultationUp(caseId);
    const afterRestart = await invitations(consultationId);
    expect(afterRestart.find((i) => i.agencyCode === 'CA')).toMatchObject({ position: 'AGREE', late: false });
    expect(afterRestart.find((i) => i.agencyCode === 'BTG')).toMatchObject({ position: 'ALTERNATIVE', late: false });
    // The missed reminder goes to the one agency that has not answered.
    const reminded = await eventually(async () => {
      const seen = await invitations(consultationId);
      return seen.some((i) => i.remindedAt) ? seen : undefined;
    }, 15_000, 100);
    expect(reminded.filter((i) => i.remindedAt).map((i) => i.agencyCode)).toEqual(['UBND_LE_THUY']);

    // The committee of Lệ Thủy never answers: escalated after the deadline; then one replica dies too.
    const escalated = await eventually(async () => {
      const seen = await invitations(consultationId);
      return seen.find((i) => i.agencyCode === 'UBND_LE_THUY')?.escalatedAt ? seen : undefined;
    }, 15_000, 100);
    expect(escalated.filter((i) => i.escalatedAt).map((i) => i.agencyCode)).toEqual(['UBND_LE_THUY']);
    await kill(replicas[0]!);
    // Let the survivor poll many more times.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const resolved = await gql<{ resolveConsultation: { status: string } }>(RESOLVE, { i: { consultationId, summary: 'Thống nhất: tin sai sự thật, đính chính', plan: [] } });
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveConsultation.status).toBe('RESOLVED');

    // Every event reached the stream exactly once, whatever process published it.
    const counts = await eventually(async () => {
      const seen = await streamCounts();
      return seen['evt.consultation.consultation.resolved'] ? seen : undefined;
    }, 10_000, 100);
    expect(counts).toEqual({
      'evt.consultation.consultation.opened': 1,
      'evt.consultation.opinion.submitted': 2,
      'evt.consultation.opinion.reminded': 1,
      'evt.consultation.opinion.escalated': 1,
      'evt.consultation.consultation.resolved': 1,
    });
    const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${platform.env.schema('consultation')}".outbox WHERE published_at IS NULL`);
    expect(rows[0]!.n).toBe(0);

    // Intake followed every event once: invited agencies on the case, the provincial office informed (CRITICAL).
    const view = await eventually(async () => {
      const seen = await gql<{ case: { status: string; participants: { agency: { code: string }; role: string }[] } }>(CASE, { id: caseId });
      return seen.data?.case.participants.some((p) => p.agency.code === 'VP_UBND') ? seen.data.case : undefined;
    });
    expect(view.status).toBe('IN_CONSULTATION');
    const roles = Object.fromEntries(view.participants.map((p) => [p.agency.code, p.role]));
    expect(roles).toMatchObject({ STTTT: 'LEAD', CA: 'PARTICIPANT', BTG: 'PARTICIPANT', UBND_LE_THUY: 'PARTICIPANT', VP_UBND: 'INFORMED' });
    await kill(replicas[1]!);
  });
});
