import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { verifyAuditChain } from '@phoi-hop/persistence';
import { batchSize, metricsRegistry } from '@phoi-hop/observability';
import { SeededUsers, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

const SUBMIT = `mutation($i: SubmitReportInput!) { submitReport(input: $i) { merged report { id } case { id number reportCount } } }`;

interface Submitted {
  submitReport: { merged: boolean; report: { id: string }; case: { id: string; number: string; reportCount: number } };
}

/** Ten unrelated rumours; each is reported four times at once, by different agencies, through different URL forms. */
const FIRST_TOPICS = [
  'Tin đồn đập thủy điện Rào Quán sắp vỡ, yêu cầu người dân các xã ven sông sơ tán ngay trong đêm nay',
  'Mạo danh công an tỉnh gọi điện yêu cầu chuyển tiền để xác minh tài khoản ngân hàng bị khóa',
  'Giá xăng sẽ tăng gấp đôi từ ngày mai, các cây xăng đồng loạt đóng cửa không bán',
  'Trường tiểu học ở Đồng Hới cho học sinh nghỉ học cả tuần vì dịch sốt xuất huyết lây lan',
  'Ngân hàng nông nghiệp chi nhánh huyện sắp phá sản, người gửi tiết kiệm nên rút tiền gấp',
  'Bệnh viện tỉnh hết máu dự trữ, kêu gọi hiến máu khẩn cấp trước năm giờ chiều',
  'Vắc xin cúm tiêm cho trẻ em ở Quảng Ninh gây sốc phản vệ hàng loạt, phụ huynh hoang mang',
  'Cán bộ xã nhận tiền để cấp sổ đỏ cho đất rừng phòng hộ ven biển Bảo Ninh',
  'Lúa gạo nhiễm chất độc từ nhà máy, cấm thu hoạch toàn bộ cánh đồng phía nam huyện Lệ Thủy',
  'Tuyển người làm việc online lương cao, chỉ cần nộp phí hồ sơ qua ví điện tử trước',
];
const REPORTERS = ['lethuyOfficer', 'btgOfficer', 'donghoiOfficer', 'sytOfficer'] as const;
const WORDS = FIRST_TOPICS.join(' ').split(' ');

/** Ten more rumours, unrelated to each other and to any earlier round (random words of the same vocabulary). */
function randomTopics(): string[] {
  return Array.from({ length: 10 }, () => Array.from(randomBytes(40), (b) => WORDS[b % WORDS.length]).join(' ') + ` ${randomBytes(4).toString('hex')}`);
}

/**
 * Reports that arrive together are written together (group commit). Whatever the batches, the
 * outcome must be what writing them one by one would give: one case per content, numbers unique
 * and consecutive, one event and one audit entry per report, each with its own reporter.
 */
describe('many reports at once (group commit)', () => {
  let platform: Platform;
  let sql: PgClient;

  beforeAll(async () => {
    platform = await startPlatform();
    sql = new PgClient({ connectionString: platform.env.databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await platform?.stop();
  });

  let tokens: Record<string, string>;
  beforeAll(async () => {
    tokens = Object.fromEntries(await Promise.all([...REPORTERS, 'stttLead' as const].map(async (key) => [key, await platform.env.token(SeededUsers[key])] as const)));
  });

  /** Reports every topic four times at once and checks the outcome is what one-by-one writing would give. */
  async function reportAtOnce(topics: string[], round: string): Promise<number> {
    const forms = (topic: number) => [
      `https://example.vn/${round}/tin/${topic}`,
      `https://WWW.example.vn/${round}/tin/${topic}?utm_source=zalo`,
      `https://m.example.vn/${round}/tin/${topic}?fbclid=abc${topic}`,
      `https://example.vn/${round}/tin-khac/${topic}`,
    ];
    const jobs = topics.flatMap((text, topic) =>
      REPORTERS.map((reporter, i) => ({
        reporter,
        topic,
        // The fourth report has its own URL and joins by text alone (lightly edited).
        input: { url: forms(topic)[i]!, excerpt: i === 3 ? `${text}, mọi người chia sẻ gấp` : text, categoryCode: 'FALSE_INFO_PANIC' },
      })),
    );
    const results = await Promise.all(jobs.map((job) => graphqlRequest<Submitted>(platform.graphqlUrl, SUBMIT, { i: job.input }, tokens[job.reporter])));
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));

    const byTopic = new Map<number, Set<string>>();
    jobs.forEach((job, i) => byTopic.set(job.topic, (byTopic.get(job.topic) ?? new Set()).add(results[i]!.data!.submitReport.case.id)));
    expect([...byTopic.values()].map((ids) => ids.size)).toEqual(topics.map(() => 1));
    const caseIds = [...byTopic.values()].map((ids) => [...ids][0]!);
    expect(new Set(caseIds).size).toBe(topics.length);
    expect(results.filter((r) => !r.data!.submitReport.merged)).toHaveLength(topics.length);

    const intake = platform.env.schema('intake');
    const { rows: cases } = await sql.query(`SELECT id, seq, (SELECT count(*)::int FROM "${intake}".report r WHERE r.case_id = c.id) AS reports FROM "${intake}".handling_case c WHERE id = ANY($1::uuid[]) ORDER BY seq`, [caseIds]);
    expect(cases.map((c) => c.reports)).toEqual(topics.map(() => REPORTERS.length));
    // Numbers without gaps: none taken by a report that joined a case, none lost to a batch that started again.
    const { rows: [numbering] } = await sql.query(`SELECT count(*)::int AS n, max(seq) - min(seq) + 1 AS span FROM "${intake}".handling_case`);
    expect(numbering.span).toBe(numbering.n);

    // One event per report, in order per case (opened before attached), each naming its own reporter.
    const reportIds = results.map((r) => r.data!.submitReport.report.id);
    const { rows: events } = await sql.query(
      `SELECT subject, envelope->'actor'->>'agencyCode' AS agency, COALESCE(envelope->'data'->>'reportId', envelope->'data'->'report'->>'id') AS "reportId", envelope->>'aggregateId' AS "caseId", seq FROM "${intake}".outbox ORDER BY seq`,
    );
    const mine = events.filter((e) => reportIds.includes(e.reportId));
    expect(mine).toHaveLength(jobs.length);
    jobs.forEach((job, i) => expect(mine.find((e) => e.reportId === reportIds[i])!.agency).toBe(SeededUsers[job.reporter].agencyCode));
    for (const caseId of caseIds) expect(mine.filter((e) => e.caseId === caseId).map((e) => e.subject)[0]).toMatch(/case\.opened$/);

    // One audit entry per report with its reporter, and the chain still verifies.
    const { rows: audit } = await sql.query(`SELECT actor_agency, summary->>'reportId' AS "reportId" FROM "${intake}".audit_log WHERE summary->>'reportId' = ANY($1::text[])`, [reportIds]);
    expect(audit).toHaveLength(jobs.length);
    jobs.forEach((job, i) => expect(audit.find((a) => a.reportId === reportIds[i])!.actor_agency).toBe(SeededUsers[job.reporter].agencyCode));
    expect(await verifyAuditChain(sql, intake)).toMatchObject({ ok: true });
    return jobs.length;
  }

  it('gives each content one case, numbers without gaps, and every report its own event and audit entry', async () => {
    const before = await batchObservations('ok');
    const reported = await reportAtOnce(FIRST_TOPICS, 'r0');
    // And they were written in shared transactions, not one by one.
    const after = await batchObservations('ok');
    expect(after.sum - before.sum).toBe(reported);
    expect(after.count - before.count).toBeLessThan(reported);
  });

  it('reads again when a coordinator’s change commits between a batch’s read and its lock, and still loses nothing', async () => {
    // A case the coordinator dismisses and reopens over and over: each change moves the audit head.
    const seed = await graphqlRequest<Submitted>(platform.graphqlUrl, SUBMIT, { i: { url: 'https://example.vn/dieu-phoi', excerpt: randomTopics()[0], categoryCode: 'FALSE_INFO_PANIC' } }, tokens['lethuyOfficer']);
    const id = seed.data!.submitReport.case.id;
    const lead = tokens['stttLead']!;
    await graphqlRequest(platform.graphqlUrl, `mutation($id: ID!) { triageCase(id: $id) { status } }`, { id }, lead);
    let coordinating = true;
    const coordinator = (async () => {
      while (coordinating) {
        await graphqlRequest(platform.graphqlUrl, `mutation($id: ID!, $r: String!) { dismissCase(id: $id, reason: $r) { status } }`, { id, r: 'Đã xử lý xong' }, lead);
        await graphqlRequest(platform.graphqlUrl, `mutation($id: ID!, $r: String!) { reopenCase(id: $id, reason: $r) { status } }`, { id, r: 'Phản ánh lại' }, lead);
        // A change every few milliseconds is plenty to meet the batches; more would only load the machine.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const staleBefore = (await batchObservations('stale')).count;
    try {
      for (let round = 1; round <= 8 && (await batchObservations('stale')).count === staleBefore; round++) await reportAtOnce(randomTopics(), `r${round}`);
    } finally {
      coordinating = false;
      await coordinator;
    }
    expect((await batchObservations('stale')).count).toBeGreaterThan(staleBefore);
  });

  it('pages the reports of a much-reported case: the answer to a report counts them all, case(id) reads them page by page', async () => {
    type Page = { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const text = randomTopics()[0]!;
    const first = await graphqlRequest<Submitted>(platform.graphqlUrl, SUBMIT, { i: { url: 'https://example.vn/lan-truyen/0', excerpt: text, categoryCode: 'FALSE_INFO_PANIC' } }, tokens['lethuyOfficer']);
    const more = await Promise.all(
      Array.from({ length: 59 }, (_, i) => graphqlRequest<Submitted>(platform.graphqlUrl, SUBMIT, { i: { url: `https://example.vn/lan-truyen/${i + 1}`, excerpt: text, categoryCode: 'FALSE_INFO_PANIC' } }, tokens[REPORTERS[i % REPORTERS.length]!])),
    );
    expect(more.every((r) => r.data?.submitReport.merged)).toBe(true);
    const PAGE = `reports(first: $n, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }`;
    const last = await graphqlRequest<{ submitReport: { report: { id: string }; case: { id: string; reportCount: number; reports: Page } } }>(
      platform.graphqlUrl,
      `mutation($i: SubmitReportInput!, $n: Int, $after: String) { submitReport(input: $i) { report { id } case { id reportCount ${PAGE} } } }`,
      { i: { url: 'https://example.vn/lan-truyen/60', excerpt: text, categoryCode: 'FALSE_INFO_PANIC' }, n: 50 },
      // The lead agency (Đ6.1) sees every agency's reports; a reporter-only agency would see its own.
      tokens['stttLead'],
    );
    const answered = last.data!.submitReport;
    expect(answered.case.id).toBe(first.data!.submitReport.case.id);
    expect(answered.case.reportCount).toBe(61);
    expect(answered.case.reports).toMatchObject({ totalCount: 61, pageInfo: { hasNextPage: true } });
    expect(answered.case.reports.edges).toHaveLength(50);
    expect(answered.case.reports.edges[0]!.node.id).toBe(first.data!.submitReport.report.id);
    const next = await graphqlRequest<{ case: { reports: Page } }>(
      platform.graphqlUrl,
      `query($id: ID!, $n: Int, $after: String) { case(id: $id) { ${PAGE} } }`,
      { id: answered.case.id, n: 50, after: answered.case.reports.pageInfo.endCursor },
      tokens['stttLead'],
    );
    expect(next.data!.case.reports).toMatchObject({ totalCount: 61, pageInfo: { hasNextPage: false } });
    expect(next.data!.case.reports.edges).toHaveLength(11);
    expect(next.data!.case.reports.edges.at(-1)!.node.id).toBe(answered.report.id);
    const seen = [...answered.case.reports.edges, ...next.data!.case.reports.edges].map((e) => e.node.id);
    expect(new Set(seen).size).toBe(61);
  });

  async function batchObservations(outcome: 'ok' | 'stale'): Promise<{ count: number; sum: number }> {
    batchSize();
    const metric = await metricsRegistry().getSingleMetric('phoihop_batch_size')!.get();
    const ok = metric.values.filter((v) => v.labels['queue'] === 'report.submit' && v.labels['outcome'] === outcome);
    const value = (name: string) => ok.filter((v) => (v as { metricName?: string }).metricName === name).reduce((a, v) => a + v.value, 0);
    return { count: value('phoihop_batch_size_count'), sum: value('phoihop_batch_size_sum') };
  }
});
