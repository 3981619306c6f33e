import { parseAtomFeed } from 'feedsmith';
import { Client as PgClient } from 'pg';
import { SeededUsers, eventually, listeningPort, type TestUser } from '@phoi-hop/testing';
import { caller, newCase } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

const PUBLIC_URL = 'https://phoi-hop.example.gov.vn';
const baoqb: TestUser = { username: 'baoqb.officer', agencyCode: 'BAO_QB', roles: ['OFFICER'] };

const STATEMENT = `id status url publishedAt updatedAt claimReviewJsonLd revisions { revision note }`;
const DRAFT = `mutation($i: DraftPressStatementInput!) { draftPressStatement(input: $i) { statement { ${STATEMENT} } } }`;
const PUBLISH = `mutation($i: PublishPressStatementInput!) { publishPressStatement(input: $i) { statement { ${STATEMENT} } } }`;
const CORRECT = `mutation($i: CorrectPressStatementInput!) { correctPressStatement(input: $i) { statement { ${STATEMENT} } } }`;
const WITHDRAW = `mutation($i: WithdrawPressStatementInput!) { withdrawPressStatement(input: $i) { statement { ${STATEMENT} } } }`;
const CORRECTION = `id status deadline overdueAt heading answer { publishedUrl publishedAt refusalReasons answeredByAgency late }`;
const REQUEST_CORRECTION = `mutation($i: RequestCorrectionInput!) { requestCorrection(input: $i) { correctionRequest { ${CORRECTION} } } }`;

/**
 * Acceptance: the statements feed parses with a real feed parser and holds the published
 * statements only, newest publication first, with ids stable across requests; a correction request
 * goes through its statuses, with notifications to the outlet.
 */
describe('press statements and corrections', () => {
  let platform: Platform;
  let api: ReturnType<typeof caller>;
  let pressUrl: string;
  let sql: PgClient;

  beforeAll(async () => {
    platform = await startPlatform({ press: { replyLinks: { secret: 'press-statements-e2e-reply-link-secret-0123456789', publicUrl: PUBLIC_URL } } });
    api = caller(platform);
    pressUrl = `http://127.0.0.1:${listeningPort(platform.press!)}`;
    sql = new PgClient({ connectionString: platform.env.databaseUrl });
    await sql.connect();
  }, 60_000);

  afterAll(async () => {
    await sql?.end();
    await platform?.stop();
  });

  const draftAndPublish = async (caseId: string, title: string, claimReview?: Record<string, unknown>) => {
    const { draftPressStatement } = await api.ok(SeededUsers.caOfficer, DRAFT, {
      i: { caseIds: [caseId], title, body: `${title}. Công an tỉnh khẳng định thông tin này là sai sự thật.`, ...(claimReview ? { claimReview } : {}) },
    });
    return (await api.ok(SeededUsers.caOfficer, PUBLISH, { i: { statementId: draftPressStatement.statement.id } })).publishPressStatement.statement;
  };

  it('serves the published statements as Atom: parsed by a feed parser, only published ones, newest first, stable ids, 304 when unchanged', async () => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const first = await draftAndPublish(caseId, 'Thông tin về tin đồn vỡ đập Rào Quán', {
      claim: 'Đập thủy điện Rào Quán đã vỡ',
      appearanceUrl: 'https://facebook.com/trang-tin-gia/posts/1',
      firstAppearedOn: '2026-11-30',
      rating: 'FALSE',
    });
    const second = await draftAndPublish(caseId, 'Thông tin về tin nhắn giả mạo Công an tỉnh');
    const withdrawn = await draftAndPublish(caseId, 'Thông cáo đăng nhầm');
    await api.ok(SeededUsers.caOfficer, WITHDRAW, { i: { statementId: withdrawn.id, reason: 'Đăng nhầm nội dung, đã thu hồi' } });
    const { draftPressStatement: draft } = await api.ok(SeededUsers.caOfficer, DRAFT, {
      i: { caseIds: [caseId], title: 'Dự thảo chưa công bố', body: 'Dự thảo này không được xuất hiện trong feed công khai.' },
    });

    const response = await fetch(`${pressUrl}/feeds/statements.atom`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    const feed = parseAtomFeed(xml);
    const ids = feed.entries!.map((e) => e.id);
    // Newest first publication first: the second, then the first; neither the withdrawn statement nor the draft.
    expect(ids).toEqual([`urn:uuid:${second.id}`, `urn:uuid:${first.id}`]);
    expect(xml).not.toContain(withdrawn.id);
    expect(xml).not.toContain(draft.statement.id);
    expect(feed.entries![1]).toMatchObject({
      authors: [{ name: 'Công an tỉnh' }],
      links: [{ href: `${PUBLIC_URL}/feeds/statements/${first.id}` }],
      updated: first.updatedAt,
      published: first.publishedAt,
    });
    expect(feed.entries![1]!.categories).toContainEqual({ term: 'ClaimReview', scheme: 'https://schema.org/', label: 'Sai sự thật' });

    const etag = response.headers.get('etag')!;
    const lastModified = response.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${pressUrl}/feeds/statements.atom`);
    expect(parseAtomFeed(await again.text()).entries!.map((e) => e.id)).toEqual(ids);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await fetch(`${pressUrl}/feeds/statements.atom`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${pressUrl}/feeds/statements.atom`, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);

    // A correction changes the entry's updated time and the validators, not the ids or the order.
    const corrected = (
      await api.ok(SeededUsers.caOfficer, CORRECT, {
        i: { statementId: second.id, body: 'Nội dung đính chính: tin nhắn giả mạo Công an tỉnh gửi từ số lạ.', note: 'Bổ sung nguồn tin nhắn' },
      })
    ).correctPressStatement.statement;
    expect(corrected.revisions).toEqual([
      { revision: 1, note: null },
      { revision: 2, note: 'Bổ sung nguồn tin nhắn' },
    ]);
    const changed = await fetch(`${pressUrl}/feeds/statements.atom`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    const changedFeed = parseAtomFeed(await changed.text());
    expect(changedFeed.entries!.map((e) => e.id)).toEqual(ids);
    expect(changedFeed.entries![0]!.updated).toBe(corrected.updatedAt);
  });

  it('serves the ClaimReview JSON-LD of a statement, the same as GraphQL shows, and its page', async () => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const statement = await draftAndPublish(caseId, 'Thông tin về tin đồn sơ tán', {
      claim: 'Toàn bộ huyện Lệ Thủy phải sơ tán trong đêm',
      appearanceUrl: 'https://facebook.com/trang-tin-gia/posts/2',
      firstAppearedOn: '2026-11-29',
      rating: 'MISLEADING',
    });
    const jsonLd = await fetch(`${pressUrl}/feeds/statements/${statement.id}.jsonld`);
    expect(jsonLd.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const served = await jsonLd.json();
    expect(served).toEqual(JSON.parse(statement.claimReviewJsonLd));
    expect(served).toMatchObject({ '@type': 'ClaimReview', url: statement.url, reviewRating: { alternateName: 'Gây hiểu nhầm' } });
    const page = await fetch(statement.url.replace(PUBLIC_URL, pressUrl));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('application/ld+json');
    expect((await fetch(`${pressUrl}/feeds/statements/00000000-0000-4000-8000-000000000000.jsonld`)).status).toBe(404);
  });

  it('takes a correction request through its statuses, notifying the outlet', async () => {
    const { createNotificationSubscription } = await api.ok(
      baoqb,
      `mutation($i: CreateNotificationSubscriptionInput!) { createNotificationSubscription(input: $i) { subscription { id } } }`,
      { i: { channel: 'EMAIL', target: 'toasoan@baoquangbinh.vn' } },
    );
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const input = {
      caseId,
      outletAgencyCode: 'BAO_QB',
      workTitle: 'Đập Rào Quán có nguy cơ vỡ',
      workSection: 'Thời sự',
      workPublishedOn: '2026-11-29',
      whatIsWrong: 'Bài viết nói đập có nguy cơ vỡ, trong khi đập vẫn an toàn',
      falseContent: 'Đập Rào Quán đã nứt và có nguy cơ vỡ',
      correctedContent: 'Đập Rào Quán vận hành bình thường',
      requestedText: 'Báo Quảng Bình xin cải chính: đập Rào Quán vận hành an toàn, xin lỗi bạn đọc.',
      deadline: new Date(Date.now() + 48 * 3_600_000).toISOString(),
    };
    const published = (await api.ok(SeededUsers.stttLead, REQUEST_CORRECTION, { i: input })).requestCorrection.correctionRequest;
    expect(published).toMatchObject({ status: 'REQUESTED', heading: 'Thông tin cải chính, xin lỗi', answer: null });
    // Only the outlet answers.
    const foreign = await api.call(SeededUsers.caOfficer, `mutation($i: RefuseCorrectionInput!) { refuseCorrection(input: $i) { correctionRequest { id } } }`, {
      i: { correctionId: published.id, reasons: 'Công an không phải cơ quan báo chí được yêu cầu' },
    });
    expect(foreign.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const publishedAt = new Date().toISOString();
    const answered = await api.ok(baoqb, `mutation($i: PublishCorrectionInput!) { publishCorrection(input: $i) { correctionRequest { ${CORRECTION} } } }`, {
      i: { correctionId: published.id, publishedUrl: 'https://baoquangbinh.vn/cai-chinh/1', publishedAt },
    });
    expect(answered.publishCorrection.correctionRequest).toMatchObject({
      status: 'PUBLISHED',
      answer: { publishedUrl: 'https://baoquangbinh.vn/cai-chinh/1', publishedAt, answeredByAgency: 'BAO_QB', late: false },
    });

    // Another request is left unanswered past its deadline: OVERDUE, then refused late.
    const overdue = (await api.ok(SeededUsers.stttLead, REQUEST_CORRECTION, { i: { ...input, workTitle: 'Bài thứ hai về đập Rào Quán' } })).requestCorrection
      .correctionRequest;
    const press = platform.env.schema('press');
    await sql.query(`UPDATE "${press}".press_correction SET deadline = now() - interval '1 minute' WHERE id = $1`, [overdue.id]);
    await sql.query(`UPDATE "${press}".press_correction_deadline SET due_at = now() - interval '1 minute' WHERE correction_id = $1`, [overdue.id]);
    const VIEW = `query($id: ID!) { correctionRequest(id: $id) { ${CORRECTION} } }`;
    await eventually(async () => ((await api.ok(SeededUsers.stttLead, VIEW, { id: overdue.id })).correctionRequest.status === 'OVERDUE' ? true : undefined));
    const refused = await api.ok(baoqb, `mutation($i: RefuseCorrectionInput!) { refuseCorrection(input: $i) { correctionRequest { ${CORRECTION} } } }`, {
      i: { correctionId: overdue.id, reasons: 'Bài viết trích dẫn đúng thông báo của đơn vị vận hành' },
    });
    expect(refused.refuseCorrection.correctionRequest).toMatchObject({ status: 'REFUSED', answer: { late: true } });

    const { correctionRequests } = await api.ok(
      SeededUsers.stttLead,
      `query($c: ID!) { correctionRequests(filter: { caseId: $c }, first: 10) { totalCount edges { node { id status } } } }`,
      { c: caseId },
    );
    expect(correctionRequests).toEqual({
      totalCount: 2,
      edges: [{ node: { id: overdue.id, status: 'REFUSED' } }, { node: { id: published.id, status: 'PUBLISHED' } }],
    });
    // The outlet's subscription gets each step it may see.
    const types = await eventually(async () => {
      const { rows } = await sql.query<{ event_type: string }>(
        `SELECT event_type FROM "${platform.env.schema('notification')}".delivery WHERE subscription_id = $1 AND event_type LIKE 'evt.press.%' ORDER BY created_at`,
        [createNotificationSubscription.subscription.id],
      );
      return rows.length >= 5 ? rows.map((r) => r.event_type) : undefined;
    });
    expect([...types].sort()).toEqual(
      [
        'evt.press.correction.overdue',
        'evt.press.correction.published',
        'evt.press.correction.refused',
        'evt.press.correction.requested',
        'evt.press.correction.requested',
      ].sort(),
    );
  });
});
