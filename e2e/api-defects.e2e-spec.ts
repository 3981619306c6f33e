import { randomBytes } from 'node:crypto';
import { SeededUsers, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';
import { SUBMIT_REPORT } from './support/queries';

const TRIAGE = `mutation($id: ID!) { triageCase(id: $id) { status } }`;
const DECIDE = `mutation($i: DecideCaseInput!) { decideCase(input: $i) { decisionId case { status } actions { id type assigneeAgencyCode status } } }`;
const UPDATE_ACTION = `mutation($i: UpdateHandlingActionInput!) { updateHandlingAction(input: $i) { status } }`;
const CASE_VIEW = `query($id: ID!) { case(id: $id) { status decisions { id } statusHistory { from to }
  reports(first: 5) { edges { node { url canonicalUrl } } } actions { id type links removal { url } } } }`;

interface CaseView {
  status: string;
  decisions: { id: string }[];
  statusHistory: { from: string | null; to: string }[];
  reports: { edges: Array<{ node: { url: string; canonicalUrl: string } }> };
  actions: { id: string; type: string; links: string[]; removal: { url: string } | null }[];
}

/** Defects found by playing the regulation's scenario through the API; each test failed before its fix. */
describe('API defects', () => {
  let platform: Platform;
  let lead: string;
  let lethuy: string;
  const inAMonth = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  const assessment = {
    isFactualClaim: true,
    verifiedFalseBy: 'UBND_LE_THUY',
    isPublicInterestReporting: false,
    isGenuineGrievance: false,
    proportionality: 'Tin gây hoang mang trong mùa lũ; gỡ bài và đính chính là biện pháp tối thiểu',
    concludesNotProtected: true,
  };
  const reasons = 'Xác minh với Ban Chỉ huy PCTT: không có sự cố đập; thông tin sai sự thật gây hoang mang.';
  const unique = () => randomBytes(6).toString('hex');
  /** A rumour unlike every other report's (random words), so that it opens its own case. */
  const rumour = () => `Tin khẩn về lũ ở Lệ Thủy: ${Array.from({ length: 14 }, unique).join(' ')}`;

  beforeAll(async () => {
    platform = await startPlatform();
    lead = await platform.env.token(SeededUsers.stttLead);
    lethuy = await platform.env.token(SeededUsers.lethuyOfficer);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const submit = (input: Record<string, unknown>, token = lethuy) =>
    graphqlRequest<{ submitReport: { merged: boolean; report: { id: string; canonicalUrl: string }; case: { id: string; number: string; possibleDuplicates: { caseId: string }[] } } }>(
      platform.graphqlUrl,
      SUBMIT_REPORT,
      { input },
      token,
    );
  const view = async (caseId: string) => (await graphqlRequest<{ case: CaseView }>(platform.graphqlUrl, CASE_VIEW, { id: caseId }, lead)).data!.case;
  const decide = (input: Record<string, unknown>) =>
    graphqlRequest<{ decideCase: { case: { status: string }; actions: { id: string; type: string }[] } }>(platform.graphqlUrl, DECIDE, { i: input }, lead);
  async function triagedPanicCase(url = `https://example.vn/tin-lu/${unique()}`): Promise<string> {
    const opened = await submit({ url, excerpt: rumour(), categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
    const caseId = opened.data!.submitReport.case.id;
    await graphqlRequest(platform.graphqlUrl, TRIAGE, { id: caseId }, lead);
    return caseId;
  }

  it("refuses a provision of another category's legal basis, or one not in force, and writes nothing", async () => {
    const caseId = await triagedPanicCase();
    const clarification = { type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CONG_TTDT', dueDate: inAMonth };
    // The Penal Code's fraud article belongs to IMPERSONATION_SCAM, not to a panic rumour.
    const fraud = await decide({ caseId, finding: 'FALSE', provisionCodes: ['ND15_2020_D101', 'BLHS_D174'], assessment, statementOfReasons: reasons, actions: [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth }] });
    expect(fraud.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provisionCodes.1' });
    // Replaced on 2026-07-01 by the 2025 law: not a ground of a decision taken today.
    const expired = await decide({ caseId, finding: 'FALSE', provisionCodes: ['LANM_2018_D8_1D'], statementOfReasons: reasons, actions: [clarification] });
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provisionCodes.0' });
    expect(expired.errors?.[0]?.message).toContain('LANM_2025');
    expect(await view(caseId)).toMatchObject({ status: 'TRIAGED', decisions: [], actions: [] });
    const decided = await decide({ caseId, finding: 'FALSE', provisionCodes: ['ND15_2020_D101', 'LANM_2025'], assessment, statementOfReasons: reasons, actions: [clarification] });
    expect(decided.errors).toBeUndefined();
  });

  it('takes verifiedFalseBy as an agency of the directory', async () => {
    const caseId = await triagedPanicCase();
    const removal = { type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth };
    const base = { caseId, finding: 'FALSE', provisionCodes: ['ND15_2020_D101'], statementOfReasons: reasons, actions: [removal] };
    const prose = await decide({ ...base, assessment: { ...assessment, verifiedFalseBy: 'Ban Chỉ huy PCTT huyện' } });
    expect(prose.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assessment.verifiedFalseBy' });
    const unknown = await decide({ ...base, assessment: { ...assessment, verifiedFalseBy: 'NO_SUCH_AGENCY' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assessment.verifiedFalseBy' });
    expect((await view(caseId)).decisions).toEqual([]);
    expect((await decide({ ...base, assessment })).errors).toBeUndefined();
  });

  it('records DECIDED before ACTING, and aims a removal request at the canonical link by default', async () => {
    const shared = `https://www.facebook.com/groups/lethuy/posts/${Date.now()}?utm_source=zalo&fbclid=IwAR${unique()}`;
    const caseId = await triagedPanicCase(shared);
    const decided = await decide({ caseId, finding: 'FALSE', provisionCodes: ['ND15_2020_D101'], assessment, statementOfReasons: reasons, actions: [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth }] });
    expect(decided.data!.decideCase.case.status).toBe('ACTING');
    const seen = await view(caseId);
    expect(seen.statusHistory.map((c) => `${c.from}→${c.to}`)).toEqual(['null→OPEN', 'OPEN→TRIAGED', 'TRIAGED→DECIDED', 'DECIDED→ACTING']);
    const canonical = seen.reports.edges[0]!.node.canonicalUrl;
    expect(canonical).not.toContain('utm_source');
    expect(canonical).not.toContain('fbclid');
    expect(seen.actions[0]!.removal!.url).toBe(canonical);
  });

  it('keeps the links of an action an update leaves out; [] clears them', async () => {
    const caseId = await triagedPanicCase();
    const decided = await decide({ caseId, finding: 'FALSE', provisionCodes: [], statementOfReasons: reasons, actions: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'STTTT', dueDate: inAMonth }] });
    const actionId = decided.data!.decideCase.actions[0]!.id;
    const links = ['https://sotttt.example.vn/dinh-chinh/lu-an-thuy'];
    const update = (input: Record<string, unknown>) => graphqlRequest(platform.graphqlUrl, UPDATE_ACTION, { i: { actionId, ...input } }, lead);
    expect((await update({ status: 'IN_PROGRESS', links })).errors).toBeUndefined();
    expect((await update({ status: 'IN_PROGRESS', result: 'Đã đăng bản đính chính trên cổng' })).errors).toBeUndefined();
    expect((await view(caseId)).actions[0]!.links).toEqual(links);
    expect((await update({ status: 'IN_PROGRESS', links: [] })).errors).toBeUndefined();
    expect((await view(caseId)).actions[0]!.links).toEqual([]);
  });

  it('answers FORBIDDEN to an agency that sees the case but is not the assignee; NOT_FOUND to one that does not see it', async () => {
    const caseId = await triagedPanicCase();
    const decided = await decide({ caseId, finding: 'FALSE', provisionCodes: [], statementOfReasons: reasons, actions: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CONG_TTDT', dueDate: inAMonth }] });
    const actionId = decided.data!.decideCase.actions[0]!.id;
    const input = { actionId, status: 'IN_PROGRESS' };
    // Lệ Thủy reported the case (it sees it) but the action is the provincial portal's.
    const reporter = await graphqlRequest(platform.graphqlUrl, UPDATE_ACTION, { i: input }, lethuy);
    expect(reporter.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'actionId' });
    const outsider = await graphqlRequest(platform.graphqlUrl, UPDATE_ACTION, { i: input }, await platform.env.token(SeededUsers.sytOfficer));
    expect(outsider.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'actionId' });
  });

  it('keeps every opinion an agency gives, shows the latest, and carries its attachments over when a revision leaves them out', async () => {
    const caseId = await triagedPanicCase();
    const OPEN = `mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id } }`;
    const OPINION = `mutation($i: SubmitOpinionInput!) { submitOpinion(input: $i) { invitations { agencyCode position reasoning attachments { name url }
      opinionVersions { version position reasoning attachments { name url } respondedAt } } } }`;
    const opened = await graphqlRequest<{ openConsultation: { id: string } }>(
      platform.graphqlUrl,
      OPEN,
      { i: { caseId, mode: 'WRITTEN', invitedAgencyCodes: ['CA'], subject: 'Xin ý kiến: tin nước lũ tràn đê có phải sai sự thật?', deadline: new Date(Date.now() + 86400_000).toISOString() } },
      lead,
    );
    const consultationId = opened.data!.openConsultation.id;
    const ca = await platform.env.token(SeededUsers.caOfficer);
    const attachments = [{ name: 'Biên bản xác minh', url: 'https://ca.example.vn/bien-ban/1' }];
    type Answer = { submitOpinion: { invitations: { agencyCode: string; position: string; reasoning: string; attachments: unknown[]; opinionVersions: { version: number; position: string; reasoning: string; attachments: unknown[] }[] }[] } };
    const opinion = (input: Record<string, unknown>) => graphqlRequest<Answer>(platform.graphqlUrl, OPINION, { i: { consultationId, ...input } }, ca);
    expect((await opinion({ position: 'AGREE', reasoning: 'Đã xác minh tại hiện trường: đê an toàn', attachments })).errors).toBeUndefined();
    const revised = await opinion({ position: 'ALTERNATIVE', reasoning: 'Đề nghị chỉ đính chính, chưa cần gỡ bài', alternativeProposal: 'Đính chính trên Cổng TTĐT tỉnh' });
    expect(revised.errors).toBeUndefined();
    const invitation = revised.data!.submitOpinion.invitations.find((i) => i.agencyCode === 'CA')!;
    expect(invitation).toMatchObject({ position: 'ALTERNATIVE', reasoning: 'Đề nghị chỉ đính chính, chưa cần gỡ bài', attachments });
    expect(invitation.opinionVersions.map((v) => `${v.version}:${v.position}`)).toEqual(['1:AGREE', '2:ALTERNATIVE']);
    expect(invitation.opinionVersions[0]).toMatchObject({ reasoning: 'Đã xác minh tại hiện trường: đê an toàn', attachments });
    expect(invitation.opinionVersions[1]!.attachments).toEqual(attachments);
  });

  it('refuses text holding an unpaired UTF-16 surrogate with BAD_USER_INPUT naming the field, never a 500', async () => {
    const post = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(platform.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${lethuy}` },
        // JSON.stringify writes a lone surrogate as the escape "\ud800": valid JSON.
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] } };
    };
    const url = `https://example.vn/${unique()}`;
    for (const [excerpt, label] of [['Tin giả \ud800 về lũ lụt ở Lệ Thủy', 'high'], ['Tin giả về lũ lụt \udc00', 'low']] as const) {
      const refused = await post(SUBMIT_REPORT, { input: { url, excerpt, categoryCode: 'FALSE_INFO_PANIC' } });
      expect({ label, status: refused.status }).toEqual({ label, status: 200 });
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'excerpt' });
    }
    const note = await post(SUBMIT_REPORT, { input: { url, excerpt: rumour(), note: 'ghi chú \ud83d', categoryCode: 'FALSE_INFO_PANIC' } });
    expect(note.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    // In the document itself the GraphQL parser refuses it: a client error, not a server error.
    const inline = await post(`mutation { submitReport(input: { url: "${url}", excerpt: "Tin giả \\ud800", categoryCode: "OTHER" }) { merged } }`, {});
    expect(inline.status).toBeGreaterThanOrEqual(400);
    expect(inline.status).toBeLessThan(500);
    // A pair (an emoji) is text like any other.
    expect((await post(SUBMIT_REPORT, { input: { url, excerpt: `${rumour()} 🌊`, categoryCode: 'FALSE_INFO_PANIC' } })).body.errors).toBeUndefined();
  });

  it('only suggests a duplicate for two short identical texts at different links; the same canonical link still joins', async () => {
    const text = `Tin giả ${Date.now() % 100_000}`;
    const first = await submit({ url: `https://example.vn/ngan/${unique()}`, excerpt: text, categoryCode: 'FALSE_INFO_PANIC' });
    const firstCase = first.data!.submitReport.case;
    const second = await submit({ url: `https://example.vn/ngan/${unique()}`, excerpt: text, categoryCode: 'FALSE_INFO_PANIC' }, await platform.env.token(SeededUsers.btgOfficer));
    expect(second.data!.submitReport.merged).toBe(false);
    expect(second.data!.submitReport.case.id).not.toBe(firstCase.id);
    expect(second.data!.submitReport.case.possibleDuplicates.map((d) => d.caseId)).toContain(firstCase.id);
    const sameLink = await submit({ url: `${first.data!.submitReport.report.canonicalUrl}?utm_source=facebook`, excerpt: 'Khác hẳn', categoryCode: 'FALSE_INFO_PANIC' }, await platform.env.token(SeededUsers.caOfficer));
    expect(sameLink.data!.submitReport).toMatchObject({ merged: true, case: { id: firstCase.id } });
  });
});
