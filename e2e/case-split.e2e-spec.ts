import { FLOOD_RUMOUR, JOB_SCAM, SeededUsers, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

const FIELDS = `id number status categoryCode reportCount splitFrom reports { edges { node { id excerpt } } } participants { agency { code } role } deadlines { kind closedAt }`;
const SUBMIT = `mutation($i: SubmitReportInput!) { submitReport(input: $i) { merged case { ${FIELDS} } } }`;
const SPLIT = `mutation($c: ID!, $r: ID!, $why: String!) { splitReport(caseId: $c, reportId: $r, reason: $why) { case { ${FIELDS} } newCase { ${FIELDS} } } }`;
const CASE = `query($id: ID!) { case(id: $id) { ${FIELDS} } }`;

interface CaseView {
  id: string;
  number: string;
  status: string;
  categoryCode: string;
  reportCount: number;
  splitFrom: string | null;
  reports: { edges: { node: { id: string; excerpt: string } }[] };
  participants: { agency: { code: string }; role: string }[];
  deadlines: { kind: string; closedAt: string | null }[];
}

/** A report that intake joined to a case but is about other content is split out into its own case. */
describe('splitting a report out of a case', () => {
  let platform: Platform;
  let lead: string;

  beforeAll(async () => {
    platform = await startPlatform();
    lead = await platform.env.token(SeededUsers.stttLead);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const gql = <T>(query: string, variables: Record<string, unknown>, token = lead) => graphqlRequest<T>(platform.graphqlUrl, query, variables, token);
  const caseView = async (id: string) => (await gql<{ case: CaseView }>(CASE, { id })).data!.case;

  it('opens a new case for the report, routed by its own category, and leaves the rest of the case as it was', async () => {
    // Same link, so intake joins the second report to the first case; its text is a job scam, not the rumour.
    const url = `https://www.facebook.com/groups/lethuy/posts/${Date.now()}`;
    const first = await gql<{ submitReport: { merged: boolean; case: CaseView } }>(
      SUBMIT,
      { i: { url, excerpt: FLOOD_RUMOUR, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' } },
      await platform.env.token(SeededUsers.lethuyOfficer),
    );
    const second = await gql<{ submitReport: { merged: boolean; case: CaseView } }>(
      SUBMIT,
      { i: { url, excerpt: JOB_SCAM, categoryCode: 'IMPERSONATION_SCAM', localityCode: 'DONG_HOI' } },
      await platform.env.token(SeededUsers.donghoiOfficer),
    );
    expect(second.data!.submitReport.merged).toBe(true);
    expect(second.data!.submitReport.case.id).toBe(first.data!.submitReport.case.id);
    // Đồng Hới only reported this case: its answer shows its own report; the lead agency sees both.
    expect(second.data!.submitReport.case.reports.edges.map((e) => e.node.excerpt)).toEqual([JOB_SCAM]);
    const original = await caseView(first.data!.submitReport.case.id);
    expect(original.reportCount).toBe(2);
    const scamReport = original.reports.edges.map((e) => e.node).find((r) => r.excerpt === JOB_SCAM)!;
    const rumourReport = original.reports.edges.map((e) => e.node).find((r) => r.excerpt === FLOOD_RUMOUR)!;

    // Refused splits change nothing.
    const refusals: [Record<string, unknown>, string | undefined, Record<string, unknown>][] = [
      [{ c: original.id, r: scamReport.id, why: 'khác nội dung' }, await platform.env.token(SeededUsers.caOfficer), { code: 'FORBIDDEN' }],
      [{ c: original.id, r: scamReport.id, why: ' ' }, lead, { code: 'BAD_USER_INPUT', field: 'reason' }],
      [{ c: original.id, r: 'not-an-id', why: 'khác nội dung' }, lead, { code: 'BAD_USER_INPUT', field: 'reportId' }],
      [{ c: original.id, r: '00000000-0000-4000-8000-000000000001', why: 'khác nội dung' }, lead, { code: 'NOT_FOUND', field: 'reportId' }],
      [{ c: '00000000-0000-4000-8000-000000000002', r: scamReport.id, why: 'khác nội dung' }, lead, { code: 'NOT_FOUND' }],
    ];
    for (const [variables, token, expected] of refusals) {
      expect((await gql(SPLIT, variables, token)).errors?.[0]?.extensions).toMatchObject(expected);
    }
    expect(await caseView(original.id)).toEqual(original);

    const split = await gql<{ splitReport: { case: CaseView; newCase: CaseView } }>(SPLIT, { c: original.id, r: scamReport.id, why: 'Tin tuyển dụng lừa đảo, không phải tin đồn vỡ đập' });
    expect(split.errors).toBeUndefined();
    const { case: left, newCase } = split.data!.splitReport;
    expect(left).toMatchObject({ id: original.id, status: 'OPEN', reportCount: 1, reports: { edges: [{ node: { id: rumourReport.id } }] }, splitFrom: null });
    expect(newCase).toMatchObject({ status: 'OPEN', categoryCode: 'IMPERSONATION_SCAM', reportCount: 1, reports: { edges: [{ node: { id: scamReport.id } }] }, splitFrom: original.id });
    expect(newCase.number).not.toBe(original.number);
    // Routed as a case of its own: police for a scam (Đ6.2), Đồng Hới's committee for its locality (Đ6.7).
    const roles = Object.fromEntries(newCase.participants.map((p) => [p.agency.code, p.role]));
    expect(roles).toMatchObject({ STTTT: 'LEAD', CA: 'PARTICIPANT', UBND_DONG_HOI: 'PARTICIPANT' });
    expect(newCase.deadlines).toEqual([expect.objectContaining({ kind: 'TRIAGE', closedAt: null })]);
    // The police see the new case; the committee of Lệ Thủy, on the rumour only, does not.
    expect((await gql<{ case: CaseView }>(CASE, { id: newCase.id }, await platform.env.token(SeededUsers.caOfficer))).data?.case.id).toBe(newCase.id);
    expect((await gql<{ case: CaseView | null }>(CASE, { id: newCase.id }, await platform.env.token(SeededUsers.lethuyOfficer))).data?.case).toBeNull();

    // A case's last report cannot leave it, and the moved report is no longer in the old case.
    expect((await gql(SPLIT, { c: original.id, r: rumourReport.id, why: 'thử lại' })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', field: 'reportId' });
    expect((await gql(SPLIT, { c: original.id, r: scamReport.id, why: 'thử lại' })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'reportId' });
    expect(await caseView(original.id)).toEqual(left);
  });
});
