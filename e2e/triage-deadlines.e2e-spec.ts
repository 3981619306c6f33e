import { Client } from 'pg';
import { FLOOD_RUMOUR, SeededUsers, eventually, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

const CASE_FIELDS = `id status severity triagedAt assignedOfficers severitySuggestion { severity reasons } deadlines { kind actionId deadline remindedAt escalatedAt closedAt } participants { agency { code } role }`;
const SUBMIT = `mutation($i: SubmitReportInput!) { submitReport(input: $i) { case { ${CASE_FIELDS} openedAt } } }`;
const TRIAGE = `mutation($id: ID!, $s: Severity, $o: [String!]) { triageCase(id: $id, severity: $s, assignedOfficers: $o) { ${CASE_FIELDS} } }`;
const CASE = `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;
const DECIDE = `mutation($i: DecideCaseInput!) { decideCase(input: $i) { actions { id } } }`;
const UPDATE_ACTION = `mutation($i: UpdateHandlingActionInput!) { updateHandlingAction(input: $i) { status } }`;

interface Deadline {
  kind: string;
  actionId: string | null;
  deadline: string;
  remindedAt: string | null;
  escalatedAt: string | null;
  closedAt: string | null;
}
interface CaseView {
  id: string;
  status: string;
  severity: string;
  triagedAt: string | null;
  assignedOfficers: string[];
  severitySuggestion: { severity: string; reasons: string[] };
  deadlines: Deadline[];
  participants: { agency: { code: string }; role: string }[];
}

const HOUR = 3_600_000;

/** Triage with a suggested severity and assigned officers; SLA deadlines reminded and escalated once. */
describe('triage and case deadlines', () => {
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

  const gql = <T>(query: string, variables: Record<string, unknown>, token = lead) => graphqlRequest<T>(platform.graphqlUrl, query, variables, token);
  const view = async (id: string) => (await gql<{ case: CaseView }>(CASE, { id })).data!.case;
  /** Time passes: the case's pending deadlines of a kind fall due now. */
  const fallDue = (caseId: string, kind: string) => sql.query(`UPDATE "${platform.env.schema('intake')}".case_deadline SET due_at = now() WHERE case_id = $1 AND kind = $2 AND fired_at IS NULL`, [caseId, kind]);
  const firedEvents = async (caseId: string) =>
    (await sql.query(`SELECT subject, envelope->'data'->>'kind' AS kind, count(*)::int AS n FROM "${platform.env.schema('intake')}".outbox WHERE envelope->'data'->>'caseId' = $1 AND subject LIKE 'evt.intake.deadline.%' GROUP BY 1, 2 ORDER BY 1, 2`, [caseId])).rows;

  it('suggests a severity from reach, triages with it, and moves the SLA deadlines', async () => {
    const submitted = await gql<{ submitReport: { case: CaseView & { openedAt: string } } }>(
      SUBMIT,
      { i: { url: `https://www.facebook.com/watch/?v=${Date.now()}`, excerpt: FLOOD_RUMOUR, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY', estimatedReach: 150_000 } },
      await platform.env.token(SeededUsers.lethuyOfficer),
    );
    expect(submitted.errors).toBeUndefined();
    const opened = submitted.data!.submitReport.case;
    // The category says HIGH; a reach of 150,000 raises it two levels, capped at CRITICAL.
    expect(opened.severity).toBe('HIGH');
    expect(opened.severitySuggestion).toEqual({ severity: 'CRITICAL', reasons: [expect.stringContaining('150.000')] });
    // HIGH: 8 hours to triage (Quảng Bình seed).
    expect(opened.deadlines).toHaveLength(1);
    expect(opened.deadlines[0]).toMatchObject({ kind: 'TRIAGE', remindedAt: null, escalatedAt: null, closedAt: null });
    expect(Date.parse(opened.deadlines[0]!.deadline) - Date.parse(opened.openedAt)).toBe(8 * HOUR);

    // Officers must exist and work for an agency on the case; a refused triage changes nothing.
    for (const officers of [['ghost.user'], ['syt.officer'], ['Robert"); DROP TABLE--']]) {
      const refused = await gql(TRIAGE, { id: opened.id, o: officers });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignedOfficers' });
    }
    expect(await view(opened.id)).toMatchObject({ status: 'OPEN', severity: 'HIGH', triagedAt: null, assignedOfficers: [] });

    const triaged = await gql<{ triageCase: CaseView }>(TRIAGE, { id: opened.id, o: ['stttt.lead', 'lethuy.officer'] });
    expect(triaged.errors).toBeUndefined();
    const after = triaged.data!.triageCase;
    expect(after).toMatchObject({ status: 'TRIAGED', severity: 'CRITICAL', assignedOfficers: ['stttt.lead', 'lethuy.officer'] });
    const byKind = Object.fromEntries(after.deadlines.map((d) => [d.kind, d]));
    expect(byKind['TRIAGE']!.closedAt).not.toBeNull();
    // CRITICAL: 12 hours to decide, from triage.
    expect(Math.abs(Date.parse(byKind['DECISION']!.deadline) - Date.parse(after.triagedAt!) - 12 * HOUR)).toBeLessThan(1000);
    expect(byKind['DECISION']!.closedAt).toBeNull();

    // A coordinator's explicit severity wins over the suggestion; severity is only set at triage.
    const dismissWithSeverity = await gql(`mutation($id: ID!) { dismissCase(id: $id, reason: "không có căn cứ") { id } }`, { id: opened.id });
    expect(dismissWithSeverity.errors).toBeUndefined();
    const reopened = await gql<{ reopenCase: { status: string } }>(`mutation($id: ID!) { reopenCase(id: $id, reason: "có thêm báo cáo mới") { status } }`, { id: opened.id });
    expect(reopened.data!.reopenCase.status).toBe('TRIAGED');
    const decisions = (await view(opened.id)).deadlines.filter((d) => d.kind === 'DECISION');
    expect(decisions.filter((d) => d.closedAt === null)).toHaveLength(1);
  });

  it('reminds, then escalates a missed decision once, to the lead agency and the provincial office for a critical case', async () => {
    const submitted = await gql<{ submitReport: { case: CaseView } }>(
      SUBMIT,
      { i: { url: `https://example.vn/deadline/${Date.now()}`, excerpt: `Tin đồn dịch cúm lạ bùng phát ở chợ Đồng Hới, bệnh viện quá tải, trường học sắp đóng cửa toàn tỉnh ${Date.now()}`, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY', estimatedReach: 500_000 } },
      await platform.env.token(SeededUsers.lethuyOfficer),
    );
    const caseId = submitted.data!.submitReport.case.id;
    await gql(TRIAGE, { id: caseId });
    expect((await view(caseId)).participants.some((p) => p.agency.code === 'VP_UBND')).toBe(false);
    await fallDue(caseId, 'DECISION');
    const escalated = await eventually(async () => {
      const seen = await view(caseId);
      const decision = seen.deadlines.find((d) => d.kind === 'DECISION');
      return decision?.remindedAt && decision.escalatedAt ? seen : undefined;
    });
    expect(escalated.participants.find((p) => p.agency.code === 'VP_UBND')).toMatchObject({ role: 'INFORMED' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await firedEvents(caseId)).toEqual([
      { subject: 'evt.intake.deadline.escalated', kind: 'DECISION', n: 1 },
      { subject: 'evt.intake.deadline.reminded', kind: 'DECISION', n: 1 },
    ]);
    const { rows } = await sql.query(`SELECT envelope->'data' AS data FROM "${platform.env.schema('intake')}".outbox WHERE subject = 'evt.intake.deadline.escalated' AND envelope->'data'->>'caseId' = $1`, [caseId]);
    expect(rows[0].data).toMatchObject({ owedBy: ['STTTT'], escalatedTo: ['STTTT', 'VP_UBND'], severity: 'CRITICAL' });
  });

  it('reminds the assignee of a handling action and stops once it is done', async () => {
    const submitted = await gql<{ submitReport: { case: CaseView } }>(
      SUBMIT,
      { i: { url: `https://example.vn/action/${Date.now()}`, excerpt: `Tin đồn về giá xăng tăng gấp đôi từ ngày mai ${Date.now()}`, categoryCode: 'FALSE_INFO_ECONOMIC', localityCode: 'DONG_HOI' } },
      await platform.env.token(SeededUsers.donghoiOfficer),
    );
    const caseId = submitted.data!.submitReport.case.id;
    await gql(TRIAGE, { id: caseId });
    const dueDate = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
    const decided = await gql<{ decideCase: { actions: { id: string }[] } }>(DECIDE, {
      i: { caseId, finding: 'FALSE', provisionCodes: [], statementOfReasons: 'Sở Công Thương xác nhận giá không đổi.', actions: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'UBND_DONG_HOI', dueDate }, { type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate }] },
    });
    expect(decided.errors).toBeUndefined();
    const [clarification, monitor] = decided.data!.decideCase.actions;
    const deadlines = (await view(caseId)).deadlines;
    expect(deadlines.find((d) => d.kind === 'DECISION')!.closedAt).not.toBeNull();
    const actionDeadline = deadlines.find((d) => d.actionId === clarification!.id)!;
    // Due by the end of its day in the province (UTC+7).
    expect(actionDeadline.deadline).toBe(new Date(`${dueDate}T23:59:59.999+07:00`).toISOString());

    const done = await gql(UPDATE_ACTION, { i: { actionId: monitor!.id, status: 'DONE', result: 'Theo dõi 3 ngày, không còn lan truyền' } });
    expect(done.errors).toBeUndefined();
    await fallDue(caseId, 'ACTION');
    await eventually(async () => ((await view(caseId)).deadlines.find((d) => d.actionId === clarification!.id)?.escalatedAt ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { rows } = await sql.query(
      `SELECT subject, envelope->'data'->>'actionId' AS action, envelope->'data'->'owedBy' AS owed FROM "${platform.env.schema('intake')}".outbox WHERE envelope->'data'->>'caseId' = $1 AND subject LIKE 'evt.intake.deadline.%' ORDER BY seq`,
      [caseId],
    );
    // Only the action still owed fires; the done one was cancelled.
    expect(rows).toEqual([
      { subject: 'evt.intake.deadline.reminded', action: clarification!.id, owed: ['UBND_DONG_HOI'] },
      { subject: 'evt.intake.deadline.escalated', action: clarification!.id, owed: ['UBND_DONG_HOI'] },
    ]);
    expect((await view(caseId)).deadlines.find((d) => d.actionId === monitor!.id)!.closedAt).not.toBeNull();
  });
});
