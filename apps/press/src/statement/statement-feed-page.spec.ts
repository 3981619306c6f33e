import { decodeFeedCursor, encodeFeedCursor, feedPageOf, feedPageUrl, withPagingLinks } from './statement-feed-page';

const position = { at: '2026-12-01T08:15:30.123456Z', id: '0b6f1c1e-7a52-4d7e-9c3a-5f0e9d2b8a41' };
const FEED = 'https://phoi-hop.example.gov.vn/feeds/statements.atom';

describe('statement feed paging (RFC 5005)', () => {
  it('hands out cursors that name their position exactly, to the microsecond', () => {
    expect(decodeFeedCursor(encodeFeedCursor(position))).toEqual(position);
    expect(encodeFeedCursor(position)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['not base64url', 'abc$%'],
    ['no id', Buffer.from('2026-12-01T08:15:30.123456Z').toString('base64url')],
    ['a time at millisecond precision', Buffer.from(`2026-12-01T08:15:30.123Z|${position.id}`).toString('base64url')],
    ['a day that does not exist', Buffer.from(`2026-02-30T08:15:30.123456Z|${position.id}`).toString('base64url')],
    ['an id that is not one', Buffer.from('2026-12-01T08:15:30.123456Z|1 OR 1=1').toString('base64url')],
    ['a third part', Buffer.from(`2026-12-01T08:15:30.123456Z|${position.id}|x`).toString('base64url')],
    ['something far too long', 'A'.repeat(201)],
  ])('refuses a cursor with %s (BAD_USER_INPUT on before)', (_name, cursor) => {
    expect(() => decodeFeedCursor(cursor)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'before' }));
  });

  it('reads the page from the query: the first, one before a cursor; page= and a repeated before are refused', () => {
    expect(feedPageOf({})).toBeNull();
    expect(feedPageOf({ utm_source: 'portal' })).toBeNull();
    expect(feedPageOf({ before: encodeFeedCursor(position) })).toEqual(position);
    expect(() => feedPageOf({ page: '2' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'page' }));
    expect(() => feedPageOf({ before: [encodeFeedCursor(position), encodeFeedCursor(position)] })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'before', message: expect.stringContaining('before must be given once') }),
    );
  });

  it('puts first and next beside self, and no next on the last page', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n    <link rel="alternate" href="${FEED}"/>\n    <link rel="self" href="${FEED}"/>\n</feed>`;
    const paged = withPagingLinks(xml, FEED, position);
    expect(paged).toContain(
      `    <link rel="self" href="${FEED}"/>\n    <link rel="first" href="${FEED}"/>\n    <link rel="next" href="${feedPageUrl(FEED, position)}"/>\n</feed>`,
    );
    expect(withPagingLinks(xml, FEED, null)).not.toContain('rel="next"');
    expect(feedPageUrl(FEED, null)).toBe(FEED);
  });
});
