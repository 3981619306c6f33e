import { contractProblem } from '../common/contract-validation';
import { CaseListRequest, CaseTransitionRequest, MergeCasesRequest, SplitReportRequest, SubmitReportRequest } from './intake.dto';

const CASE_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const report = { url: 'https://www.facebook.com/groups/lethuy/posts/1', excerpt: 'Tin đồn vỡ đập', categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' };

describe('intake contracts', () => {
  it.each<[string, new () => object, Record<string, unknown>]>([
    ['a report', SubmitReportRequest, { ...report, observedAt: '2026-11-30T08:00:00+07:00', note: 'Lan truyền trong nhóm', estimatedReach: 12_000 }],
    ['a transition', CaseTransitionRequest, { caseId: CASE_ID, command: 'TRIAGE', severity: 'HIGH', assignedOfficers: ['ca.officer'] }],
    ['a merge', MergeCasesRequest, { caseId: CASE_ID, intoCaseId: CASE_ID, reason: 'Trùng lặp' }],
    ['a split', SplitReportRequest, { caseId: CASE_ID, reportId: CASE_ID, reason: 'Nội dung khác' }],
    ['a page of cases', CaseListRequest, { first: 20, status: 'OPEN' }],
  ])('accepts %s', async (_name, contract, input) => {
    expect(await contractProblem(contract, input)).toBeNull();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty excerpt', { excerpt: '   ' }, 'excerpt'],
    ['an over-long excerpt', { excerpt: 'x'.repeat(20_001) }, 'excerpt'],
    ['an empty url', { url: '' }, 'url'],
    ['an over-long url', { url: `https://example.vn/${'a'.repeat(2_048)}` }, 'url'],
    ['a lower-case category code', { categoryCode: 'false_info' }, 'categoryCode'],
    ['a locality code with SQL in it', { localityCode: "LE_THUY'; DROP TABLE report; --" }, 'localityCode'],
    ['an observedAt that is not a date-time', { observedAt: 'hôm qua' }, 'observedAt'],
    ['a fractional reach', { estimatedReach: 1.5 }, 'estimatedReach'],
    ['a negative reach', { estimatedReach: -1 }, 'estimatedReach'],
    ['an unknown property', { priority: 'HIGH' }, 'priority'],
  ])('refuses a report with %s, naming the field', async (_name, change, field) => {
    expect(await contractProblem(SubmitReportRequest, { ...report, ...change })).toMatchObject({ field });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a case id that is not a uuid', { caseId: 'not-a-uuid' }, 'caseId'],
    ['an unknown command', { command: 'DELETE' }, 'command'],
    ['an unknown severity', { severity: 'EXTREME' }, 'severity'],
    ['an officer that is not a username', { assignedOfficers: ['Nguyễn Văn A'] }, 'assignedOfficers'],
    ['too many officers', { assignedOfficers: Array.from({ length: 21 }, (_, i) => `officer.${i}`) }, 'assignedOfficers'],
    ['an over-long reason', { reason: 'x'.repeat(2_001) }, 'reason'],
  ])('refuses a transition with %s', async (_name, change, field) => {
    expect(await contractProblem(CaseTransitionRequest, { caseId: CASE_ID, command: 'TRIAGE', ...change })).toMatchObject({ field });
  });

  it.each<[new () => object, Record<string, unknown>, string]>([
    [MergeCasesRequest, { caseId: CASE_ID, intoCaseId: 'x', reason: 'Trùng' }, 'intoCaseId'],
    [MergeCasesRequest, { caseId: CASE_ID, intoCaseId: CASE_ID }, 'reason'],
    [SplitReportRequest, { caseId: CASE_ID, reportId: 42, reason: 'Khác' }, 'reportId'],
    [CaseListRequest, { first: 0 }, 'first'],
    [CaseListRequest, { first: 101 }, 'first'],
    [CaseListRequest, { first: 10, status: 'ARCHIVED' }, 'status'],
  ])('refuses %p %j', async (contract, input, field) => {
    expect(await contractProblem(contract, input)).toMatchObject({ field });
  });
});
