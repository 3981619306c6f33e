import { caseSearchTerms } from './case-search';

describe('caseSearchTerms', () => {
  it('reads a case number, in any case', () => {
    expect(caseSearchTerms(' qb-2026-000020 ')).toEqual({ text: 'qb-2026-000020', number: 'QB-2026-000020', canonicalUrl: null });
    expect(caseSearchTerms('2026-000020').number).toBeNull();
  });

  it('reads a link with or without its scheme as its canonical URL', () => {
    const withScheme = caseSearchTerms('https://m.facebook.com/groups/x/posts/1?fbclid=abc');
    const without = caseSearchTerms('facebook.com/groups/x/posts/1');
    expect(withScheme.canonicalUrl).not.toBeNull();
    expect(withScheme.canonicalUrl).toBe(without.canonicalUrl);
    expect(withScheme.canonicalUrl).not.toContain('fbclid');
  });

  it('treats anything else as text only, with runs of spaces made one', () => {
    expect(caseSearchTerms('lũ   lụt  Lệ Thủy')).toEqual({ text: 'lũ lụt Lệ Thủy', number: null, canonicalUrl: null });
    expect(caseSearchTerms('tin.gia').canonicalUrl).toBeNull();
    expect(caseSearchTerms('ftp://example.vn/x').canonicalUrl).toBeNull();
  });
});
