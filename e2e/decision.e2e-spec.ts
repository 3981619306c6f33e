import { FLOOD_RUMOUR, SeededUsers, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';
import { SUBMIT_REPORT } from './support/queries';

const DECIDE = `mutation($i: DecideCaseInput!) { decideCase(input: $i) { decisionId case { status } actions { id type assigneeAgencyCode status } } }`;
const UPDATE_ACTION = `mutation($i: UpdateHandlingActionInput!) { updateHandlingAction(input: $i) { status } }`;
const CLOSE = `mutation($id: ID!, $o: String!) { closeCase(id: $id, outcome: $o) { status } }`;
const TRIAGE = `mutation($id: ID!) { triageCase(id: $id) { status } }`;

/** A decision with its statement of reasons: restrictive actions only on grounds (Đ3.2). */
describe('deciding a case', () => {
  let platform: Platform;
  let lead: string;
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

  beforeAll(async () => {
    platform = await startPlatform();
    lead = await platform.env.token(SeededUsers.stttLead);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function openCase(reporter: string, input: Record<string, unknown>): Promise<string> {
    const result = await graphqlRequest<{ submitReport: { case: { id: string } } }>(
      platform.graphqlUrl,
      SUBMIT_REPORT,
      { input: { url: `https://example.vn/${Math.random()}`, ...input } },
      reporter,
    );
    return result.data!.submitReport.case.id;
  }
  const decide = (input: Record<string, unknown>) =>
    graphqlRequest<{ decideCase: { case: { status: string }; actions: { id: string; type: string; assigneeAgencyCode: string; status: string }[] } }>(
      platform.graphqlUrl,
      DECIDE,
      { i: input },
      lead,
    );

  it('decides a false rumour with a provision in force and an assessment: clarification and removal planned', async () => {
    const caseId = await openCase(await platform.env.token(SeededUsers.lethuyOfficer), {
      excerpt: FLOOD_RUMOUR,
      categoryCode: 'FALSE_INFO_PANIC',
      localityCode: 'LE_THUY',
    });
    const untriaged = await decide({ caseId, finding: 'FALSE', provisionCodes: ['ND15_2020_D101'], assessment, statementOfReasons: reasons, actions: [] });
    expect(untriaged.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    await graphqlRequest(platform.graphqlUrl, TRIAGE, { id: caseId }, lead);

    const removal = { type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth };
    const expired = await decide({
      caseId,
      finding: 'FALSE',
      provisionCodes: ['LANM_2018_D8_1D'],
      assessment,
      statementOfReasons: reasons,
      actions: [removal],
    });
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
    expect(decided.data!.decideCase.actions.map((a) => `${a.type}:${a.assigneeAgencyCode}:${a.status}`)).toEqual([
      'PUBLISH_CLARIFICATION:CONG_TTDT:PLANNED',
      'REQUEST_REMOVAL:STTTT:PLANNED',
    ]);
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
      const refused = await decide({
        caseId,
        finding: 'GRIEVANCE',
        provisionCodes: ['QD3655_D7_2'],
        assessment,
        statementOfReasons: grievanceReasons,
        actions: [{ type, assigneeAgencyCode: 'STTTT', dueDate: inAMonth }],
      });
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
    expect(resolved.data!.decideCase).toMatchObject({
      case: { status: 'ACTING' },
      actions: [{ type: 'RESOLVE_GRIEVANCE', assigneeAgencyCode: 'UBND_DONG_HOI' }],
    });

    // The locality fixes the real problem and reports back (Đ7.2); then the case can close.
    const actionId = resolved.data!.decideCase.actions[0]!.id;
    const outcome = 'Đường ống đã được thay, nước sạch trở lại từ ngày 25; UBND thành phố đã báo cáo.';
    expect((await graphqlRequest(platform.graphqlUrl, CLOSE, { id: caseId, o: outcome }, lead)).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_STATE',
    });
    const outsider = await graphqlRequest(
      platform.graphqlUrl,
      UPDATE_ACTION,
      { i: { actionId, status: 'DONE', result: 'Đã xử lý xong mọi việc' } },
      await platform.env.token(SeededUsers.sytOfficer),
    );
    expect(outsider.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const donghoi = await platform.env.token(SeededUsers.donghoiOfficer);
    const noResult = await graphqlRequest(platform.graphqlUrl, UPDATE_ACTION, { i: { actionId, status: 'DONE' } }, donghoi);
    expect(noResult.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'result' });
    const done = await graphqlRequest<{ updateHandlingAction: { status: string } }>(
      platform.graphqlUrl,
      UPDATE_ACTION,
      { i: { actionId, status: 'DONE', result: 'Đã thay 40 m ống, nghiệm thu ngày 25', links: ['https://donghoi.example.vn/thong-bao/ong-nuoc'] } },
      donghoi,
    );
    expect(done.data!.updateHandlingAction.status).toBe('DONE');
    const closed = await graphqlRequest<{ closeCase: { status: string } }>(platform.graphqlUrl, CLOSE, { id: caseId, o: outcome }, lead);
    expect(closed.data!.closeCase.status).toBe('CLOSED');
    // The case keeps its way there and the outcome it was closed with.
    const history = await graphqlRequest<{
      case: { outcome: string; statusHistory: { from: string | null; to: string; reason: string | null; byAgency: string }[] };
    }>(platform.graphqlUrl, `query($id: ID!) { case(id: $id) { outcome statusHistory { from to reason byAgency } } }`, { id: caseId }, lead);
    expect(history.data!.case.outcome).toBe(outcome);
    expect(history.data!.case.statusHistory.map((c) => `${c.from}→${c.to}@${c.byAgency}`)).toEqual([
      'null→OPEN@UBND_DONG_HOI',
      'OPEN→TRIAGED@STTTT',
      'TRIAGED→DECIDED@STTTT',
      'DECIDED→ACTING@STTTT',
      'ACTING→CLOSED@STTTT',
    ]);
    expect(history.data!.case.statusHistory.at(-1)!.reason).toBe(outcome);
  });

  const REMOVAL = `mutation($i: UpdateRemovalRequestInput!) { updateRemovalRequest(input: $i) { status } }`;
  const ACTIONS = `query($id: ID!) { case(id: $id) { decisions { finding provisions { code citation } statementOfReasons assessment { concludesNotProtected } }
    actions { id type status details result links withheld removal { platform url legalBasis requestReference sentAt acknowledgedAt effectedAt outcome } } } }`;
  interface CaseActions {
    decisions: { finding: string; provisions: { code: string; citation: string }[]; statementOfReasons: string }[];
    actions: {
      id: string;
      type: string;
      status: string;
      details: string | null;
      result: string | null;
      links: string[];
      withheld: boolean;
      removal: Record<string, unknown> | null;
    }[];
  }
  const caseActions = async (caseId: string, token = lead) =>
    (await graphqlRequest<{ case: CaseActions }>(platform.graphqlUrl, ACTIONS, { id: caseId }, token)).data!.case;

  it('records a removal request from the request to the platform’s answer, on the decision’s own grounds', async () => {
    const url = `https://www.facebook.com/groups/lethuy/posts/${Date.now()}`;
    const excerpt =
      'Nóng: nhà máy nước Lệ Thủy bị nhiễm hóa chất độc, tuyệt đối không dùng nước máy ba ngày tới, chính quyền đang giấu, chia sẻ gấp cho mọi người cùng biết.';
    const caseId = await openCase(await platform.env.token(SeededUsers.lethuyOfficer), {
      url,
      excerpt,
      categoryCode: 'FALSE_INFO_PANIC',
      localityCode: 'LE_THUY',
    });
    await graphqlRequest(platform.graphqlUrl, TRIAGE, { id: caseId }, lead);
    const base = { caseId, finding: 'FALSE', provisionCodes: ['ND15_2020_D101'], assessment, statementOfReasons: reasons };
    const removal = { type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth };
    // The request's legal basis must be one the decision relies on; only a removal request names a target.
    const foreignBasis = await decide({ ...base, actions: [{ ...removal, removal: { legalBasis: ['LANM_2025'] } }] });
    expect(foreignBasis.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actions.0.removal.legalBasis' });
    const misplaced = await decide({
      ...base,
      actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: inAMonth, removal: { platform: 'FACEBOOK' } }],
    });
    expect(misplaced.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actions.0.removal' });
    expect(await caseActions(caseId)).toEqual({ decisions: [], actions: [] });

    const decided = await decide({ ...base, actions: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CONG_TTDT', dueDate: inAMonth }, removal] });
    expect(decided.errors).toBeUndefined();
    const view = await caseActions(caseId);
    expect(view.decisions).toEqual([
      expect.objectContaining({ finding: 'FALSE', provisions: [expect.objectContaining({ code: 'ND15_2020_D101' })], statementOfReasons: reasons }),
    ]);
    const request = view.actions.find((a) => a.type === 'REQUEST_REMOVAL')!;
    const clarification = view.actions.find((a) => a.type === 'PUBLISH_CLARIFICATION')!;
    expect(request.removal).toEqual({
      platform: 'FACEBOOK',
      // The report's canonical link (as canonicalised: no www., no tracking parameters).
      url: url.replace('://www.', '://'),
      legalBasis: [view.decisions[0]!.provisions[0]!.citation],
      requestReference: null,
      sentAt: null,
      acknowledgedAt: null,
      effectedAt: null,
      outcome: null,
    });
    expect(clarification.removal).toBeNull();

    const record = (input: Record<string, unknown>, token = lead) =>
      graphqlRequest<{ updateRemovalRequest: { status: string } }>(platform.graphqlUrl, REMOVAL, { i: { actionId: request.id, ...input } }, token);
    const refusals: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [{ actionId: clarification.id, requestReference: 'CV-1' }, lead, { code: 'BAD_USER_INPUT', field: 'actionId' }],
      [{ requestReference: 'CV-1' }, await platform.env.token(SeededUsers.sytOfficer), { code: 'NOT_FOUND' }],
      [{ outcome: 'REMOVED' }, lead, { code: 'BAD_USER_INPUT', field: 'outcome' }],
      [{ outcome: 'DELETED_BY_MAGIC' }, lead, { code: 'BAD_USER_INPUT' }],
      [{ sentAt: new Date(Date.now() + 86400_000).toISOString() }, lead, { code: 'BAD_USER_INPUT', field: 'sentAt' }],
      [{ sentAt: '2020-01-01T00:00:00Z' }, lead, { code: 'BAD_USER_INPUT', field: 'sentAt' }],
      [{ sentAt: 'hôm qua' }, lead, { code: 'BAD_USER_INPUT', field: 'sentAt' }],
      [{}, lead, { code: 'BAD_USER_INPUT', field: 'actionId' }],
    ];
    for (const [input, token, expected] of refusals) {
      expect((await record(input, token)).errors?.[0]?.extensions).toMatchObject(expected);
    }
    expect((await caseActions(caseId)).actions).toEqual(view.actions);

    const sentAt = new Date().toISOString();
    expect((await record({ requestReference: '123/STTTT-TTĐT', sentAt })).data!.updateRemovalRequest.status).toBe('IN_PROGRESS');
    // Done needs the platform's answer first.
    const early = await graphqlRequest(
      platform.graphqlUrl,
      UPDATE_ACTION,
      { i: { actionId: request.id, status: 'DONE', result: 'Đã gửi yêu cầu gỡ bài tới Facebook' } },
      lead,
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    expect((await record({ outcome: 'REMOVED' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectedAt' });
    const answeredAt = new Date().toISOString();
    expect((await record({ acknowledgedAt: answeredAt, effectedAt: answeredAt, outcome: 'REMOVED' })).errors).toBeUndefined();
    const done = await graphqlRequest(
      platform.graphqlUrl,
      UPDATE_ACTION,
      { i: { actionId: request.id, status: 'DONE', result: 'Facebook đã gỡ bài gốc', links: [url] } },
      lead,
    );
    expect(done.errors).toBeUndefined();
    expect((await record({ requestReference: 'sửa sau khi xong' })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    expect((await caseActions(caseId)).actions.find((a) => a.id === request.id)).toMatchObject({
      status: 'DONE',
      result: 'Facebook đã gỡ bài gốc',
      removal: { requestReference: '123/STTTT-TTĐT', sentAt, acknowledgedAt: answeredAt, effectedAt: answeredAt, outcome: 'REMOVED' },
    });
  });

  it('withholds police referral details from agencies without a named role, and audits each read of them', async () => {
    const excerpt =
      'Tin khẩn: hồ Rào Đá sẽ xả toàn bộ nước trong đêm nay, các thôn ven sông Kiến Giang sẽ ngập sâu ba mét, ai không đi sẽ bị cưỡng chế, hãy chia sẻ ngay.';
    const caseId = await openCase(await platform.env.token(SeededUsers.lethuyOfficer), { excerpt, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
    await graphqlRequest(platform.graphqlUrl, TRIAGE, { id: caseId }, lead);
    const details = 'Chuyển hồ sơ tài khoản đăng tin để Công an tỉnh xác minh theo thẩm quyền';
    const decided = await decide({
      caseId,
      finding: 'FALSE',
      provisionCodes: ['ND15_2020_D101'],
      assessment,
      statementOfReasons: reasons,
      actions: [{ type: 'REFER_TO_POLICE', assigneeAgencyCode: 'CA', dueDate: inAMonth, details }],
    });
    expect(decided.errors).toBeUndefined();
    const auditor = await platform.env.token(SeededUsers.auditor);
    const readsOf = async () =>
      (
        await graphqlRequest<{ auditTrail: { edges: { node: { action: string; actorAgency: string | null } }[] } }>(
          platform.graphqlUrl,
          `query($t: String!) { auditTrail(targetId: $t, first: 200) { edges { node { action actorAgency } } } }`,
          { t: caseId },
          auditor,
        )
      )
        .data!.auditTrail.edges.map((e) => e.node)
        .filter((e) => e.action === 'restricted.read');

    // The reporting committee sees that a referral exists, not what it holds; its look is not a restricted read.
    const reporterView = await caseActions(caseId, await platform.env.token(SeededUsers.lethuyOfficer));
    expect(reporterView.actions).toEqual([expect.objectContaining({ type: 'REFER_TO_POLICE', details: null, withheld: true })]);
    expect(await readsOf()).toEqual([]);
    // The police investigator and the coordinator read it, and each read is on the record.
    const policeView = await caseActions(caseId, await platform.env.token(SeededUsers.caOfficer));
    expect(policeView.actions).toEqual([expect.objectContaining({ details, withheld: false })]);
    expect((await caseActions(caseId)).actions[0]).toMatchObject({ details, withheld: false });
    expect((await readsOf()).map((e) => e.actorAgency).sort()).toEqual(['CA', 'STTTT']);
  });
});
