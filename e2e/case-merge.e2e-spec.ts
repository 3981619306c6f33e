import { FLOOD_RUMOUR, FLOOD_RUMOUR_PARTIAL, SeededUsers, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

const FIELDS = `id number status reportCount possibleDuplicates { caseId } participants { agency { code } } deadlines { kind closedAt }`;
const SUBMIT = `mutation($i: SubmitReportInput!) { submitReport(input: $i) { case { ${FIELDS} } } }`;
const MERGE = `mutation($c: ID!, $into: ID!, $r: String!) { mergeCases(caseId: $c, intoCaseId: $into, reason: $r) { ${FIELDS} } }`;
const REJECT = `mutation($c: ID!, $d: ID!) { rejectDuplicate(caseId: $c, duplicateCaseId: $d) { ${FIELDS} } }`;
const CASE = `query($id: ID!) { case(id: $id) { ${FIELDS} } }`;

interface CaseView {
  id: string;
  number: string;
  status: string;
  reportCount: number;
  possibleDuplicates: { caseId: string }[];
  participants: { agency: { code: string } }[];
  deadlines: { kind: string; closedAt: string | null }[];
}

/** Possible duplicates accepted (merge) or rejected. */
describe('merging cases and rejecting duplicate suggestions', () => {
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
  const report = async (excerpt: string, localityCode: string, reporter: string) =>
    (await gql<{ submitReport: { case: CaseView } }>(SUBMIT, { i: { url: `https://example.vn/merge/${Math.random()}`, excerpt, categoryCode: 'FALSE_INFO_PANIC', localityCode } }, reporter)).data!.submitReport.case;

  it('merges a suggested duplicate: reports and agencies move, the merged case keeps its history', async () => {
    const original = await report(FLOOD_RUMOUR, 'LE_THUY', await platform.env.token(SeededUsers.lethuyOfficer));
    const partial = await report(FLOOD_RUMOUR_PARTIAL, 'DONG_HOI', await platform.env.token(SeededUsers.donghoiOfficer));
    expect(partial.id).not.toBe(original.id);
    expect(partial.possibleDuplicates.map((d) => d.caseId)).toEqual([original.id]);

    // Refused merges change nothing.
    expect((await gql(MERGE, { c: partial.id, into: partial.id, r: 'cùng nội dung' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'intoCaseId' });
    expect((await gql(MERGE, { c: partial.id, into: original.id, r: 'cùng nội dung' }, await platform.env.token(SeededUsers.caOfficer))).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await gql(MERGE, { c: partial.id, into: 'not-an-id', r: 'cùng nội dung' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'intoCaseId' });
    expect((await gql<{ case: CaseView }>(CASE, { id: partial.id })).data!.case).toMatchObject({ status: 'OPEN', reportCount: 1 });

    const merged = await gql<{ mergeCases: CaseView }>(MERGE, { c: partial.id, into: original.id, r: 'Cùng một tin đồn vỡ đập, đăng lại ở Đồng Hới' });
    expect(merged.errors).toBeUndefined();
    const target = merged.data!.mergeCases;
    expect(target.reportCount).toBe(2);
    expect(target.participants.map((p) => p.agency.code)).toEqual(expect.arrayContaining(['UBND_LE_THUY', 'UBND_DONG_HOI']));
    const source = (await gql<{ case: CaseView }>(CASE, { id: partial.id })).data!.case;
    expect(source).toMatchObject({ status: 'MERGED', reportCount: 0, possibleDuplicates: [] });
    expect(source.deadlines.every((d) => d.closedAt !== null)).toBe(true);
    // A merged case cannot be merged again, nor receive another.
    expect((await gql(MERGE, { c: partial.id, into: original.id, r: 'lần nữa' })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    expect((await gql(MERGE, { c: original.id, into: partial.id, r: 'ngược lại' })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', field: 'intoCaseId' });
  });

  it('rejects a suggestion as different content', async () => {
    // A platform of its own: the first test's cases would otherwise absorb these reports.
    await platform.stop();
    platform = await startPlatform();
    lead = await platform.env.token(SeededUsers.stttLead);
    const original = await report(FLOOD_RUMOUR, 'LE_THUY', await platform.env.token(SeededUsers.lethuyOfficer));
    const other = await report(FLOOD_RUMOUR_PARTIAL, 'LE_THUY', await platform.env.token(SeededUsers.lethuyOfficer));
    const suggested = other.possibleDuplicates.map((d) => d.caseId);
    expect(suggested.length).toBeGreaterThan(0);
    const rejected = await gql<{ rejectDuplicate: CaseView }>(REJECT, { c: other.id, d: suggested[0] });
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.rejectDuplicate.possibleDuplicates.map((d) => d.caseId)).not.toContain(suggested[0]);
    expect(suggested).toEqual([original.id]);
    // Rejected once, it is no longer a suggestion to reject.
    expect((await gql(REJECT, { c: other.id, d: original.id })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateCaseId' });
  });
});
