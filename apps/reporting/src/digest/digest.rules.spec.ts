import type { DigestItemDto } from '@phoi-hop/contracts';
import {
  BACKOFF_CAP_MS,
  backoffDelayMs,
  checkFeedUrl,
  containsTerm,
  digestDayOf,
  excerptOf,
  feedHealthStatus,
  groupDigest,
  localityMatchName,
  matchEntries,
  matchTerms,
  normaliseKeywords,
  vietnameseDate,
  type DigestTerm,
} from './digest.rules';

const LOCALITIES: DigestTerm[] = [
  { kind: 'LOCALITY', term: 'Đồng Hới', localityCode: 'DONG_HOI' },
  { kind: 'LOCALITY', term: 'Lệ Thủy', localityCode: 'LE_THUY' },
];
const KEYWORDS: DigestTerm[] = [
  { kind: 'KEYWORD', term: 'lu lut', localityCode: null },
  { kind: 'KEYWORD', term: 'lừa đảo', localityCode: null },
];

describe('containsTerm', () => {
  it.each([
    ['Lũ lụt ở miền Trung', 'lu lut'],
    ['dong hoi mưa lớn', 'Đồng Hới'],
    ['ĐỒNG HỚI', 'đồng hới'],
    // NFD input (combining marks) matches an NFC term and the other way round.
    ['Lu\u0303 lu\u0323t', 'lũ lụt'],
    ['Thành phố Đồng Hới, Quảng Bình', 'dong hoi'],
    ['Cảnh báo: lừa-đảo qua mạng!', 'lua dao'],
  ])('%s contains %s', (text, term) => {
    expect(containsTerm(text, term)).toBe(true);
  });

  it.each([
    ['Hội nghị ở Huế', 'Đồng Hới'],
    ['hoinghi', 'hoi'],
    ['Đồng Hớii', 'Đồng Hới'],
    ['anything', '  '],
  ])('%s does not contain %s', (text, term) => {
    expect(containsTerm(text, term)).toBe(false);
  });

  it('folds đ to d but keeps other letters apart', () => {
    expect(containsTerm('đê điều', 'de dieu')).toBe(true);
    expect(containsTerm('đê điều', 'de dieo')).toBe(false);
  });
});

describe('matchTerms', () => {
  it('gives localities first, then keywords, each once', () => {
    const matches = matchTerms('Lũ lụt ở Lệ Thủy và Đồng Hới, lũ lụt kéo dài', [...KEYWORDS, ...LOCALITIES]);
    expect(matches).toEqual([
      { kind: 'LOCALITY', term: 'Đồng Hới', localityCode: 'DONG_HOI' },
      { kind: 'LOCALITY', term: 'Lệ Thủy', localityCode: 'LE_THUY' },
      { kind: 'KEYWORD', term: 'lu lut', localityCode: null },
    ]);
  });

  it('matches nothing in unrelated text', () => {
    expect(matchTerms('Giá vàng hôm nay', [...KEYWORDS, ...LOCALITIES])).toEqual([]);
  });
});

describe('normaliseKeywords', () => {
  it('trims, collapses spaces and keeps one of the keywords that fold alike', () => {
    expect(normaliseKeywords(['  lũ   lụt ', 'Lu lut', 'sạt lở'])).toEqual({ ok: true, keywords: ['lũ lụt', 'sạt lở'] });
  });

  it('refuses a keyword without two letters, naming its index', () => {
    expect(normaliseKeywords(['lũ lụt', ' ! '])).toEqual({ ok: false, field: 'keywords.1', message: expect.stringContaining('two letters') });
  });

  it('accepts an empty list (the digest then follows the localities only)', () => {
    expect(normaliseKeywords([])).toEqual({ ok: true, keywords: [] });
  });
});

describe('checkFeedUrl', () => {
  it('accepts a public https feed', () => {
    expect(checkFeedUrl(' https://baoquangbinh.vn/rss/thoi-su.rss ', false)).toEqual({ ok: true, url: 'https://baoquangbinh.vn/rss/thoi-su.rss' });
  });

  it.each([
    ['http://127.0.0.1/feed', 'loopback'],
    ['http://169.254.169.254/latest', 'linkLocal'],
    ['ftp://example.vn/feed', 'ftp:'],
    ['https://example.vn:8443/feed', 'port 8443'],
    ['https://u:p@example.vn/feed', 'credentials'],
    ['not a url', 'not a URL'],
    ['http://intranet/feed', 'public name'],
  ])('refuses %s', (url, reason) => {
    expect(checkFeedUrl(url, false)).toEqual({ ok: false, message: expect.stringContaining(reason) });
  });

  it('lets tests reach loopback on any port with the allowance', () => {
    expect(checkFeedUrl('http://127.0.0.1:4567/feed', true).ok).toBe(true);
  });
});

describe('backoffDelayMs', () => {
  const interval = 30 * 60_000;
  it.each([
    [1, interval],
    [2, 2 * interval],
    [3, 4 * interval],
    [4, 8 * interval],
    [5, BACKOFF_CAP_MS],
    [50, BACKOFF_CAP_MS],
  ])('after %i failures waits %i ms', (failures, expected) => {
    expect(backoffDelayMs(failures, interval)).toBe(expected);
  });

  it('never waits less than the interval, even above the cap', () => {
    expect(backoffDelayMs(3, 24 * 3_600_000)).toBe(24 * 3_600_000);
  });
});

describe('feedHealthStatus', () => {
  it.each([
    [{ enabled: false, lastPolledAt: new Date(), consecutiveFailures: 3 }, 'DISABLED'],
    [{ enabled: true, lastPolledAt: null, consecutiveFailures: 0 }, 'PENDING'],
    [{ enabled: true, lastPolledAt: new Date(), consecutiveFailures: 0 }, 'HEALTHY'],
    [{ enabled: true, lastPolledAt: new Date(), consecutiveFailures: 1 }, 'FAILING'],
  ] as const)('%o is %s', (feed, status) => {
    expect(feedHealthStatus(feed)).toBe(status);
  });
});

describe('excerptOf', () => {
  it('drops tags and scripts, decodes entities and collapses spaces', () => {
    expect(excerptOf('<p>Mưa&nbsp;lớn <b>ở</b> Đồng&#32;Hới &amp; Lệ Thủy</p><script>x()</script>')).toBe('Mưa lớn ở Đồng Hới & Lệ Thủy');
  });

  it('cuts a long text at a word with an ellipsis', () => {
    const out = excerptOf('từ '.repeat(400), 50);
    expect(out.length).toBeLessThanOrEqual(51);
    expect(out.endsWith('từ…')).toBe(true);
  });
});

describe('matchEntries', () => {
  const terms = [...LOCALITIES, ...KEYWORDS];
  it('keeps the matching entries, each canonical URL once, with their excerpt', () => {
    const out = matchEntries(
      [
        { title: 'Lũ lụt ở Lệ Thủy', link: 'https://www.baoquangbinh.vn/a?utm_source=rss', summary: '<p>Nước lên</p>', publishedAt: null },
        { title: 'Lũ lụt ở Lệ Thủy (cập nhật)', link: 'https://baoquangbinh.vn/a', summary: '', publishedAt: null },
        { title: 'Giá vàng', link: 'https://baoquangbinh.vn/b', summary: 'không liên quan', publishedAt: null },
        { title: 'Đồng Hới', link: null, summary: '', publishedAt: null },
      ],
      terms,
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ title: 'Lũ lụt ở Lệ Thủy', canonicalUrl: 'https://baoquangbinh.vn/a', excerpt: 'Nước lên' });
    expect(out[0]!.matches.map((m) => m.term)).toEqual(['Lệ Thủy', 'lu lut']);
  });

  it('matches a term found only in the summary', () => {
    expect(matchEntries([{ title: 'Tin nhanh', link: 'https://x.vn/1', summary: 'Cảnh báo lừa đảo', publishedAt: null }], terms)).toHaveLength(1);
  });
});

describe('digestDayOf', () => {
  const seen = new Date('2026-12-01T10:00:00Z');
  it('is the province day of publication (UTC+7)', () => {
    expect(digestDayOf(new Date('2026-11-30T18:30:00Z'), seen)).toBe('2026-12-01');
    expect(digestDayOf(new Date('2026-11-30T16:30:00Z'), seen)).toBe('2026-11-30');
  });

  it('falls back to the day first seen for no date or a date in the future', () => {
    expect(digestDayOf(null, seen)).toBe('2026-12-01');
    expect(digestDayOf(new Date('2027-01-01T00:00:00Z'), seen)).toBe('2026-12-01');
  });
});

describe('groupDigest', () => {
  const item = (id: string, terms: DigestTerm[], publishedAt: string): DigestItemDto => ({
    id,
    feedId: 'f',
    feedName: 'F',
    title: id,
    link: `https://x.vn/${id}`,
    canonicalUrl: `https://x.vn/${id}`,
    publishedAt,
    firstSeenAt: publishedAt,
    excerpt: '',
    matches: terms.map((t) => ({ kind: t.kind, term: t.term, localityCode: t.localityCode })),
    reported: null,
  });

  it('puts each item once, under its first match; localities first; newest first inside a group', () => {
    const groups = groupDigest([
      item('a', [KEYWORDS[0]!], '2026-12-01T01:00:00Z'),
      item('b', [LOCALITIES[1]!, KEYWORDS[0]!], '2026-12-01T02:00:00Z'),
      item('c', [LOCALITIES[1]!], '2026-12-01T03:00:00Z'),
      item('d', [LOCALITIES[0]!], '2026-12-01T04:00:00Z'),
    ]);
    expect(groups.map((g) => [g.term, g.items.map((i) => i.id)])).toEqual([
      ['Đồng Hới', ['d']],
      ['Lệ Thủy', ['c', 'b']],
      ['lu lut', ['a']],
    ]);
  });
});

it('writes the day as dd/mm/yyyy', () => {
  expect(vietnameseDate('2026-12-01')).toBe('01/12/2026');
});

describe('localityMatchName', () => {
  it.each([
    ['Thành phố Đồng Hới', 'Đồng Hới'],
    ['Thị xã Ba Đồn', 'Ba Đồn'],
    ['Huyện Lệ Thủy', 'Lệ Thủy'],
    ['huyện  Minh Hóa', 'Minh Hóa'],
    ['Quảng Ninh', 'Quảng Ninh'],
    ['Huyện', 'Huyện'],
  ])('%s is matched as %s', (official, bare) => {
    expect(localityMatchName(official)).toBe(bare);
  });
});
