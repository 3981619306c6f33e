import { FLOOD_RUMOUR, SeededUsers, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';
import { SUBMIT_REPORT } from './support/queries';

const DECIDE = `mutation($i: DecideCaseInput!) { decideCase(input: $i) { decisionId case { status } actions { id type assigneeAgencyCode status } } }`;
const UPDATE_ACTION = `mutation($i: UpdateHandlingActionInput!) { updateHandlingAction(input: $i) { status } }`;
const CLOSE = `mutation($id: ID!, $o: String!) { closeCase(id: $id, outcome: $o) { status } }`;
const TRIAGE = `mutation($id: ID!) { triageCase(id: $id) { status } }`;

/** Issue 4 (decision and statement of reasons): restrictive actions only on grounds (Đ3.2). */
describe('deciding a case', () => {
  let platform: Platform;
  let lead: string;
  const inAMonth = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  const assessment = {
    isFactualClaim: true,
    verifiedFalseBy: 'Ban Chỉ huy Phòng chống thiên tai huyện Lệ Thủy',
    isPublicInterestReporting: false,
    isGenuineGrievance: false,
    proportionality: 'Tin gây hoang mang trong mùa lũ; gỡ bài và đính chính là biện pháp tối thiểu',
    concludesNotProtected: true,
  };
  const reasons = 'Xác minh với Ban Chỉ huy PCTT: không có sự cố đập; thông tin sai sự thật gây hoang mang.';

  beforeAll(async () => {
    platform = await startPlatform();
    lead = await platform.env.token(SeededUsers.stttLead);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function openCase(reporter: string, input: Record<string, unknown>): Promise<string> {
    const result = await graphqlRequest<{ submitReport: { case: { id: string } } }>(platform.graphqlUrl, SUBMIT_REPORT, { input: { url: `https://example.vn/${Math.random()}`, ...input } }, reporter);
    return result.data!.submitReport.case.id;
  }
  const decide = (input: Record<string, unknown>) =>
    graphqlRequest<{ decideCase: { case: { status: string }; actions: { id: string; type: string; assigneeAgencyCode: string; status: string }[] } }>(platform.graphqlUrl, DECIDE, { i: input }, lead);

  it('decides a false rumour with a provision in force and an assessment: clarification and removal planned', async () => {
    const caseId = await openCase(await platform.env.token(SeededUsers.lethuyOfficer), { excerpt: FLOOD_RUMOUR, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
    const untriaged = await decide({ caseId, finding: 'FALSE', provisionCodes: ['ND15_2020_D101'], assessment, statementOfReasons: reasons, actions: [] });
    expect(untriaged.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    await graphqlRequest(platform.graphqlUrl, TRIAGE, { id: caseId }, lead);

    const removal = { type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth };
    const expired = await decide({ caseId, finding: 'FALSE', provisionCodes: ['LANM_2018_D8_1D'], assessment, statementOfReasons: reasons, actions: [removal] });
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'RESTRICTIVE_ACTION_NOT_GROUNDED', field: 'provisions' });
    const unknown = await decide({ caseId, finding: 'FALSE', provisionCodes: ['NO_SUCH_LAW'], assessment, statementOfReasons: reasons, actions: [removal] });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provisionCodes' });
    const noAssessment = await decide({ caseId, finding: 'FALSE', provisionCodes: ['ND15_2020_D101'], statementOfReasons: reasons, actions: [removal] });
    expect(noAssessment.errors?.[0]?.extensions).toMatchObject({ code: 'RESTRICTIVE_ACTION_NOT_GROUNDED', field: 'assessment' });

    const decided = await decide({
      caseId,
      finding: 'FALSE',
      provisionCodes: ['ND15_2020_D101', 'LANM_2025'],
      assessment,
      statementOfReasons: reasons,
      actions: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CONG_TTDT', dueDate: inAMonth }, removal],
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideCase.case.status).toBe('ACTING');
    expect(decided.data!.decideCase.actions.map((a) => `${a.type}:${a.assigneeAgencyCode}:${a.status}`)).toEqual(['PUBLISH_CLARIFICATION:CONG_TTDT:PLANNED', 'REQUEST_REMOVAL:STTTT:PLANNED']);
  });

  it('never gives a true citizen grievance a restrictive action; the locality resolves it', async () => {
    const caseId = await openCase(await platform.env.token(SeededUsers.donghoiOfficer), {
      excerpt: 'Người dân phường Bắc Lý phản ánh đường ống nước vỡ ba tuần chưa được sửa, nước sinh hoạt bị đục',
      categoryCode: 'GRIEVANCE',
      localityCode: 'DONG_HOI',
    });
    await graphqlRequest(platform.graphqlUrl, TRIAGE, { id: caseId }, lead);
    const grievanceReasons = 'Xác minh: đường ống vỡ là có thật; đây là phản ánh chính đáng cần giải quyết (Đ7.2).';
    for (const type of ['REQUEST_REMOVAL', 'PROPOSE_SANCTION', 'REFER_TO_POLICE', 'REFER_TO_PRESS_ASSOCIATION']) {
      const refused = await decide({ caseId, finding: 'GRIEVANCE', provisionCodes: ['QD3655_D7_2'], assessment, statementOfReasons: grievanceReasons, actions: [{ type, assigneeAgencyCode: 'STTTT', dueDate: inAMonth }] });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RESTRICTIVE_ACTION_NOT_GROUNDED', field: 'finding' });
    }
    // Calling it false does not help while the assessment records a real grievance.
    const relabelled = await decide({
      caseId,
      finding: 'FALSE',
      provisionCodes: ['QD3655_D7_2'],
      assessment: { ...assessment, isGenuineGrievance: true },
      statementOfReasons: grievanceReasons,
      actions: [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth }],
    });
    expect(relabelled.errors?.[0]?.extensions).toMatchObject({ code: 'RESTRICTIVE_ACTION_NOT_GROUNDED', field: 'assessment.isGenuineGrievance' });

    const resolved = await decide({
      caseId,
      finding: 'GRIEVANCE',
      provisionCodes: [],
      statementOfReasons: grievanceReasons,
      actions: [{ type: 'RESOLVE_GRIEVANCE', assigneeAgencyCode: 'UBND_DONG_HOI', dueDate: inAMonth, details: 'Sửa đường ống, báo cáo kết quả qua Sở TT&TT' }],
    });
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.decideCase).toMatchObject({ case: { status: 'ACTING' }, actions: [{ type: 'RESOLVE_GRIEVANCE', assigneeAgencyCode: 'UBND_DONG_HOI' }] });

    // The locality fixes the real problem and reports back (Đ7.2); then the case can close.
    const actionId = resolved.data!.decideCase.actions[0]!.id;
    const outcome = 'Đường ống đã được thay, nước sạch trở lại từ ngày 25; UBND thành phố đã báo cáo.';
    expect((await graphqlRequest(platform.graphqlUrl, CLOSE, { id: caseId, o: outcome }, lead)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    const outsider = await graphqlRequest(platform.graphqlUrl, UPDATE_ACTION, { i: { actionId, status: 'DONE', result: 'Đã xử lý xong mọi việc' } }, await platform.env.token(SeededUsers.sytOfficer));
    expect(outsider.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const donghoi = await platform.env.token(SeededUsers.donghoiOfficer);
    const noResult = await graphqlRequest(platform.graphqlUrl, UPDATE_ACTION, { i: { actionId, status: 'DONE' } }, donghoi);
    expect(noResult.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'result' });
    const done = await graphqlRequest<{ updateHandlingAction: { status: string } }>(platform.graphqlUrl, UPDATE_ACTION, { i: { actionId, status: 'DONE', result: 'Đã thay 40 m ống, nghiệm thu ngày 25', links: ['https://donghoi.example.vn/thong-bao/ong-nuoc'] } }, donghoi);
    expect(done.data!.updateHandlingAction.status).toBe('DONE');
    const closed = await graphqlRequest<{ closeCase: { status: string } }>(platform.graphqlUrl, CLOSE, { id: caseId, o: outcome }, lead);
    expect(closed.data!.closeCase.status).toBe('CLOSED');
  });
});
