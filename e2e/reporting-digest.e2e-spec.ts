import { Client as PgClient } from 'pg';
import { DigestFeedPoller } from '@phoi-hop/app-reporting';
import { DIGEST_FIXTURE_DAY, SeededUsers, startDigestFeedServer, type DigestFeedServer } from '@phoi-hop/testing';
import { caller } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ITEM = `id feedName title link canonicalUrl publishedAt excerpt matches { kind term localityCode } reported { caseId reportId }`;
const DIGEST = `query($d: Date) { dailyDigest(day: $d) { day itemCount groups { kind term localityCode items { ${ITEM} } } } }`;
const FEEDS = `query { digestFeeds { id name url health { status lastSuccessAt lastError consecutiveFailures lastItemCount matchedItemCount format nextPollAt } } }`;

/**
 * Đ6.1 daily media digest end to end: feeds served on loopback by the test, polled by the
 * reporting service (locality names from the directory's reference data, asked as the service
 * itself), read through the gateway, an item reported to intake, the .docx downloaded.
 */
describe('daily media digest (Đ6.1)', () => {
  let platform: Platform;
  let server: DigestFeedServer;
  let sql: PgClient;
  let api: ReturnType<typeof caller>;
  let poller: DigestFeedPoller;
  const lead = SeededUsers.stttLead;
  const digest = async () => (await api.ok<{ dailyDigest: Json }>(lead, DIGEST, { d: DIGEST_FIXTURE_DAY })).dailyDigest;
  const feeds = async () => (await api.ok<{ digestFeeds: Json[] }>(lead, FEEDS)).digestFeeds;

  beforeAll(async () => {
    platform = await startPlatform();
    api = caller(platform);
    server = await startDigestFeedServer();
    sql = new PgClient({ connectionString: platform.env.databaseUrl });
    await sql.connect();
    poller = platform.reporting!.get(DigestFeedPoller);
    await api.ok(lead, `mutation($i: SetDigestKeywordsInput!) { setDigestKeywords(input: $i) { keywords } }`, { i: { keywords: ['lừa đảo', 'sat lo'] } });
    for (const [name, path] of [
      ['Báo Quảng Bình', '/rss.xml'],
      ['Đài PT-TH', '/atom.xml'],
      ['Cổng TTĐT', '/feed.json'],
      ['Hỏng 500', '/broken-500.xml'],
      ['Hỏng XML', '/broken.xml'],
    ]) {
      await api.ok(lead, `mutation($i: AddDigestFeedInput!) { addDigestFeed(input: $i) { id } }`, { i: { name, url: `${server.base}${path}` } });
    }
    expect(await poller.runDue()).toBe(5);
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await server?.close();
    await platform?.stop();
  });

  it('holds each matching item of the day once, grouped by the locality names of the directory and the keywords', async () => {
    const day = await digest();
    const links = day.groups.flatMap((g: Json) => g.items.map((i: Json) => i.canonicalUrl)).sort();
    expect(links).toEqual([
      'https://baoquangbinh.vn/phap-luat/lua-dao-thue.html',
      'https://baoquangbinh.vn/thoi-su/lu-lut-le-thuy.html',
      'https://qbtv.vn/tin/mua-lon-dong-hoi',
      'https://quangbinh.gov.vn/tin/sat-lo-minh-hoa',
    ]);
    expect(day.itemCount).toBe(4);
    // The directory names them "Thành phố Đồng Hới", "Huyện Lệ Thủy": matched without the prefix and the diacritics.
    expect(day.groups.map((g: Json) => [g.kind, g.term, g.localityCode])).toEqual([
      ['LOCALITY', 'Đồng Hới', 'DONG_HOI'],
      ['LOCALITY', 'Lệ Thủy', 'LE_THUY'],
      ['LOCALITY', 'Minh Hóa', 'MINH_HOA'],
      ['KEYWORD', 'lừa đảo', null],
    ]);
  });

  it('shows the broken feeds in their health while the others are healthy', async () => {
    const health = Object.fromEntries((await feeds()).map((f) => [f.name, f.health]));
    expect(health['Báo Quảng Bình']).toMatchObject({ status: 'HEALTHY', format: 'RSS', lastItemCount: 3, matchedItemCount: 2 });
    expect(health['Đài PT-TH']).toMatchObject({ status: 'HEALTHY', format: 'ATOM' });
    expect(health['Cổng TTĐT']).toMatchObject({ status: 'HEALTHY', format: 'JSON_FEED' });
    expect(health['Hỏng 500']).toMatchObject({ status: 'FAILING', consecutiveFailures: 1, lastError: 'HTTP 500 Internal Server Error', lastSuccessAt: null });
    expect(health['Hỏng XML']).toMatchObject({ status: 'FAILING', consecutiveFailures: 1, lastSuccessAt: null });
  });

  it('a second poll gets 304 and changes nothing', async () => {
    const before = await digest();
    const schema = platform.env.schema('reporting');
    const { rows: itemsBefore } = await sql.query(`SELECT * FROM "${schema}".digest_item ORDER BY id`);
    server.requests.length = 0;
    await sql.query(`UPDATE "${schema}".digest_feed SET next_poll_at = now() - interval '1 second'`);
    expect(await poller.runDue()).toBe(5);
    expect(
      server.requests
        .filter((r) => r.status === 304)
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/atom.xml', '/rss.xml']);
    expect(await digest()).toEqual(before);
    expect((await sql.query(`SELECT * FROM "${schema}".digest_item ORDER BY id`)).rows).toEqual(itemsBefore);
  });

  it('turns an item into one report in intake, the same report when asked again', async () => {
    const flood = (await digest()).groups.find((g: Json) => g.term === 'Lệ Thủy').items[0];
    const REPORT = `mutation($i: ReportDigestItemInput!) { reportDigestItem(input: $i) { created item { reported { caseId reportId } } } }`;
    const first = (await api.ok<Json>(lead, REPORT, { i: { itemId: flood.id, categoryCode: 'FALSE_INFO_PANIC' } })).reportDigestItem;
    const again = (await api.ok<Json>(lead, REPORT, { i: { itemId: flood.id, categoryCode: 'FALSE_INFO_PANIC' } })).reportDigestItem;
    expect(first.created).toBe(true);
    expect(again).toEqual({ created: false, item: first.item });
    const { case: kase } = await api.ok<Json>(
      lead,
      `query($id: ID!) { case(id: $id) { id localityCode reportCount reports(first: 10) { edges { node { id url channel excerpt } } } } }`,
      {
        id: first.item.reported.caseId,
      },
    );
    expect(kase.localityCode).toBe('LE_THUY');
    expect(kase.reports.edges).toEqual([
      // Đ6.1: a monitoring-channel report whose source is the item's canonical address (the feed's tracking parameters dropped).
      {
        node: {
          id: first.item.reported.reportId,
          url: flood.canonicalUrl,
          channel: 'MEDIA_MONITORING',
          excerpt: expect.stringContaining('Nước sông Kiến Giang'),
        },
      },
    ]);
    expect(flood.canonicalUrl).not.toBe(flood.link);
  });

  it('hands out the day’s digest as a .docx behind a short-lived address', async () => {
    const { dailyDigestDocument } = await api.ok<Json>(
      lead,
      `query { dailyDigestDocument(input: { day: "${DIGEST_FIXTURE_DAY}" }) { url fileName expiresAt } }`,
    );
    expect(dailyDigestDocument.fileName).toBe('diem-bao-2026-11-30.docx');
    const response = await fetch(dailyDigestDocument.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await fetch(`${dailyDigestDocument.url}x`)).status).toBe(404);
  });
});
