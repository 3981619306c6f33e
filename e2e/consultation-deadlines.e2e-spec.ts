import { Client } from 'pg';
import { FLOOD_RUMOUR_PARTIAL, SeededUsers, eventually, graphqlRequest, type TestUser } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';
import { SUBMIT_REPORT } from './support/queries';

const OPEN = `mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id } }`;
const GET = `query($id: ID!) { consultation(id: $id) { id status invitations { agencyCode remindedAt escalatedAt } } }`;
const CASE = `query($id: ID!) { case(id: $id) { participants { agency { code } role } } }`;

/** Deadlines survive a restart and fire once with several replicas. */
describe('consultation deadlines across restarts and replicas', () => {
  let platform: Platform;
  let sql: Client;
  let lead: string;

  beforeAll(async () => {
    platform = await startPlatform();
    lead = await platform.env.token(SeededUsers.stttLead);
    sql = new Client({ connectionString: platform.env.databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await platform?.stop();
  });

  async function triagedCase(severity: string, excerpt = `${FLOOD_RUMOUR_PARTIAL} ${Math.random()}`): Promise<string> {
    const reported = await graphqlRequest<{ submitReport: { case: { id: string } } }>(
      platform.graphqlUrl,
      SUBMIT_REPORT,
      { input: { url: `https://example.vn/deadline/${Math.random()}`, excerpt, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' } },
      await platform.env.token(SeededUsers.lethuyOfficer),
    );
    const caseId = reported.data!.submitReport.case.id;
    await graphqlRequest(platform.graphqlUrl, `mutation($id: ID!, $s: Severity) { triageCase(id: $id, severity: $s) { status } }`, { id: caseId, s: severity }, lead);
    return caseId;
  }

  async function consult(caseId: string, deadlineInMs: number): Promise<string> {
    const opened = await graphqlRequest<{ openConsultation: { id: string } }>(
      platform.graphqlUrl,
      OPEN,
      { i: { caseId, mode: 'WRITTEN', invitedAgencyCodes: ['CA', 'BTG'], subject: 'Xin ý kiến xác minh tin vỡ đập', deadline: new Date(Date.now() + deadlineInMs).toISOString() } },
      lead,
    );
    expect(opened.errors).toBeUndefined();
    return opened.data!.openConsultation.id;
  }

  /** Events the consultation service wrote for one consultation, by subject. */
  async function eventsOf(consultationId: string): Promise<Record<string, number>> {
    const { rows } = await sql.query<{ subject: string; n: number }>(
      `SELECT subject, count(*)::int AS n FROM "${platform.env.schema('consultation')}".outbox WHERE envelope->'data'->>'consultationId' = $1 GROUP BY subject`,
      [consultationId],
    );
    return Object.fromEntries(rows.map((r) => [r.subject, r.n]));
  }

  it('fires a deadline that fell due while the service was down, once, with three replicas running', async () => {
    const caseId = await triagedCase('CRITICAL');
    const consultationId = await consult(caseId, 2_500);
    // The only consultation replica stops in the middle of the consultation, before its reminder.
    await platform.consultation!.close();
    platform.consultation = null;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await eventsOf(consultationId)).toEqual({ 'evt.consultation.consultation.opened': 1 });

    // Three replicas come back; the missed reminder and escalation fire once each.
    await Promise.all([platform.startConsultationReplica(), platform.startConsultationReplica(), platform.startConsultationReplica()]);
    const escalated = await eventually(async () => {
      const seen = await graphqlRequest<{ consultation: { invitations: { agencyCode: string; remindedAt: string | null; escalatedAt: string | null }[] } | null }>(platform.graphqlUrl, GET, { id: consultationId }, lead);
      const invitations = seen.data?.consultation?.invitations ?? [];
      return invitations.length && invitations.every((i) => i.escalatedAt) ? invitations : undefined;
    }, 15_000);
    expect(escalated.every((i) => i.remindedAt)).toBe(true);
    // Let every replica poll many more times.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await eventsOf(consultationId)).toEqual({
      'evt.consultation.consultation.opened': 1,
      'evt.consultation.opinion.reminded': 1,
      'evt.consultation.opinion.escalated': 1,
    });

    // A critical case's missed deadline also goes to the provincial office, which may now see the case.
    const { rows } = await sql.query(`SELECT envelope->'data'->'escalatedTo' AS "to" FROM "${platform.env.schema('consultation')}".outbox WHERE subject = 'evt.consultation.opinion.escalated' AND envelope->'data'->>'consultationId' = $1`, [consultationId]);
    expect(rows[0].to).toEqual(['STTTT', 'VP_UBND']);
    // An officer of the office (not its leader, who sees every case) is added to the directory.
    const officer: TestUser = { username: 'vp.officer', agencyCode: 'VP_UBND', roles: ['OFFICER'] };
    await platform.addUser(officer, 'Chuyên viên VP (tài khoản thử)');
    const officeView = await eventually(async () => {
      const seen = await graphqlRequest<{ case: { participants: { agency: { code: string }; role: string }[] } | null }>(platform.graphqlUrl, CASE, { id: caseId }, await platform.env.token(officer));
      return seen.data?.case ?? undefined;
    });
    expect(officeView.participants.find((p) => p.agency.code === 'VP_UBND')).toMatchObject({ role: 'INFORMED' });
  });

  it('cancels the reminder and escalation still due when every agency answered and the consultation is resolved', async () => {
    const caseId = await triagedCase('HIGH', 'Tin đồn: nhà máy xi măng Sông Gianh nổ lò nung, khói độc lan khắp huyện Tuyên Hóa, người dân phải đóng cửa ở trong nhà.');
    const consultationId = await consult(caseId, 60 * 60_000);
    const deadlines = async () =>
      (await sql.query(`SELECT kind, fired_at IS NOT NULL AS fired, cancelled_at IS NOT NULL AS cancelled FROM "${platform.env.schema('consultation')}".consultation_deadline WHERE consultation_id = $1 ORDER BY kind`, [consultationId])).rows;
    expect(await deadlines()).toEqual([
      { kind: 'ESCALATION', fired: false, cancelled: false },
      { kind: 'REMINDER', fired: false, cancelled: false },
    ]);
    // The case owes its consultation within the SLA's consultation hours of its severity (HIGH: 24 h).
    const caseDeadlines = async () =>
      (await graphqlRequest<{ case: { deadlines: { kind: string; deadline: string; closedAt: string | null }[] } }>(platform.graphqlUrl, `query($id: ID!) { case(id: $id) { deadlines { kind deadline closedAt } } }`, { id: caseId }, lead)).data!.case.deadlines.filter((d) => d.kind === 'CONSULTATION');
    const owed = await eventually(async () => {
      const found = await caseDeadlines();
      return found.length ? found : undefined;
    });
    expect(owed).toHaveLength(1);
    expect(owed[0]!.closedAt).toBeNull();
    const hours = (Date.parse(owed[0]!.deadline) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.5);
    expect(hours).toBeLessThanOrEqual(24);
    const OPINION = `mutation($i: SubmitOpinionInput!) { submitOpinion(input: $i) { id } }`;
    for (const user of [SeededUsers.caOfficer, SeededUsers.btgOfficer]) {
      const answered = await graphqlRequest(platform.graphqlUrl, OPINION, { i: { consultationId, position: 'AGREE', reasoning: 'Đồng ý với đề xuất của Sở' } }, await platform.env.token(user));
      expect(answered.errors).toBeUndefined();
    }
    const resolved = await graphqlRequest(platform.graphqlUrl, `mutation($i: ResolveConsultationInput!) { resolveConsultation(input: $i) { status } }`, { i: { consultationId, summary: 'Các cơ quan thống nhất theo dõi thêm', plan: [] } }, lead);
    expect(resolved.errors).toBeUndefined();
    expect(await deadlines()).toEqual([
      { kind: 'ESCALATION', fired: false, cancelled: true },
      { kind: 'REMINDER', fired: false, cancelled: true },
    ]);
    expect(await eventsOf(consultationId)).toEqual({ 'evt.consultation.consultation.opened': 1, 'evt.consultation.opinion.submitted': 2, 'evt.consultation.consultation.resolved': 1 });
    // Resolved: the case no longer owes its consultation.
    await eventually(async () => ((await caseDeadlines())[0]?.closedAt ? true : undefined));
  });
});
