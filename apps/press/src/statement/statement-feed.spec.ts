import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import { renderStatementPage, statementsAtom } from './statement-feed';
import type { LoadedStatement, StatementRow } from './statement.repository';

const BASE = 'https://phoi-hop.example.gov.vn';
const HOSTILE = `<script>alert('x')</script> ]]> & "ngoặc" \u0001 ‮`;

function statement(id: string, publishedAt: string, overrides: Partial<StatementRow> = {}): LoadedStatement {
  const at = new Date(publishedAt);
  const row: StatementRow = {
    id,
    status: 'PUBLISHED',
    agency_code: 'CA',
    agency_name: 'Công an tỉnh',
    case_ids: ['6f1c2b1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b'],
    case_numbers: ['QB-2026-000123'],
    title: 'Thông tin về tin đồn vỡ đập',
    body: 'Đoạn một.\n\nĐoạn hai, dòng một\ndòng hai.',
    claim_review: null,
    created_by: 'u1',
    created_at: at,
    published_at: at,
    updated_at: at,
    withdrawn_at: null,
    withdrawal_reason: null,
    revision: 1,
    visible_agencies: ['CA'],
    ...overrides,
  };
  return { row, revisions: [] };
}

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe(statementsAtom.name, () => {
  it('is well-formed Atom that a feed parser reads: stable urn:uuid ids, the order given, agency authors, updated times', () => {
    const xml = statementsAtom(BASE, new Date('2026-12-02T00:00:00Z'), [
      statement(B, '2026-12-01T05:00:00Z', { updated_at: new Date('2026-12-02T00:00:00Z'), revision: 2, status: 'CORRECTED' }),
      statement(A, '2026-12-01T04:00:00Z', {
        claim_review: { claim: 'Đập đã vỡ', appearanceUrl: 'https://facebook.com/trang/posts/1', firstAppearedOn: '2026-11-30', rating: 'FALSE' },
      }),
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseAtomFeed(xml);
    expect(feed.id).toBe(`${BASE}/feeds/statements.atom`);
    expect(feed.updated).toBe('2026-12-02T00:00:00.000Z');
    expect(feed.entries?.map((e) => [e.id, e.updated, e.published, e.authors?.[0]?.name, e.links?.[0]?.href])).toEqual([
      [`urn:uuid:${B}`, '2026-12-02T00:00:00.000Z', '2026-12-01T05:00:00.000Z', 'Công an tỉnh', `${BASE}/feeds/statements/${B}`],
      [`urn:uuid:${A}`, '2026-12-01T04:00:00.000Z', '2026-12-01T04:00:00.000Z', 'Công an tỉnh', `${BASE}/feeds/statements/${A}`],
    ]);
    const reviewed = feed.entries![1]!;
    expect(reviewed.categories).toContainEqual({ term: 'ClaimReview', scheme: 'https://schema.org/', label: 'Sai sự thật' });
    expect(reviewed.content?.value).toContain(`${BASE}/feeds/statements/${A}.jsonld`);
    expect(feed.entries![0]!.content?.value).toBe('<p>Đoạn một.</p>\n<p>Đoạn hai, dòng một<br>dòng hai.</p>');
  });

  it('carries hostile text as escaped text: the document stays well-formed and no markup gets through', () => {
    const xml = statementsAtom(BASE, new Date('2026-12-02T00:00:00Z'), [
      statement(A, '2026-12-01T04:00:00Z', { title: HOSTILE, body: `${HOSTILE} thân bài đủ dài`, agency_name: `Cơ quan ${HOSTILE}` }),
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const entry = parseAtomFeed(xml).entries![0]!;
    expect(entry.title?.value).not.toContain('<script>');
    expect(entry.content?.value).not.toContain('<script>');
    expect(entry.content?.value).toContain('&lt;script&gt;');
    expect(entry.authors?.[0]?.name).toContain('Cơ quan');
  });

  it('has a fixed updated time while nothing was ever published', () => {
    const feed = parseAtomFeed(statementsAtom(BASE, null, []));
    expect(feed.updated).toBe('1970-01-01T00:00:00.000Z');
    expect(feed.entries ?? []).toEqual([]);
  });
});

describe(renderStatementPage.name, () => {
  it('embeds the ClaimReview JSON-LD so that no text can close its script element', () => {
    const page = renderStatementPage(
      BASE,
      statement(A, '2026-12-01T04:00:00Z', {
        title: HOSTILE,
        claim_review: {
          claim: `Tin giả </script><script>alert(1)</script>`,
          appearanceUrl: 'https://facebook.com/trang/posts/1',
          firstAppearedOn: '2026-11-30',
          rating: 'FALSE',
        },
      }),
    );
    const scripts = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const jsonLd = JSON.parse(scripts[0]![1]!) as { claimReviewed: string; url: string };
    expect(jsonLd.claimReviewed).toBe('Tin giả </script><script>alert(1)</script>');
    expect(jsonLd.url).toBe(`${BASE}/feeds/statements/${A}`);
    expect(page).not.toContain("<script>alert('x')</script>");
  });

  it('has no JSON-LD for a statement that answers no claim', () => {
    expect(renderStatementPage(BASE, statement(A, '2026-12-01T04:00:00Z'))).not.toContain('application/ld+json');
  });
});
