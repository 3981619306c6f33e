import { SeededUsers, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

/** Periodic reports and the public transparency report through the gateway and the reporting service's own HTTP side. */
describe('periodic reports and the transparency report', () => {
  let platform: Platform;
  let lead: string;
  let police: string;

  beforeAll(async () => {
    platform = await startPlatform();
    lead = await platform.env.token(SeededUsers.stttLead);
    police = await platform.env.token(SeededUsers.caOfficer);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const gql = <T>(query: string, variables: Record<string, unknown>, token: string) => graphqlRequest<T>(platform.graphqlUrl, query, variables, token);

  it('opens a period, takes an agency’s section and renders the consolidated report and its annex', async () => {
    const opened = await gql<{ openReportPeriod: { id: string; kind: string } }>(
      'mutation($i: OpenReportPeriodInput!) { openReportPeriod(input: $i) { id kind sections { agencyCode status } } }',
      {
        i: {
          kind: 'SIX_MONTHLY',
          from: '2026-01-01',
          to: '2026-06-30',
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          agencyCodes: ['CA', 'BTG'],
        },
      },
      lead,
    );
    expect(opened.errors).toBeUndefined();
    const periodId = opened.data!.openReportPeriod.id;
    const saved = await gql<{ saveReportSection: { sections: { agencyCode: string; status: string }[] } }>(
      'mutation($i: SaveReportSectionInput!) { saveReportSection(input: $i) { sections { agencyCode status } } }',
      { i: { periodId, accomplishments: 'Phối hợp xác minh 3 vụ việc', difficulties: 'Thiếu nhân lực', proposals: 'Tập huấn nghiệp vụ', submit: true } },
      police,
    );
    expect(saved.data?.saveReportSection.sections).toEqual([{ agencyCode: 'CA', status: 'SUBMITTED' }]);
    const csv = await gql<{ reportPeriodDocument: { fileName: string; contentBase64: string } }>(
      'query($p: ID!) { reportPeriodDocument(periodId: $p, format: CSV) { fileName contentBase64 } }',
      { p: periodId },
      lead,
    );
    expect(csv.errors).toBeUndefined();
    expect(Buffer.from(csv.data!.reportPeriodDocument.contentBase64, 'base64').toString('utf8')).toContain('table,row,column,value');
    const docx = await gql<{ reportPeriodDocument: { contentBase64: string } }>(
      'query($p: ID!) { reportPeriodDocument(periodId: $p, format: DOCX) { contentBase64 } }',
      { p: periodId },
      lead,
    );
    expect(Buffer.from(docx.data!.reportPeriodDocument.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    // An agency does not read the consolidated report.
    const refused = await gql('query($p: ID!) { reportPeriodDocument(periodId: $p, format: CSV) { fileName } }', { p: periodId }, police);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('serves the transparency report as JSON and as a page without sign-in, and refuses a bad period', async () => {
    const base = await platform.reporting!.getUrl();
    const json = await fetch(`${base}/transparency.json?from=2026-01-01&to=2026-06-30`);
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ from: '2026-01-01', to: '2026-06-30', threshold: 5 });
    const page = await fetch(`${base}/transparency?from=2026-01-01&to=2026-06-30`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Báo cáo minh bạch');
    const bad = await fetch(`${base}/transparency.json?from=2026-07-01&to=2026-06-30`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
