import { DomainError, ErrorCodes } from '@phoi-hop/contracts';
import { escapeHtml } from './statement-feed';

/**
 * RFC 5005 (Feed Paging and Archiving, §3 paged feeds) for the statements feed: the feed's address
 * is its first page, the newest entries; each page links `rel="next"` to the page of the entries
 * published before its last one. The cursor is that position (publication time to the microsecond
 * Postgres keeps, and id), so a page's address names the same entries however many statements are
 * published after it was handed out.
 */
export interface FeedPosition {
  /** Publication instant as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (microseconds: the database's precision). */
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;
const badPage = (message: string, field = 'before') => new DomainError(ErrorCodes.BAD_USER_INPUT, message, field);

export function encodeFeedCursor(position: FeedPosition): string {
  return Buffer.from(`${position.at}|${position.id}`, 'utf8').toString('base64url');
}

/** The position a `before` cursor names; BAD_USER_INPUT (field `before`) for anything the feed did not hand out. */
export function decodeFeedCursor(cursor: string): FeedPosition {
  const invalid = () => badPage('before must be a cursor taken from a rel="next" link of this feed');
  if (!CURSOR.test(cursor)) throw invalid();
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length || !at || !id || !AT.test(at) || !UUID.test(id) || Number.isNaN(Date.parse(at))) throw invalid();
  if (new Date(at).toISOString().slice(0, 23) !== at.slice(0, 23)) throw invalid();
  return { at, id };
}

/**
 * The page a request's query asks for: the first (no `before`) or the one before a cursor. Other
 * parameters are left alone (caches add their own); `page` is refused with the way to page instead.
 */
export function feedPageOf(query: Record<string, unknown>): FeedPosition | null {
  if (query['page'] !== undefined) throw badPage('This feed is paged by cursor: follow its rel="next" link (?before=…), not ?page=', 'page');
  const before = query['before'];
  if (before === undefined) return null;
  if (typeof before !== 'string') throw badPage('before must be given once: the cursor of one rel="next" link');
  return decodeFeedCursor(before);
}

/** The page's address: the feed's own for the first page. */
export function feedPageUrl(feedUrl: string, before: FeedPosition | null): string {
  return before ? `${feedUrl}?before=${encodeFeedCursor(before)}` : feedUrl;
}

/**
 * The feed document with its paging links (`first`, and `next` when older entries remain) put
 * beside its `self` link: the Atom library writes only `self` and `alternate`.
 */
export function withPagingLinks(xml: string, feedUrl: string, next: FeedPosition | null): string {
  const links = [`<link rel="first" href="${escapeHtml(feedUrl)}"/>`, ...(next ? [`<link rel="next" href="${escapeHtml(feedPageUrl(feedUrl, next))}"/>`] : [])];
  const self = /^(\s*)<link rel="self" href="[^"]*"\/>$/m.exec(xml);
  if (!self) throw new Error('The Atom document has no self link to put the paging links beside');
  const at = self.index + self[0].length;
  return `${xml.slice(0, at)}${links.map((link) => `\n${self[1]!.replace(/^\n/, '')}${link}`).join('')}${xml.slice(at)}`;
}
