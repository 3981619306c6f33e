import { canonicalizeUrl, contentKeyOf } from './url-canonicalizer';

const canon = (url: string): string => {
  const result = canonicalizeUrl(url);
  if (!result.ok) throw new Error(`${url}: ${result.message}`);
  return result.url;
};

describe('canonicalizeUrl', () => {
  const same: Array<[string, string[]]> = [
    [
      'https://example.vn/tin/abc',
      ['HTTP://WWW.Example.VN/tin/abc/', 'https://m.example.vn/tin/abc?utm_source=fb&utm_medium=social#comments', 'example.vn/tin/abc?fbclid=IwAR0x&gclid=1'],
    ],
    ['https://example.vn/search?a=1&b=2', ['https://example.vn/search?b=2&a=1&utm_campaign=x', 'https://example.vn:443/search?a=1&b=2']],
    [
      'https://youtube.com/watch?v=dQw4w9WgXcQ',
      [
        'https://youtu.be/dQw4w9WgXcQ?si=abc',
        'https://www.youtube.com/shorts/dQw4w9WgXcQ',
        'https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&t=42',
        'https://youtube.com/embed/dQw4w9WgXcQ',
        'https://youtube.com/live/dQw4w9WgXcQ?pp=x',
      ],
    ],
    [
      'https://facebook.com/100012345/posts/123456789',
      [
        'https://www.facebook.com/permalink.php?story_fbid=123456789&id=100012345',
        'https://m.facebook.com/story.php?story_fbid=123456789&id=100012345&mibextid=abc',
        'http://facebook.com/100012345/posts/123456789/?comment_id=9&__cft__[0]=x',
        'https://web.facebook.com/100012345/posts/123456789',
      ],
    ],
    ['https://facebook.com/share/p/1AbCdEf', ['https://www.facebook.com/share/p/1AbCdEf/?mibextid=WC7FNe', 'https://fb.com/share/p/1AbCdEf/']],
    ['https://facebook.com/groups/tinlethuy/posts/42', ['https://www.facebook.com/groups/tinlethuy/permalink/42/']],
    ['https://facebook.com/watch?v=555', ['https://www.facebook.com/watch/?v=555&ref=sharing']],
    ['https://x.com/someone/status/1700', ['https://twitter.com/someone/status/1700?s=20', 'https://mobile.twitter.com/someone/status/1700/photo/1']],
    [
      'https://tiktok.com/@tin.nong/video/7300000000000000001',
      ['https://www.tiktok.com/@tin.nong/video/7300000000000000001?is_from_webapp=1&sender_device=pc'],
    ],
  ];

  it.each(same)('reduces every form of %s to it', (expected, forms) => {
    expect(canon(expected)).toBe(expected);
    for (const form of forms) expect(canon(form)).toBe(expected);
  });

  it('is idempotent over every form', () => {
    for (const [expected, forms] of same) for (const form of [expected, ...forms]) expect(canon(canon(form))).toBe(canon(form));
  });

  it('keeps parameters that identify content and distinguishes different pages', () => {
    expect(canon('https://example.vn/?p=1')).not.toBe(canon('https://example.vn/?p=2'));
    expect(canon('https://example.vn/a')).not.toBe(canon('https://example.vn/b'));
    expect(canon('https://vm.tiktok.com/ZSabc/')).toBe('https://vm.tiktok.com/ZSabc');
    expect(canon('https://example.vn:8080/a')).toBe('https://example.vn:8080/a');
  });

  it('encodes international host names as punycode', () => {
    expect(canon('http://bücher.vn/x')).toBe('https://xn--bcher-kva.vn/x');
  });

  it.each([
    ['javascript:alert(1)', 'UNSUPPORTED_SCHEME'],
    ['JaVaScRiPt:alert(document.cookie)', 'UNSUPPORTED_SCHEME'],
    ['data:text/html,<script>alert(1)</script>', 'UNSUPPORTED_SCHEME'],
    ['file:///etc/passwd', 'UNSUPPORTED_SCHEME'],
    ['ftp://example.vn/a', 'UNSUPPORTED_SCHEME'],
    ['mailto:a@example.vn', 'UNSUPPORTED_SCHEME'],
    ['http://user:pw@example.vn/', 'INVALID_URL'],
    ['http://', 'INVALID_URL'],
    ['', 'INVALID_URL'],
    ['not a url', 'INVALID_URL'],
    ['https://example.vn/a\u0000b', 'INVALID_URL'],
    ['localhost', 'INVALID_URL'],
    [`https://example.vn/${'a'.repeat(2100)}`, 'TOO_LONG'],
  ])('refuses %j with %s', (input, reason) => {
    const result = canonicalizeUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it('keys content by the SHA-256 of the canonical URL', () => {
    expect(contentKeyOf('https://example.vn/a')).toMatch(/^[0-9a-f]{64}$/);
    expect(contentKeyOf(canon('https://www.example.vn/a/'))).toBe(contentKeyOf(canon('http://example.vn/a?utm_source=x')));
  });
});
