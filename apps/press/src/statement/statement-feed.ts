import { Feed } from 'feed';
import { CLAIM_RATING_LABELS, provinceDay } from '@phoi-hop/contracts';
import { statementJsonLd, statementUrls } from './statement.mapper';
import type { LoadedStatement } from './statement.repository';

/** Characters XML 1.0 cannot carry (C0 controls but tab, newline, return; lone surrogates; U+FFFE/F): shown as U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an XML text node (the feed library escapes markup): only what XML cannot carry is replaced. */
function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** Text as HTML: escaped, so that no statement can inject markup into the feed or the page. */
export function escapeHtml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Paragraphs (blank-line separated) as <p> elements, line breaks kept. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** The body of a statement as HTML, with its claim review and its latest correction note. */
export function statementHtml(base: string, { row, revisions }: LoadedStatement): string {
  const parts = [paragraphs(row.body)];
  if (row.claim_review) {
    const rating = CLAIM_RATING_LABELS[row.claim_review.rating].vi;
    parts.push(
      `<p>Thông tin được xem xét: “${escapeHtml(row.claim_review.claim)}” (xuất hiện tại <a href="${escapeHtml(row.claim_review.appearanceUrl)}">${escapeHtml(
        row.claim_review.appearanceUrl,
      )}</a>). Kết luận: <strong>${escapeHtml(rating)}</strong>. <a href="${statementUrls(base).jsonLd(row.id)}" type="application/ld+json">ClaimReview (JSON-LD)</a></p>`,
    );
  }
  const latest = revisions.at(-1);
  if (latest?.note) parts.push(`<p><em>Đính chính ngày ${provinceDay(latest.published_at)}: ${escapeHtml(latest.note)}</em></p>`);
  return parts.join('\n');
}

/**
 * The Atom 1.0 feed of statements: entries newest first publication first (ties by id), so that a
 * correction updates an entry's <updated> without moving it; ids are `urn:uuid:<statement id>`,
 * stable whatever the feed's address; the author of each entry is the agency, by its name at
 * publication. A statement answering a claim carries its rating in a schema.org category and links
 * to its ClaimReview JSON-LD; its page (the entry's link) embeds the same JSON-LD.
 */
export function statementsAtom(base: string, updated: Date | null, entries: LoadedStatement[], self: string = statementUrls(base).feed): string {
  const urls = statementUrls(base);
  const feed = new Feed({
    id: urls.feed,
    title: 'Thông cáo, đính chính của các cơ quan tỉnh Quảng Bình',
    description: 'Thông tin chính thức làm rõ các thông tin sai sự thật, do người phát ngôn của các cơ quan công bố',
    link: urls.feed,
    // Every page of the feed is the same feed (one id), each with its own address as self (RFC 5005 §3).
    feedLinks: { atom: self },
    language: 'vi',
    // Before anything is published the feed never changed: a fixed time keeps its validators stable.
    updated: updated ?? new Date(0),
    generator: 'Phối Hợp',
    author: { name: 'Phối Hợp' },
  });
  for (const loaded of entries) {
    const { row } = loaded;
    const agency = row.agency_name ?? row.agency_code;
    feed.addItem({
      id: `urn:uuid:${row.id}`,
      title: escapeHtml(row.title),
      link: urls.page(row.id),
      date: row.updated_at,
      published: row.published_at ?? row.updated_at,
      content: statementHtml(base, loaded),
      author: [{ name: xmlText(agency) }],
      category: [
        ...row.case_numbers.map((number) => ({ term: number, name: `Vụ việc ${number}` })),
        ...(row.claim_review ? [{ term: 'ClaimReview', scheme: 'https://schema.org/', name: CLAIM_RATING_LABELS[row.claim_review.rating].vi }] : []),
      ],
    });
  }
  return feed.atom1();
}

/** JSON inside a <script> element: "<" escaped, so that no text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The statement's public page: plain HTML without scripts of its own, with its ClaimReview JSON-LD. */
export function renderStatementPage(base: string, loaded: LoadedStatement): string {
  const { row } = loaded;
  const jsonLd = statementJsonLd(row, base);
  const urls = statementUrls(base);
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(row.title)}</title>
<link rel="alternate" type="application/atom+xml" href="${urls.feed}">
${jsonLd ? `<link rel="alternate" type="application/ld+json" href="${urls.jsonLd(row.id)}">\n<script type="application/ld+json">${scriptJson(jsonLd)}</script>\n` : ''}</head>
<body>
<main>
<h1>${escapeHtml(row.title)}</h1>
<p>${escapeHtml(row.agency_name ?? row.agency_code)} · công bố ngày ${row.published_at ? provinceDay(row.published_at) : ''}${
    row.revision > 1 ? ` · đính chính ngày ${provinceDay(row.updated_at)}` : ''
  }</p>
${statementHtml(base, loaded)}
</main>
</body>
</html>
`;
}
