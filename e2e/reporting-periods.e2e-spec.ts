import { Client as PgClient } from 'pg';
import { FLOOD_RUMOUR, SeededUsers, eventually, graphqlRequest } from '@phoi-hop/testing';
import yauzl from 'yauzl';
import { startPlatform, type Platform } from './support/platform';

/** word/document.xml of a .docx. */
function documentXml(docx: Buffer): Promise<string> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(docx, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error('no word/document.xml')));
      zip.readEntry();
    }),
  );
}

/** The cells of one CSV line (RFC 4180 quoting). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
}

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
    const docx = await gql<{ reportPeriodDocument: { contentBase64: string; url: string; byteLength: number; sha256: string } }>(
      'query($p: ID!) { reportPeriodDocument(periodId: $p, format: DOCX) { contentBase64 url byteLength sha256 } }',
      { p: periodId },
      lead,
    );
    const inline = Buffer.from(docx.data!.reportPeriodDocument.contentBase64, 'base64');
    expect(inline.subarray(0, 2).toString()).toBe('PK');
    // The same document at its download address on the reporting service (the way for those too large to travel inline).
    const downloaded = await fetch(docx.data!.reportPeriodDocument.url);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(inline);
    expect(docx.data!.reportPeriodDocument.byteLength).toBe(inline.length);
    // An agency does not read the consolidated report.
    const refused = await gql('query($p: ID!) { reportPeriodDocument(periodId: $p, format: CSV) { fileName } }', { p: periodId }, police);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('reports the cases the services hold: the six-month figures equal counts taken from intake’s own tables', async () => {
    const WORDS = [
      'lũ',
      'vỡ đập',
      'lừa đảo',
      'tuyển dụng',
      'vắc xin',
      'giả mạo',
      'tài khoản',
      'chuyển khoản',
      'sơ tán',
      'học phí',
      'điện',
      'xăng',
      'giá',
      'bệnh viện',
      'trường học',
      'cầu',
      'đường',
      'thuế',
      'đất đai',
      'bão',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const text = () => Array.from({ length: 40 }, () => WORDS[next() % WORDS.length]).join(' ');
    const categories = ['FALSE_INFO_PANIC', 'IMPERSONATION_SCAM', 'FALSE_INFO_ECONOMIC', 'OTHER'];
    for (let i = 0; i < 14; i++) {
      const submitted = await gql(
        'mutation($i: SubmitReportInput!) { submitReport(input: $i) { merged } }',
        {
          i: {
            url: `https://tin-${i}-${next()}.example.vn/bai/${next()}`,
            excerpt: `${text()} (${i})`,
            categoryCode: categories[i % categories.length],
            localityCode: 'LE_THUY',
          },
        },
        lead,
      );
      expect(submitted.errors).toBeUndefined();
    }
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const from = today.slice(0, 5) + (Number(today.slice(5, 7)) <= 6 ? '01-01' : '07-01');
    const to = today.slice(0, 5) + (Number(today.slice(5, 7)) <= 6 ? '06-30' : '12-31');
    const sql = new PgClient({ connectionString: platform.env.databaseUrl });
    await sql.connect();
    try {
      // Counted from intake's tables, not from the events or the read models.
      const { rows } = await sql.query<{ category_code: string; n: number }>(
        `SELECT category_code, count(*)::int AS n FROM "${platform.env.schema('intake')}".handling_case
          WHERE (opened_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1 AND $2 GROUP BY category_code`,
        [from, to],
      );
      const expected = Object.fromEntries(rows.map((r) => [r.category_code, r.n]));
      const total = rows.reduce((n, r) => n + r.n, 0);
      expect(total).toBeGreaterThanOrEqual(14);
      const opened = await gql<{ openReportPeriod: { id: string } }>(
        'mutation($i: OpenReportPeriodInput!) { openReportPeriod(input: $i) { id } }',
        { i: { kind: 'SIX_MONTHLY', from, to, deadline: new Date(Date.now() + 86_400_000).toISOString(), agencyCodes: ['CA'] } },
        lead,
      );
      const periodId = opened.data!.openReportPeriod.id;
      // The read models follow the stream: wait until they hold every case intake holds.
      const figures = await eventually(async () => {
        const csv = await gql<{ reportPeriodDocument: { contentBase64: string } }>(
          'query($p: ID!) { reportPeriodDocument(periodId: $p, format: CSV) { contentBase64 } }',
          { p: periodId },
          lead,
        );
        const lines = Buffer.from(csv.data!.reportPeriodDocument.contentBase64, 'base64')
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\n');
        const byCategory = lines.map(csvCells).filter((cells) => cells[0] === 'by_category');
        return byCategory.reduce((n, cells) => n + Number(cells[3]), 0) === total ? byCategory : undefined;
      }, 20_000);
      // The CSV names categories as the directory does; map the names back through the reference data.
      const reference = await gql<{ referenceData: { categories: { code: string; name: string }[] } }>(
        'query { referenceData { categories { code name } } }',
        {},
        lead,
      );
      const codeOf = Object.fromEntries(reference.data!.referenceData.categories.map((c) => [c.name, c.code]));
      expect(Object.fromEntries(figures.map((cells) => [codeOf[cells[1]!] ?? cells[1], Number(cells[3])]))).toEqual(expected);
    } finally {
      await sql.end();
    }
  }, 60_000);

  it('builds a case dossier with what each reader may see, as .docx and as PDF', async () => {
    const reported = await gql<{ submitReport: { case: { id: string; number: string } } }>(
      'mutation($i: SubmitReportInput!) { submitReport(input: $i) { case { id number } } }',
      {
        i: {
          url: `https://www.facebook.com/groups/lethuy/posts/${Date.now()}`,
          excerpt: FLOOD_RUMOUR,
          categoryCode: 'FALSE_INFO_PANIC',
          localityCode: 'LE_THUY',
        },
      },
      lead,
    );
    expect(reported.errors).toBeUndefined();
    const { id, number } = reported.data!.submitReport.case;
    const dossierText = async (token: string) => {
      const answer = await gql<{ caseDossier: { contentBase64: string; fileName: string } }>(
        'query($c: ID!) { caseDossier(caseId: $c, format: DOCX) { fileName contentBase64 } }',
        { c: id },
        token,
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.caseDossier.fileName).toBe(`ho-so-${number}.docx`);
      return documentXml(Buffer.from(answer.data!.caseDossier.contentBase64, 'base64'));
    };
    const asLead = await dossierText(lead);
    expect(asLead).toContain(`Vụ việc số ${number}`);
    expect(asLead).toContain('Đ6.1');
    expect(asLead).not.toContain('Thông tin chuyển Công an tỉnh là thông tin hạn chế');
    // A provincial leader reads every case, but not the police referrals (restricted data).
    const leader = await platform.env.token({ username: 'leader', agencyCode: 'VP_UBND', roles: ['LEADER'] });
    expect(await dossierText(leader)).toContain('Thông tin chuyển Công an tỉnh là thông tin hạn chế');
    // An agency that is not on the case does not get its dossier.
    const stranger = await gql(
      'query($c: ID!) { caseDossier(caseId: $c, format: DOCX) { sha256 } }',
      { c: id },
      await platform.env.token(SeededUsers.btgOfficer),
    );
    expect(stranger.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const pdf = await gql<{ caseDossier: { contentBase64: string } }>(
      'query($c: ID!) { caseDossier(caseId: $c, format: PDF) { contentBase64 } }',
      { c: id },
      lead,
    );
    expect(pdf.errors).toBeUndefined();
    expect(Buffer.from(pdf.data!.caseDossier.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const statements = await gql<{ statementsOfReasons: unknown[] }>('query($c: ID!) { statementsOfReasons(caseId: $c) { puid } }', { c: id }, lead);
    expect(statements.data?.statementsOfReasons).toEqual([]);
  }, 120_000);

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
