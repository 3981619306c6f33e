import { randomBytes } from 'node:crypto';
import { SeededUsers } from '@phoi-hop/testing';
import { BAD, HOSTILE, NO_ID, refuse, viewer, type MutationEntry, type World } from './harness';

/** Daily media digest (reporting, Đ6.1): feeds, keywords, items into reports. */

const FEED = `id name url enabled pollIntervalMinutes health { status consecutiveFailures }`;
const FEEDS_VIEW = `query { digestFeeds { ${FEED} } }`;
const KEYWORDS_VIEW = `query { digestKeywords { keywords } }`;
const feedsView = () => viewer(FEEDS_VIEW, {});
const keywordsView = () => viewer(KEYWORDS_VIEW, {});

const unique = () => randomBytes(5).toString('hex');

/** A feed stored as the service stores one (the e2e platform polls only when asked, so it stays as it is). */
async function storedFeed(w: World): Promise<{ id: string; url: string }> {
  const url = `https://bao.example.vn/rss/${unique()}.xml`;
  const [row] = await w.sql(
    `INSERT INTO "${w.schema('reporting')}".digest_feed (id, name, url, poll_interval_minutes, created_by) VALUES (gen_random_uuid(), 'Nguồn thử', $1, 30, 'test') RETURNING id`,
    [url],
  );
  return { id: row!['id'] as string, url };
}

/** A digest item of a stored feed, matched on Lệ Thủy. */
async function storedItem(w: World): Promise<string> {
  const feed = await storedFeed(w);
  const link = `https://bao.example.vn/tin/${unique()}.html`;
  const [row] = await w.sql(
    `INSERT INTO "${w.schema('reporting')}".digest_item (id, content_key, canonical_url, feed_id, link, title, excerpt, day, matches)
     VALUES (gen_random_uuid(), md5($1), $1, $2, $1, 'Lũ lụt ở Lệ Thủy', 'Nước lên nhanh', '2026-11-30', $3) RETURNING id`,
    [link, feed.id, JSON.stringify([{ kind: 'LOCALITY', term: 'Lệ Thủy', localityCode: 'LE_THUY' }])],
  );
  return row!['id'] as string;
}

const digestView = () => viewer(`query { dailyDigest(day: "2026-11-30") { itemCount groups { items { id reported { caseId } } } } }`, {});

export const DIGEST_MUTATIONS: Record<string, MutationEntry> = {
  addDigestFeed: {
    document: `mutation($i: AddDigestFeedInput!) { addDigestFeed(input: $i) { ${FEED} } }`,
    cases: [
      { name: 'a blank name', variables: () => ({ i: { name: '  ', url: `https://bao.example.vn/${unique()}.rss` } }), expect: BAD('name'), watch: feedsView },
      { name: 'a file: address', variables: () => ({ i: { name: 'Tệp', url: 'file:///etc/passwd' } }), expect: BAD('url'), watch: feedsView },
      {
        name: 'the metadata service address',
        variables: () => ({ i: { name: 'Siêu dữ liệu', url: 'http://169.254.169.254/latest/meta-data/' } }),
        expect: BAD('url'),
        watch: feedsView,
      },
      { name: 'credentials in the address', variables: () => ({ i: { name: 'Mật khẩu', url: 'https://u:p@bao.example.vn/rss' } }), expect: BAD('url') },
      {
        name: 'an address over 2,048 characters',
        variables: () => ({ i: { name: 'Dài', url: `https://bao.example.vn/${'a'.repeat(2_050)}` } }),
        expect: BAD('url'),
      },
      {
        name: 'a poll interval under five minutes',
        variables: () => ({ i: { name: 'Nhanh', url: `https://bao.example.vn/${unique()}.rss`, pollIntervalMinutes: 1 } }),
        expect: BAD('pollIntervalMinutes'),
      },
      {
        name: 'an address already configured',
        variables: async (w) => ({ i: { name: 'Lặp', url: (await storedFeed(w)).url } }),
        expect: refuse('CONFLICT', 'url'),
      },
      {
        name: 'by an officer who is not a coordinator of the lead agency',
        as: SeededUsers.lethuyOfficer,
        variables: () => ({ i: { name: 'Ngoài quyền', url: `https://bao.example.vn/${unique()}.rss` } }),
        expect: refuse('FORBIDDEN'),
      },
      {
        name: 'a hostile name, stored verbatim',
        variables: () => ({ i: { name: HOSTILE, url: `https://bao.example.vn/${unique()}.rss` } }),
        expect: {
          stored: (data) => {
            expect(data['addDigestFeed']).toMatchObject({
              name: HOSTILE,
              enabled: true,
              pollIntervalMinutes: 30,
              health: { status: 'PENDING', consecutiveFailures: 0 },
            });
          },
        },
      },
    ],
  },
  updateDigestFeed: {
    document: `mutation($i: UpdateDigestFeedInput!) { updateDigestFeed(input: $i) { ${FEED} } }`,
    cases: [
      { name: 'an unknown feed', variables: () => ({ i: { feedId: NO_ID, name: 'Không có' } }), expect: refuse('NOT_FOUND', 'feedId') },
      { name: 'a feed id that is not an id', variables: () => ({ i: { feedId: "1'; DROP TABLE digest_feed; --", name: 'x' } }), expect: BAD('feedId') },
      { name: 'a blank name', variables: async (w) => ({ i: { feedId: (await storedFeed(w)).id, name: ' ' } }), expect: BAD('name'), watch: feedsView },
      {
        name: 'a javascript: address',
        variables: async (w) => ({ i: { feedId: (await storedFeed(w)).id, url: 'javascript:alert(1)' } }),
        expect: BAD('url'),
        watch: feedsView,
      },
      {
        name: 'the address of another feed',
        variables: async (w) => ({ i: { feedId: (await storedFeed(w)).id, url: (await storedFeed(w)).url } }),
        expect: refuse('CONFLICT', 'url'),
        watch: feedsView,
      },
      {
        name: 'by a leader',
        as: SeededUsers.leader,
        variables: async (w) => ({ i: { feedId: (await storedFeed(w)).id, name: 'Lãnh đạo' } }),
        expect: refuse('FORBIDDEN'),
      },
    ],
  },
  disableDigestFeed: {
    document: `mutation($i: DisableDigestFeedInput!) { disableDigestFeed(input: $i) { ${FEED} } }`,
    cases: [
      { name: 'an unknown feed', variables: () => ({ i: { feedId: NO_ID } }), expect: refuse('NOT_FOUND', 'feedId') },
      { name: 'a feed id that is not an id', variables: () => ({ i: { feedId: 'feed-1' } }), expect: BAD('feedId') },
      {
        name: 'by an officer',
        as: SeededUsers.lethuyOfficer,
        variables: async (w) => ({ i: { feedId: (await storedFeed(w)).id } }),
        expect: refuse('FORBIDDEN'),
        watch: feedsView,
      },
    ],
  },
  setDigestKeywords: {
    document: `mutation($i: SetDigestKeywordsInput!) { setDigestKeywords(input: $i) { keywords } }`,
    cases: [
      { name: 'a blank keyword', variables: () => ({ i: { keywords: ['lũ lụt', '   '] } }), expect: BAD('keywords.1'), watch: keywordsView },
      { name: 'a keyword of punctuation only', variables: () => ({ i: { keywords: ['?!'] } }), expect: BAD('keywords.0'), watch: keywordsView },
      { name: 'a keyword over 100 characters', variables: () => ({ i: { keywords: ['đ'.repeat(101)] } }), expect: BAD(), watch: keywordsView },
      {
        name: 'more than 200 keywords',
        variables: () => ({ i: { keywords: Array.from({ length: 201 }, (_, n) => `từ khóa ${n}`) } }),
        expect: BAD(),
        watch: keywordsView,
      },
      { name: 'by a leader', as: SeededUsers.leader, variables: () => ({ i: { keywords: ['lũ lụt'] } }), expect: refuse('FORBIDDEN'), watch: keywordsView },
      {
        name: 'hostile keywords, stored verbatim (folding only for matching)',
        variables: () => ({ i: { keywords: [HOSTILE.slice(0, 100), 'lũ lụt', 'Lu lut'] } }),
        expect: {
          stored: (data) => {
            expect(data['setDigestKeywords']).toEqual({ keywords: [HOSTILE.slice(0, 100).trim().replace(/\s+/g, ' '), 'lũ lụt'] });
          },
        },
      },
    ],
  },
  reportDigestItem: {
    document: `mutation($i: ReportDigestItemInput!) { reportDigestItem(input: $i) { created item { id reported { caseId reportId } } } }`,
    cases: [
      { name: 'an unknown item', variables: () => ({ i: { itemId: NO_ID, categoryCode: 'FALSE_INFO_PANIC' } }), expect: refuse('NOT_FOUND', 'itemId') },
      { name: 'an item id that is not an id', variables: () => ({ i: { itemId: 'item', categoryCode: 'FALSE_INFO_PANIC' } }), expect: BAD('itemId') },
      {
        name: 'a category that is not a code',
        variables: async (w) => ({ i: { itemId: await storedItem(w), categoryCode: 'tin giả' } }),
        expect: BAD('categoryCode'),
      },
      {
        name: 'a category intake does not know',
        variables: async (w) => ({ i: { itemId: await storedItem(w), categoryCode: 'NO_SUCH_CATEGORY' } }),
        expect: BAD('categoryCode'),
        watch: () => digestView(),
      },
      {
        name: 'by a leader',
        as: SeededUsers.leader,
        variables: async (w) => ({ i: { itemId: await storedItem(w), categoryCode: 'FALSE_INFO_PANIC' } }),
        expect: refuse('FORBIDDEN'),
      },
    ],
  },
};
