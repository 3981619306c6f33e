import { Client } from 'pg';
import { SeededUsers, eventually, graphqlRequest, type TestUser } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

const ADMIN: TestUser = { username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] };
const EDIT = `mutation($i: EditReferenceInput!) { editReference(input: $i) { id kind code validFrom recordJson } }`;
const HISTORY = `query($k: ReferenceKind!, $c: String!) { referenceHistory(kind: $k, code: $c) { id validFrom recordJson reason actorAgency } }`;
const EXPLAIN = `query($i: RoutingQuestionInput!) { explainRouting(input: $i) { referenceVersion asOf participants { agency { code } role basis } rules { ruleId matched } } }`;
const SUBMIT = `mutation($i: SubmitReportInput!) { submitReport(input: $i) { case { openedAt severity referenceVersion deadlines { kind deadline } } } }`;

/** Reference data and rules edited by administrators as versions in force from a day. */
describe('editing reference data and rules', () => {
  let platform: Platform;
  let admin: string;
  let lead: string;
  let sql: Client;
  const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const epidemicRule = {
    article: 'Đ6.7',
    description: 'Sở Y tế phối hợp khi tin sai sự thật gây hoang mang liên quan dịch bệnh (thử nghiệm)',
    when: { categoriesAny: ['FALSE_INFO_PANIC'] },
    target: { agency: 'SYT' },
    role: 'PARTICIPANT',
  };

  beforeAll(async () => {
    platform = await startPlatform();
    admin = await platform.env.token(ADMIN);
    lead = await platform.env.token(SeededUsers.stttLead);
    sql = new Client({ connectionString: platform.env.databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await platform?.stop();
  });

  const gql = <T>(query: string, variables: Record<string, unknown>, token = admin) => graphqlRequest<T>(platform.graphqlUrl, query, variables, token);
  const edit = (input: Record<string, unknown>, token = admin) => gql<{ editReference: { id: number; validFrom: string; recordJson: string } }>(EDIT, { i: input }, token);
  const explain = async (asOf?: string) => {
    const answer = (await gql<{ explainRouting: { referenceVersion: number; asOf: string; participants: { agency: { code: string }; role: string; basis: string }[] } }>(EXPLAIN, { i: { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY', ...(asOf ? { asOf } : {}) } })).data!.explainRouting;
    return { ...answer, participants: answer.participants.map((p) => ({ agencyCode: p.agency.code, role: p.role, basis: p.basis })) };
  };
  const revisions = async () => (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${platform.env.schema('directory')}".reference_revision`)).rows[0]!.n;

  it('routes with a rule from the day it takes effect, and keeps its history', async () => {
    expect((await explain()).participants.map((p) => p.agencyCode)).not.toContain('SYT');
    const added = await edit({ kind: 'RULE', code: 'D6_7_HEALTH_EPIDEMIC', validFrom: day(1), recordJson: JSON.stringify(epidemicRule), reason: 'Mùa dịch: Sở Y tế tham gia xác minh' });
    expect(added.errors?.[0]?.message).toBeUndefined();
    expect(added.data!.editReference.validFrom).toBe(day(1));

    // Today nothing changes; from tomorrow the health department is on such cases, with its article.
    const today = await explain();
    expect(today.participants.map((p) => p.agencyCode)).not.toContain('SYT');
    const tomorrow = await explain(day(1));
    expect(tomorrow.participants).toContainEqual({ agencyCode: 'SYT', role: 'PARTICIPANT', basis: 'Đ6.7' });
    expect(tomorrow.referenceVersion).toBe(added.data!.editReference.id);
    expect(today.referenceVersion).toBeLessThan(tomorrow.referenceVersion);

    // Retired the day after: gone again from then on.
    expect((await edit({ kind: 'RULE', code: 'D6_7_HEALTH_EPIDEMIC', validFrom: day(2), retire: true, reason: 'Hết mùa dịch' })).errors).toBeUndefined();
    expect((await explain(day(2))).participants.map((p) => p.agencyCode)).not.toContain('SYT');
    expect((await explain(day(1))).participants.map((p) => p.agencyCode)).toContain('SYT');
    const history = (await gql<{ referenceHistory: { validFrom: string; recordJson: string | null; actorAgency: string }[] }>(HISTORY, { k: 'RULE', c: 'D6_7_HEALTH_EPIDEMIC' })).data!.referenceHistory;
    expect(history.map((h) => [h.validFrom, h.recordJson ? JSON.parse(h.recordJson).target.agency : null, h.actorAgency])).toEqual([
      [day(1), 'SYT', 'STTTT'],
      [day(2), null, 'STTTT'],
    ]);
  });

  it('gives cases opened after an SLA edit the new SLA; older cases keep theirs', async () => {
    const report = async (excerpt: string) =>
      (await gql<{ submitReport: { case: { openedAt: string; severity: string; referenceVersion: number; deadlines: { kind: string; deadline: string }[] } } }>(
        SUBMIT,
        { i: { url: `https://example.vn/sla/${Math.random()}`, excerpt, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'DONG_HOI' } },
        await platform.env.token(SeededUsers.donghoiOfficer),
      )).data!.submitReport.case;
    const hoursToTriage = (c: Awaited<ReturnType<typeof report>>) => (Date.parse(c.deadlines.find((d) => d.kind === 'TRIAGE')!.deadline) - Date.parse(c.openedAt)) / 3_600_000;
    const before = await report('Tin đồn: chợ Đồng Hới sẽ đóng cửa một tháng vì dịch tả lợn, người dân đổ xô đi mua thịt tích trữ.');
    expect(before.severity).toBe('HIGH');
    const edited = await edit({ kind: 'SLA', code: 'HIGH', recordJson: JSON.stringify({ triageHours: 3, decisionHours: 30 }), reason: 'Rút ngắn thời hạn phân loại' });
    expect(edited.errors?.[0]?.message).toBeUndefined();
    const after = await report('Tin đồn: cầu Nhật Lệ 2 bị nứt và sắp sập, cấm toàn bộ xe qua lại từ tối nay, đề nghị mọi người đi đường vòng.');
    expect(hoursToTriage(after)).toBeCloseTo(3, 3);
    expect(hoursToTriage(before)).not.toBeCloseTo(3, 3);
    // Each case names the version of the reference data it was routed with.
    expect(after.referenceVersion).toBe(edited.data!.editReference.id);
    expect(before.referenceVersion).toBeLessThan(after.referenceVersion);
    // The same severity cannot get a second version on the same day.
    expect((await edit({ kind: 'SLA', code: 'HIGH', recordJson: JSON.stringify({ triageHours: 2, decisionHours: 20 }), reason: 'Lần nữa' })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'validFrom' });
  });

  it('edits an agency’s work contacts at once, and refuses contacts that are not', async () => {
    const agency = (await sql.query(`SELECT code, name, kind, parent_code AS "parentCode", locality_code AS "localityCode", valid_from::text AS "validFrom", valid_to::text AS "validTo", successor_code AS "successorCode", contacts FROM "${platform.env.schema('directory')}".agency WHERE code = 'UBND_LE_THUY'`)).rows[0] as Record<string, unknown>;
    const contacts = { email: 'ubnd@lethuy.quangbinh.gov.vn', phone: '0232 3882 000' };
    const wrong = await edit({ kind: 'AGENCY', code: 'UBND_LE_THUY', recordJson: JSON.stringify({ ...agency, contacts: { email: 'không phải thư', pager: '1' } }), reason: 'liên hệ' });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'record' });
    expect(wrong.errors?.[0]?.message).toMatch(/contacts\.(email|pager)/);
    // A case that names the committee: the gateway has its agencies cached now.
    const reported = await gql<{ submitReport: { case: { id: string } } }>(
      `mutation($i: SubmitReportInput!) { submitReport(input: $i) { case { id } } }`,
      { i: { url: `https://example.vn/contacts/${Math.random()}`, excerpt: 'Tin đồn: trường học ở Kiến Giang cho học sinh nghỉ cả tháng vì nước nhiễm độc, phụ huynh hoang mang.', categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' } },
      await platform.env.token(SeededUsers.lethuyOfficer),
    );
    const committeeContacts = async () =>
      (await gql<{ case: { participants: { agency: { code: string; contacts: { email: string | null } | null } }[] } }>(`query($id: ID!) { case(id: $id) { participants { agency { code contacts { email } } } } }`, { id: reported.data!.submitReport.case.id }, lead)).data!.case.participants.find(
        (p) => p.agency.code === 'UBND_LE_THUY',
      )!.agency.contacts;
    expect((await committeeContacts())?.email ?? null).toBeNull();
    const edited = await edit({ kind: 'AGENCY', code: 'UBND_LE_THUY', recordJson: JSON.stringify({ ...agency, contacts }), reason: 'Cập nhật liên hệ' });
    expect(edited.errors?.[0]?.message).toBeUndefined();
    const listed = await gql<{ agencies: { code: string; contacts: { email: string | null; phone: string | null } | null }[] }>(`{ agencies { code contacts { email phone } } }`, {}, await platform.env.token(SeededUsers.caOfficer));
    expect(listed.data!.agencies.find((a) => a.code === 'UBND_LE_THUY')!.contacts).toEqual(contacts);
    // The gateway dropped its cached agencies on the directory's event, well before they would expire.
    await eventually(async () => ((await committeeContacts())?.email === contacts.email ? true : undefined), 5_000);
  });

  it('refuses inconsistent edits and changes nothing', async () => {
    const count = await revisions();
    const { rows: offices } = await sql.query(`SELECT code, name, kind, parent_code AS "parentCode", locality_code AS "localityCode", valid_from::text AS "validFrom", valid_to::text AS "validTo", successor_code AS "successorCode" FROM "${platform.env.schema('directory')}".agency WHERE code = 'VP_UBND'`);
    const office = offices[0] as Record<string, unknown>;
    expect(office['parentCode']).toBe('UBND_TINH');
    const agencies = (await sql.query(`SELECT code, valid_to, successor_code, parent_code FROM "${platform.env.schema('directory')}".agency ORDER BY code`)).rows;
    const refused: [Record<string, unknown>, Record<string, unknown>][] = [
      // A rule naming an agency that does not exist.
      [{ kind: 'RULE', code: 'D6_X', recordJson: JSON.stringify({ ...epidemicRule, target: { agency: 'GHOST' } }), reason: 'thêm' }, { code: 'BAD_USER_INPUT', field: 'record' }],
      // A successor chain that comes back to itself.
      [{ kind: 'AGENCY', code: 'BTG', recordJson: JSON.stringify({ name: 'Ban Tuyên giáo', kind: 'PARTY_COMMITTEE', parentCode: null, localityCode: null, validFrom: null, validTo: '2030-01-01', successorCode: 'BTG' }), reason: 'vòng' }, { code: 'BAD_USER_INPUT' }],
      // A parent chain that comes back to itself (the portal is under the office, which would be under the portal).
      [{ kind: 'AGENCY', code: 'VP_UBND', recordJson: JSON.stringify({ ...office, parentCode: 'CONG_TTDT' }), reason: 'vòng' }, { code: 'BAD_USER_INPUT' }],
      // Validity that ends before it starts.
      [{ kind: 'AGENCY', code: 'NEW_AGENCY', recordJson: JSON.stringify({ name: 'Cơ quan mới', kind: 'OFFICE', parentCode: null, localityCode: null, validFrom: '2031-01-01', validTo: '2030-01-01', successorCode: null }), reason: 'ngày sai' }, { code: 'BAD_USER_INPUT' }],
      // A locality whose committee does not exist.
      [{ kind: 'LOCALITY', code: 'LE_THUY', recordJson: JSON.stringify({ name: 'Lệ Thủy', kind: 'DISTRICT', committeeAgencyCode: 'GHOST' }), reason: 'sai' }, { code: 'BAD_USER_INPUT', field: 'record' }],
      // A category with an unknown severity.
      [{ kind: 'CATEGORY', code: 'OTHER', recordJson: JSON.stringify({ name: 'Khác', defaultSeverity: 'APOCALYPTIC', tags: [], legalBases: [] }), reason: 'sai' }, { code: 'BAD_USER_INPUT', field: 'record' }],
      // Retiring what does not exist, editing the past, an SLA without hours, a non-admin.
      [{ kind: 'RULE', code: 'NO_SUCH_RULE', retire: true, reason: 'xóa' }, { code: 'NOT_FOUND', field: 'code' }],
      [{ kind: 'SECTOR', code: 'HEALTH', validFrom: '2024-01-01', recordJson: JSON.stringify({ name: 'Y tế', departmentAgencyCode: 'SYT' }), reason: 'hồi tố' }, { code: 'BAD_USER_INPUT', field: 'validFrom' }],
      [{ kind: 'SLA', code: 'LOW', recordJson: JSON.stringify({ triageHours: -1, decisionHours: 5 }), reason: 'giờ âm' }, { code: 'BAD_USER_INPUT', field: 'record.triageHours' }],
    ];
    for (const [input, expected] of refused) {
      const result = await edit(input);
      expect({ input, extensions: result.errors?.[0]?.extensions }).toEqual({ input, extensions: expect.objectContaining(expected) });
    }
    expect((await edit({ kind: 'RULE', code: 'D6_X', recordJson: JSON.stringify(epidemicRule), reason: 'thêm' }, await platform.env.token(SeededUsers.stttLead))).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await revisions()).toBe(count);
    expect((await sql.query(`SELECT code, valid_to, successor_code, parent_code FROM "${platform.env.schema('directory')}".agency ORDER BY code`)).rows).toEqual(agencies);
  });
});
