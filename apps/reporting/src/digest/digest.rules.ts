import {
  DIGEST_KEYWORD_MAX_LENGTH,
  canonicalizeUrl,
  contentKeyOf,
  foldForMatching,
  provinceDay,
  type DigestGroupDto,
  type DigestItemDto,
  type DigestMatchDto,
  type FeedHealthStatus,
} from '@phoi-hop/contracts';
import { judgeUrl } from '@phoi-hop/safe-fetch';

/**
 * Đ6.1 daily media digest, as pure rules: Vietnamese-aware matching of news items against the
 * lead agency's keywords and the province's locality names, deduplication by canonical URL, the
 * back-off of a failing feed, the day an item belongs to, and the grouping of a day's items.
 */

/** A term the digest matches: a keyword, or a locality's name with its code. */
export interface DigestTerm {
  kind: 'KEYWORD' | 'LOCALITY';
  term: string;
  localityCode: string | null;
}

/** One entry of a parsed feed, before matching. */
export interface FeedEntry {
  title: string;
  link: string | null;
  summary: string;
  publishedAt: Date | null;
}

/** An entry that matched at least one term, with its canonical URL: what is stored as a digest item. */
export interface MatchedEntry {
  title: string;
  link: string;
  canonicalUrl: string;
  contentKey: string;
  excerpt: string;
  publishedAt: Date | null;
  matches: DigestMatchDto[];
}

/** Text folded for matching: lower case, no diacritics (đ → d), NFC/NFD alike, punctuation as spaces. */
export function foldText(text: string): string {
  return foldForMatching(text);
}

/**
 * Whether `term` occurs in `text` as whole words after folding both: "lu lut" matches "Lũ lụt
 * ở Lệ Thủy", "Đồng Hới" matches "dong hoi"; "hoi" does not match "hoinghi".
 */
export function containsTerm(text: string, term: string): boolean {
  const needle = foldText(term);
  if (!needle) return false;
  return ` ${foldText(text)} `.includes(` ${needle} `);
}

/** The terms an entry's title and summary match, in the order of `terms` (localities first, then keywords). */
export function matchTerms(text: string, terms: readonly DigestTerm[]): DigestMatchDto[] {
  const haystack = ` ${foldText(text)} `;
  const matched: DigestMatchDto[] = [];
  const seen = new Set<string>();
  for (const term of orderTerms(terms)) {
    const needle = foldText(term.term);
    const key = `${term.kind}:${needle}`;
    if (!needle || seen.has(key) || !haystack.includes(` ${needle} `)) continue;
    seen.add(key);
    matched.push({ kind: term.kind, term: term.term, localityCode: term.localityCode });
  }
  return matched;
}

function orderTerms(terms: readonly DigestTerm[]): DigestTerm[] {
  return [...terms.filter((t) => t.kind === 'LOCALITY'), ...terms.filter((t) => t.kind === 'KEYWORD')];
}

/** The administrative prefixes of a locality's official name, which news items mostly leave out. */
const ADMINISTRATIVE_PREFIXES = ['thanh pho', 'thi xa', 'thi tran', 'huyen', 'quan', 'phuong', 'xa', 'tinh', 'tp', 'tx'];

/**
 * The name a locality is matched by: its official name without the administrative prefix
 * ("Thành phố Đồng Hới" → "Đồng Hới", "Huyện Lệ Thủy" → "Lệ Thủy"), as news items write it.
 */
export function localityMatchName(officialName: string): string {
  const name = officialName.normalize('NFC').trim().replace(/\s+/g, ' ');
  const words = name.split(' ');
  for (const prefix of ADMINISTRATIVE_PREFIXES) {
    const length = prefix.split(' ').length;
    if (words.length > length && foldText(words.slice(0, length).join(' ')) === prefix)
      return words
        .slice(length)
        .join(' ')
        .replace(/^\.\s*/, '');
  }
  return name;
}

export type KeywordsVerdict = { ok: true; keywords: string[] } | { ok: false; field: string; message: string };

/**
 * The keywords as stored: trimmed, inner spaces collapsed, at least two letters or digits each,
 * and no two that fold alike ("lũ lụt" and "Lu lut" are one keyword: the first is kept).
 */
export function normaliseKeywords(raw: readonly string[]): KeywordsVerdict {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [index, value] of raw.entries()) {
    const keyword = value.normalize('NFC').trim().replace(/\s+/g, ' ');
    const folded = foldText(keyword);
    if (folded.replace(/\s/g, '').length < 2) return { ok: false, field: `keywords.${index}`, message: 'A keyword needs at least two letters or digits' };
    if (keyword.length > DIGEST_KEYWORD_MAX_LENGTH)
      return { ok: false, field: `keywords.${index}`, message: `A keyword is at most ${DIGEST_KEYWORD_MAX_LENGTH} characters` };
    if (seen.has(folded)) continue;
    seen.add(folded);
    out.push(keyword);
  }
  return { ok: true, keywords: out };
}

export type FeedUrlVerdict = { ok: true; url: string } | { ok: false; message: string };

/**
 * Whether a feed address may be configured: an http(s) URL on the web's ports, no credentials,
 * not a literal private or loopback address (names are judged again after DNS on every fetch).
 */
export function checkFeedUrl(raw: string, allowPrivateAddresses: boolean): FeedUrlVerdict {
  const trimmed = raw.trim();
  const verdict = judgeUrl(trimmed, allowPrivateAddresses);
  if (!verdict.allowed) return { ok: false, message: `This feed address is not allowed: ${verdict.reason}` };
  if (!verdict.url.hostname.includes('.') && !allowPrivateAddresses)
    return { ok: false, message: 'This feed address is not allowed: the host is not a public name' };
  return { ok: true, url: verdict.url.toString() };
}

/** Longest wait after failures, so a feed that comes back is seen again within hours. */
export const BACKOFF_CAP_MS = 6 * 3_600_000;

/**
 * When a feed that failed `consecutiveFailures` times in a row (≥ 1) is tried again: its poll
 * interval doubled for each failure after the first, never more than BACKOFF_CAP_MS.
 */
export function backoffDelayMs(consecutiveFailures: number, intervalMs: number, capMs = BACKOFF_CAP_MS): number {
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
  return Math.min(intervalMs * 2 ** exponent, Math.max(capMs, intervalMs));
}

/** A feed's health from its stored state. */
export function feedHealthStatus(feed: { enabled: boolean; lastPolledAt: Date | null; consecutiveFailures: number }): FeedHealthStatus {
  if (!feed.enabled) return 'DISABLED';
  if (feed.consecutiveFailures > 0) return 'FAILING';
  return feed.lastPolledAt ? 'HEALTHY' : 'PENDING';
}

/** Longest excerpt kept of an entry's summary. */
export const EXCERPT_MAX = 600;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of an entry's summary (feeds carry HTML): tags dropped, entities decoded, spaces collapsed, cut at a word. */
export function excerptOf(html: string, max = EXCERPT_MAX): string {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The entries of one feed document that match a term, each canonical URL once (the first entry
 * wins); entries without a usable link cannot be reported or deduplicated and are left out.
 */
export function matchEntries(entries: readonly FeedEntry[], terms: readonly DigestTerm[]): MatchedEntry[] {
  const out: MatchedEntry[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!entry.link) continue;
    const canonical = canonicalizeUrl(entry.link);
    if (!canonical.ok) continue;
    const contentKey = contentKeyOf(canonical.url);
    if (seen.has(contentKey)) continue;
    const title = entry.title.normalize('NFC').replace(/\s+/g, ' ').trim();
    const excerpt = excerptOf(entry.summary);
    const matches = matchTerms(`${title} ${excerpt}`, terms);
    if (!matches.length) continue;
    seen.add(contentKey);
    out.push({
      title: title || canonical.url,
      link: entry.link.trim(),
      canonicalUrl: canonical.url,
      contentKey,
      excerpt,
      publishedAt: entry.publishedAt,
      matches,
    });
  }
  return out;
}

/**
 * The province day an item belongs to: the day it was published, unless it claims to be
 * published after it was first seen (a wrong clock) or has no date: then the day it was seen.
 */
export function digestDayOf(publishedAt: Date | null, firstSeenAt: Date): string {
  if (!publishedAt || Number.isNaN(publishedAt.getTime()) || publishedAt.getTime() > firstSeenAt.getTime()) return provinceDay(firstSeenAt);
  return provinceDay(publishedAt);
}

/**
 * A day's items under the term each matched first (localities before keywords, as matched), so
 * each item appears once; groups in the order localities then keywords, by name; items newest first.
 */
export function groupDigest(items: readonly DigestItemDto[]): DigestGroupDto[] {
  const groups = new Map<string, DigestGroupDto>();
  for (const item of items) {
    const first = item.matches[0];
    if (!first) continue;
    const key = `${first.kind}:${foldText(first.term)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind: first.kind, term: first.term, localityCode: first.localityCode, items: [] }));
    group.items.push(item);
  }
  const at = (item: DigestItemDto) => Date.parse(item.publishedAt ?? item.firstSeenAt);
  for (const group of groups.values()) group.items.sort((a, b) => at(b) - at(a) || a.id.localeCompare(b.id));
  return [...groups.values()].sort((a, b) => (a.kind === b.kind ? a.term.localeCompare(b.term, 'vi') : a.kind === 'LOCALITY' ? -1 : 1));
}

/** "dd/mm/yyyy" of a day YYYY-MM-DD, as the digest's title writes it. */
export function vietnameseDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}
