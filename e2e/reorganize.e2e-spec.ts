import { SeededUsers, eventually, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';
import { SUBMIT_REPORT } from './support/queries';

const REORGANIZE = `mutation($i: ReorganizeAgenciesInput!) { reorganizeAgencies(input: $i) { retired { code validTo successorCode } successor { code name } } }`;
const CASE_WITH_HISTORY = `query($id: ID!) { case(id: $id) { participants { agency { code } role basis } participantHistory { agency { code } endedAt replacedBy } } }`;

type CaseView = { case: { participants: { agency: { code: string }; role: string; basis: string }[]; participantHistory: { agency: { code: string }; endedAt: string | null; replacedBy: string | null }[] } };

/** After agencies merge, open cases show the successor and new cases route to it. */
describe('reorganising agencies', () => {
  let platform: Platform;
  let admin: string;
  let lead: string;
  let reporter: string;

  beforeAll(async () => {
    platform = await startPlatform();
    admin = await platform.env.token({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });
    lead = await platform.env.token(SeededUsers.stttLead);
    reporter = await platform.env.token(SeededUsers.lethuyOfficer);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const submit = (excerpt: string) =>
    graphqlRequest<{ submitReport: { case: { id: string; participants: { agency: { code: string } }[] } } }>(platform.graphqlUrl, SUBMIT_REPORT, {
      input: { url: `https://example.vn/${Math.random()}`, excerpt, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY', sectorCode: 'AGRICULTURE' },
    }, reporter);

  it('explains routing for a hypothetical case: every rule, matched or not, with its article', async () => {
    const result = await graphqlRequest<{ explainRouting: { participants: { agency: { code: string }; role: string; basis: string }[]; rules: { ruleId: string; matched: boolean; reason: string }[] } }>(
      platform.graphqlUrl,
      `query($i: RoutingQuestionInput!) { explainRouting(input: $i) { participants { agency { code } role basis } rules { ruleId article matched reason agencyCode } } }`,
      { i: { categoryCode: 'DEFAMATION', localityCode: 'DONG_HOI', text: 'Một phóng viên bị vu khống nhận hối lộ' } },
      lead,
    );
    expect(result.errors).toBeUndefined();
    const codes = result.data!.explainRouting.participants.map((p) => p.agency.code);
    expect(codes).toEqual(expect.arrayContaining(['STTTT', 'HNB', 'BNC', 'UBND_DONG_HOI']));
    expect(codes).not.toContain('CA');
    expect(result.data!.explainRouting.rules.find((r) => r.ruleId === 'D6_2_POLICE')).toMatchObject({ matched: false, reason: expect.stringContaining('none of the tags') });
    const unknown = await graphqlRequest(platform.graphqlUrl, `query { explainRouting(input: { categoryCode: "NOPE" }) { rules { ruleId } } }`, {}, lead);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'categoryCode' });
  });

  it('keeps focal-point officers with a deputy (Đ4.3), refusing bad contacts and other roles', async () => {
    const SET = `mutation($i: FocalPointInput!) { setFocalPoint(input: $i) { id agencyCode displayName workEmail deputyId active } }`;
    const deputy = await graphqlRequest<{ setFocalPoint: { id: string } }>(platform.graphqlUrl, SET, { i: { agencyCode: 'CA', displayName: 'Trần Văn Phó', title: 'Phó phòng An ninh mạng', workEmail: 'pho.pa05@congan.example.vn' } }, lead);
    expect(deputy.errors).toBeUndefined();
    const main = await graphqlRequest<{ setFocalPoint: { id: string; deputyId: string; workEmail: string } }>(platform.graphqlUrl, SET, {
      i: { agencyCode: 'CA', displayName: 'Nguyễn Văn Chính', title: 'Trưởng phòng An ninh mạng', workPhone: '+84 232 382 0000', workEmail: 'Chinh.PA05@congan.example.vn', deputyId: deputy.data!.setFocalPoint.id },
    }, admin);
    expect(main.data!.setFocalPoint).toMatchObject({ deputyId: deputy.data!.setFocalPoint.id, workEmail: 'chinh.pa05@congan.example.vn' });
    const listed = await graphqlRequest<{ focalPoints: { displayName: string }[] }>(platform.graphqlUrl, `query { focalPoints(agencyCode: "CA") { displayName } }`, {}, reporter);
    expect(listed.data!.focalPoints.map((f) => f.displayName)).toEqual(['Nguyễn Văn Chính', 'Trần Văn Phó']);

    const badEmail = await graphqlRequest(platform.graphqlUrl, SET, { i: { agencyCode: 'CA', displayName: 'X Y', title: 'Cán bộ', workEmail: 'not-an-email' } }, admin);
    expect(badEmail.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workEmail' });
    const foreignDeputy = await graphqlRequest(platform.graphqlUrl, SET, { i: { agencyCode: 'SYT', displayName: 'X Y', title: 'Cán bộ', deputyId: deputy.data!.setFocalPoint.id } }, admin);
    expect(foreignDeputy.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deputyId' });
    const officer = await graphqlRequest(platform.graphqlUrl, SET, { i: { agencyCode: 'CA', displayName: 'X Y', title: 'Cán bộ' } }, reporter);
    expect(officer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses a bad reorganisation and changes nothing', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const result = await graphqlRequest(platform.graphqlUrl, REORGANIZE, { i: { effectiveDate: today, retire: ['SNNPTNT', 'SNNPTNT'], successorCode: 'STNMT', reason: 'thử' } }, admin);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'retire' });
    const officer = await graphqlRequest(platform.graphqlUrl, REORGANIZE, { i: { effectiveDate: today, retire: ['SNNPTNT'], successorCode: 'STNMT', reason: 'thử' } }, lead);
    expect(officer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const agencies = await graphqlRequest<{ agencies: { code: string; validTo: string | null }[] }>(platform.graphqlUrl, '{ agencies { code validTo } }', {}, lead);
    expect(agencies.data!.agencies.find((a) => a.code === 'SNNPTNT')!.validTo).toBeNull();
  });

  it('moves open cases to the successor, keeps the history, and routes new cases to it', async () => {
    const before = await submit('Tin đồn: vỡ đê bao ở Lệ Thủy, lúa mất trắng, người dân cần sơ tán ngay');
    expect(before.data!.submitReport.case.participants.map((p) => p.agency.code)).toContain('SNNPTNT');
    const caseId = before.data!.submitReport.case.id;

    const today = new Date().toISOString().slice(0, 10);
    const merged = await graphqlRequest<{ reorganizeAgencies: { retired: { code: string; validTo: string; successorCode: string }[]; successor: { code: string } } }>(
      platform.graphqlUrl,
      REORGANIZE,
      { i: { effectiveDate: today, retire: ['SNNPTNT', 'STNMT'], successorCode: 'SNNMT', newSuccessor: { name: 'Sở Nông nghiệp và Môi trường', kind: 'DEPARTMENT', parentCode: 'UBND_TINH' }, reason: 'Hợp nhất sở theo quyết định năm 2025' } },
      admin,
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.reorganizeAgencies.retired.map((a) => a.successorCode)).toEqual(['SNNMT', 'SNNMT']);

    const view = await eventually(async () => {
      const result = await graphqlRequest<CaseView>(platform.graphqlUrl, CASE_WITH_HISTORY, { id: caseId }, lead);
      return result.data?.case.participants.some((p) => p.agency.code === 'SNNMT') ? result.data.case : undefined;
    });
    expect(view.participants.map((p) => p.agency.code)).not.toContain('SNNPTNT');
    expect(view.participants.find((p) => p.agency.code === 'SNNMT')).toMatchObject({ role: 'PARTICIPANT', basis: 'Đ6.7; Đ7.2 (kế nhiệm SNNPTNT)' });
    expect(view.participantHistory.find((p) => p.agency.code === 'SNNPTNT')).toMatchObject({ endedAt: expect.any(String), replacedBy: 'SNNMT' });

    const after = await submit('Tin đồn khác: thuốc trừ sâu giả bán tràn lan ở các xã phía nam huyện Lệ Thủy');
    const codes = after.data!.submitReport.case.participants.map((p) => p.agency.code);
    expect(codes).toContain('SNNMT');
    expect(codes).not.toContain('SNNPTNT');
  });
});
