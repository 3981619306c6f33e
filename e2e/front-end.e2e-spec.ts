import { FLOOD_RUMOUR, SeededUsers, graphqlRequest, type TestUser } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

const CASE_FIELDS = `id number status viewerAccess viewerCan reportCount
  reports { totalCount edges { node { reporterAgencyCode note } } }
  access { agency { code } reasons { reason basis } }
  statusHistory { to by { displayName agency { code } } }
  decisions { decidedBy { username displayName } }
  severitySuggestion { factors { reason levels label(language: EN) } }`;
const SUBMIT = `mutation($i: SubmitReportInput!) { submitReport(input: $i) { case { id number } } }`;
const SEARCH = `query($f: CaseFilterInput, $first: Int, $after: String) { cases(filter: $f, first: $first, after: $after) { edges { rank node { id number } } pageInfo { hasNextPage endCursor } } }`;
const BY_NUMBER = `query($n: String!) { case(number: $n) { ${CASE_FIELDS} } }`;
const BY_ID = `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;
const QUEUE = `query { workQueue(first: 50) { totalCount edges { cursor node { kind caseId caseNumber owedBy { code } deadline overdue actionId consultationId } } pageInfo { hasNextPage endCursor } } }`;

const congttdtOfficer: TestUser = { username: 'congttdt.officer', agencyCode: 'CONG_TTDT', roles: ['OFFICER'] };

interface CaseView {
  id: string;
  number: string;
  status: string;
  viewerAccess: string;
  viewerCan: string[];
  reportCount: number;
  reports: { totalCount: number; edges: Array<{ node: { reporterAgencyCode: string; note: string | null } }> };
  access: Array<{ agency: { code: string }; reasons: Array<{ reason: string; basis: string | null }> }>;
  statusHistory: Array<{ to: string; by: { displayName: string; agency: { code: string } } | null }>;
  decisions: Array<{ decidedBy: { username: string; displayName: string } | null }>;
  severitySuggestion: { factors: Array<{ reason: string; levels: number; label: string }> };
}
interface WorkItem {
  kind: string;
  caseId: string;
  caseNumber: string;
  owedBy: { code: string };
  deadline: string | null;
  overdue: boolean;
  actionId: string | null;
  consultationId: string | null;
}

/**
 * What a front end needs, through the gateway only: finding cases (free text without diacritics, by
 * number, by link, never another agency's case), reference data and labels from queries, work
 * queues, the actions allowed now, people by name, and need-to-know for an agency that only reported.
 */
describe('the API as a front end uses it', () => {
  let platform: Platform;
  let tokens: Record<'lead' | 'lethuy' | 'syt' | 'donghoi' | 'police' | 'portal' | 'leader', string>;
  let flood: { id: string; number: string };
  let dongHoi: { id: string; number: string };
  const gql = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const result = await graphqlRequest<T>(platform.graphqlUrl, query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const queueOf = async (token: string): Promise<WorkItem[]> => {
    const { workQueue } = await gql<{ workQueue: { totalCount: number; edges: Array<{ node: WorkItem }>; pageInfo: { hasNextPage: boolean } } }>(
      QUEUE,
      {},
      token,
    );
    expect(workQueue.totalCount).toBe(workQueue.edges.length);
    expect(workQueue.pageInfo.hasNextPage).toBe(false);
    return workQueue.edges.map((e) => e.node);
  };
  const search = async (text: string, token: string) =>
    (await gql<{ cases: { edges: Array<{ rank: number; node: { id: string } }> } }>(SEARCH, { f: { text } }, token)).cases.edges.map((e) => e.node.id);

  beforeAll(async () => {
    platform = await startPlatform();
    tokens = {
      lead: await platform.env.token(SeededUsers.stttLead),
      lethuy: await platform.env.token(SeededUsers.lethuyOfficer),
      syt: await platform.env.token(SeededUsers.sytOfficer),
      donghoi: await platform.env.token(SeededUsers.donghoiOfficer),
      police: await platform.env.token(SeededUsers.caOfficer),
      portal: await platform.env.token(congttdtOfficer),
      leader: await platform.env.token(SeededUsers.leader),
    };
    const link = 'https://www.facebook.com/groups/lethuy.canhbao/posts/998877';
    flood = (
      await gql<{ submitReport: { case: { id: string; number: string } } }>(
        SUBMIT,
        {
          i: {
            url: `${link}?fbclid=IwAR0abc`,
            excerpt: FLOOD_RUMOUR,
            categoryCode: 'FALSE_INFO_PANIC',
            localityCode: 'LE_THUY',
            note: 'Ghi chú nội bộ của huyện Lệ Thủy: đã báo Ban Chỉ huy PCTT',
            estimatedReach: 250_000,
          },
        },
        tokens.lethuy,
      )
    ).submitReport.case;
    // The health department reports the same post (same link, other tracking parameters) in its own words: it joins the case.
    const joined = await gql<{
      submitReport: { case: { id: string; viewerAccess: string; reports: { edges: Array<{ node: { reporterAgencyCode: string } }> } } };
    }>(
      `mutation($i: SubmitReportInput!) { submitReport(input: $i) { case { id viewerAccess reports { edges { node { reporterAgencyCode } } } } } }`,
      {
        i: {
          url: `${link}?utm_source=zalo&utm_medium=share`,
          excerpt: 'Bài đăng nói vỡ đập, bệnh viện huyện phải sơ tán bệnh nhân',
          categoryCode: 'FALSE_INFO_PANIC',
          localityCode: 'LE_THUY',
        },
      },
      tokens.syt,
    );
    // Its answer shows the case as it may see it: its own report only.
    expect(joined.submitReport.case).toEqual({ id: flood.id, viewerAccess: 'REPORTER', reports: { edges: [{ node: { reporterAgencyCode: 'SYT' } }] } });
    dongHoi = (
      await gql<{ submitReport: { case: { id: string; number: string } } }>(
        SUBMIT,
        {
          i: {
            url: 'https://example.vn/dong-hoi/ngap',
            excerpt: 'Thành phố Đồng Hới ngập lụt nặng, đường Trần Hưng Đạo ngập sâu một mét, trường học cho nghỉ',
            categoryCode: 'FALSE_INFO_PANIC',
            localityCode: 'DONG_HOI',
          },
        },
        tokens.donghoi,
      )
    ).submitReport.case;
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('finds cases by words with or without diacritics, by number and by link, and never a case the viewer may not see', async () => {
    expect(await search('đập thủy điện', tokens.lead)).toEqual([flood.id]);
    expect(await search('dap thuy dien', tokens.lead)).toEqual([flood.id]);
    expect(await search('DUONG TRAN HUNG DAO', tokens.lead)).toEqual([dongHoi.id]);
    expect(await search(flood.number.toLowerCase(), tokens.lead)).toEqual([flood.id]);
    expect(await search('https://m.facebook.com/groups/lethuy.canhbao/posts/998877?mibextid=xyz', tokens.lead)).toEqual([flood.id]);
    // Lệ Thủy is not on the Đồng Hới case: not by its words, its number or its link.
    expect(await search('tran hung dao', tokens.lethuy)).toEqual([]);
    expect(await search(dongHoi.number, tokens.lethuy)).toEqual([]);
    expect(await search('https://example.vn/dong-hoi/ngap', tokens.lethuy)).toEqual([]);
    expect((await gql<{ case: CaseView | null }>(BY_NUMBER, { n: dongHoi.number }, tokens.lethuy)).case).toBeNull();
    // The health department only reported the flood case: it finds it by its own words, not by Lệ Thủy's.
    expect(await search('benh nhan so tan', tokens.syt)).toEqual([flood.id]);
    expect(await search('dap thuy dien', tokens.syt)).toEqual([]);
    expect(await search('tran hung dao', tokens.leader)).toEqual([dongHoi.id]);
    const refused = await graphqlRequest(platform.graphqlUrl, SEARCH, { f: { text: 'x'.repeat(201) } }, tokens.lead);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const both = await graphqlRequest(platform.graphqlUrl, `query { case(id: "${flood.id}", number: "${flood.number}") { id } }`, {}, tokens.lead);
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('shows an agency that only reported the content its own reports, and who sees the case and why', async () => {
    const asReporter = (await gql<{ case: CaseView }>(BY_ID, { id: flood.id }, tokens.syt)).case;
    expect(asReporter).toMatchObject({
      viewerAccess: 'REPORTER',
      viewerCan: [],
      reports: { totalCount: 1, edges: [{ node: { reporterAgencyCode: 'SYT', note: null } }] },
    });
    const asLead = (await gql<{ case: CaseView }>(BY_NUMBER, { n: flood.number }, tokens.lead)).case;
    expect(asLead.viewerAccess).toBe('FULL');
    expect(asLead.reports.edges.map((e) => e.node.reporterAgencyCode).sort()).toEqual(['SYT', 'UBND_LE_THUY']);
    expect(asLead.viewerCan).toEqual(expect.arrayContaining(['TRIAGE', 'DISMISS', 'SPLIT_REPORT']));
    expect(asLead.viewerCan).not.toContain('DECIDE');
    const reasonsOf = (code: string) => asLead.access.find((a) => a.agency.code === code)?.reasons;
    expect(reasonsOf('STTTT')).toEqual([{ reason: 'LEAD', basis: expect.stringContaining('Đ6.1') }]);
    expect(reasonsOf('CA')).toEqual([{ reason: 'PARTICIPANT', basis: expect.stringContaining('Đ6.2') }]);
    expect(reasonsOf('UBND_LE_THUY')).toEqual(expect.arrayContaining([{ reason: 'REPORTER', basis: null }]));
    expect(reasonsOf('SYT')).toEqual([{ reason: 'REPORTER', basis: null }]);
    // Who opened it, by name, and why the severity is suggested as it is.
    expect(asLead.statusHistory[0]).toMatchObject({
      to: 'OPEN',
      by: { displayName: expect.stringContaining('Hoàng Thị E'), agency: { code: 'UBND_LE_THUY' } },
    });
    expect(asLead.severitySuggestion.factors).toEqual([{ reason: 'VERY_WIDE_REACH', levels: 2, label: 'Estimated reach 250,000 (from 100,000): +2 levels' }]);
    // The police participate but do not coordinate: they may read the case and do nothing to it yet.
    expect((await gql<{ case: CaseView }>(BY_ID, { id: flood.id }, tokens.police)).case).toMatchObject({ viewerAccess: 'FULL', viewerCan: [] });
  });

  it('serves reference data and the labels of every enum, so nothing is hard-coded', async () => {
    const data = await gql<{
      referenceData: {
        categories: Array<{ code: string; name: string; legalBases: Array<{ code: string; effectiveFrom: string | null }> }>;
        localities: Array<{ code: string; name: string }>;
        agencies: Array<{ code: string; kind: string }>;
        rules: Array<{ article: string; description: string | null }>;
      };
    }>(
      `query { referenceData { categories { code name legalBases { code effectiveFrom } } localities { code name } agencies(kind: PRESS_ORGAN) { code kind } rules { article description } } }`,
      {},
      tokens.lethuy,
    );
    const panic = data.referenceData.categories.find((c) => c.code === 'FALSE_INFO_PANIC')!;
    expect(panic.name).toBe('Thông tin sai sự thật gây hoang mang trong nhân dân');
    expect(panic.legalBases.map((b) => b.code)).toContain('ND15_2020_D101');
    expect(data.referenceData.localities).toContainEqual({ code: 'LE_THUY', name: 'Huyện Lệ Thủy' });
    expect(data.referenceData.agencies.map((a) => a.code).sort()).toEqual(['BAO_QB', 'CONG_TTDT', 'DAI_PTTH']);
    expect(data.referenceData.rules.find((r) => r.article === 'Đ6.2')?.description).toMatch(/Công an tỉnh/);
    const labels = await gql<{ enumLabels: Array<{ name: string; values: Array<{ value: string; label: string }> }> }>(
      `query { enumLabels(names: ["CaseStatus", "ParticipantRole"]) { name values { value label } } }`,
      {},
      tokens.lethuy,
    );
    expect(labels.enumLabels.find((e) => e.name === 'ParticipantRole')?.values).toContainEqual({ value: 'LEAD', label: 'Chủ trì' });
    expect(labels.enumLabels.find((e) => e.name === 'CaseStatus')?.values.map((v) => v.value)).toEqual([
      'OPEN',
      'TRIAGED',
      'IN_CONSULTATION',
      'DECIDED',
      'ACTING',
      'CLOSED',
      'DISMISSED',
      'MERGED',
    ]);
    const unknown = await graphqlRequest(platform.graphqlUrl, `query { enumLabels(names: ["Nope"]) { name } }`, {}, tokens.lethuy);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'names' });
  });

  it('gives each agency its work queue with deadlines and who owes them, and the actions it may take', async () => {
    const leadQueue = await queueOf(tokens.lead);
    expect(leadQueue).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'TRIAGE', caseId: flood.id, owedBy: { code: 'STTTT' }, deadline: expect.any(String) })]),
    );
    expect(await queueOf(tokens.police)).toEqual([]);

    await gql(`mutation($id: ID!) { triageCase(id: $id) { status } }`, { id: flood.id }, tokens.lead);
    const deadline = new Date(Date.now() + 3 * 86400_000).toISOString();
    const opened = await gql<{ openConsultation: { id: string } }>(
      `mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id } }`,
      { i: { caseId: flood.id, mode: 'WRITTEN', invitedAgencyCodes: ['CA'], subject: 'Đề nghị Công an tỉnh cho ý kiến về việc xử lý tin vỡ đập', deadline } },
      tokens.lead,
    );
    const consultation = await gql<{ consultation: { openedByPerson: { username: string; agency: { code: string } } } }>(
      `query($id: ID!) { consultation(id: $id) { openedByPerson { username agency { code } } } }`,
      { id: opened.openConsultation.id },
      tokens.police,
    );
    expect(consultation.consultation.openedByPerson).toEqual({ username: 'stttt.lead', agency: { code: 'STTTT' } });
    const policeQueue = await queueOf(tokens.police);
    expect(policeQueue).toEqual([
      expect.objectContaining({
        kind: 'OPINION',
        caseId: flood.id,
        consultationId: opened.openConsultation.id,
        owedBy: { code: 'CA' },
        deadline: new Date(deadline).toISOString(),
        overdue: false,
      }),
    ]);
    const leadNow = await queueOf(tokens.lead);
    expect(leadNow.filter((i) => i.caseId === flood.id).map((i) => i.kind)).toEqual(['DECIDE']);

    const dueDate = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
    await gql(
      `mutation($i: DecideCaseInput!) { decideCase(input: $i) { decisionId } }`,
      {
        i: {
          caseId: flood.id,
          finding: 'FALSE',
          provisionCodes: [],
          statementOfReasons: 'Đã xác minh: không có sự cố đập, thông tin sai sự thật.',
          actions: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CONG_TTDT', dueDate }],
        },
      },
      tokens.lead,
    );
    const portalQueue = await queueOf(tokens.portal);
    expect(portalQueue).toEqual([
      expect.objectContaining({
        kind: 'HANDLING_ACTION',
        caseId: flood.id,
        owedBy: { code: 'CONG_TTDT' },
        actionId: expect.any(String),
        deadline: expect.any(String),
      }),
    ]);
    const asPortal = (await gql<{ case: CaseView }>(BY_ID, { id: flood.id }, tokens.portal)).case;
    expect(asPortal.viewerAccess).toBe('FULL');
    expect(asPortal.viewerCan).toEqual(['UPDATE_HANDLING_ACTION']);
    expect(asPortal.access.find((a) => a.agency.code === 'CONG_TTDT')?.reasons).toEqual([{ reason: 'ASSIGNEE', basis: null }]);
    expect(asPortal.decisions[0]!.decidedBy).toMatchObject({ username: 'stttt.lead', displayName: expect.stringContaining('Nguyễn Văn A') });
    expect(asPortal.statusHistory.find((c) => c.to === 'TRIAGED')?.by).toMatchObject({ agency: { code: 'STTTT' } });
  });
});
