import { parseFeed } from 'feedsmith';
import type { FeedFormat } from '@phoi-hop/contracts';
import type { FeedEntry } from './digest.rules';

/** The document is no feed feedsmith can read (malformed XML, HTML, an unknown JSON). */
export class FeedParseError extends Error {}

export interface ParsedFeed {
  format: FeedFormat;
  entries: FeedEntry[];
}

const FORMATS: Record<string, FeedFormat> = { rss: 'RSS', atom: 'ATOM', rdf: 'RDF', json: 'JSON_FEED' };

type Text = string | { value?: string } | undefined;
const text = (value: Text): string => (typeof value === 'string' ? value : (value?.value ?? ''));

function date(value: unknown): Date | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/**
 * The entries of an RSS (0.9x–2.0), RDF (RSS 1.0), Atom or JSON Feed document, parsed with
 * feedsmith and reduced to what the digest needs: title, link, summary and publication time.
 */
export function parseFeedDocument(body: Buffer): ParsedFeed {
  const raw = body.toString('utf8').replace(/^\uFEFF/, '');
  let input: unknown = raw;
  if (/^\s*\{/.test(raw)) {
    try {
      input = JSON.parse(raw);
    } catch {
      throw new FeedParseError('The document is not valid JSON');
    }
  }
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(input as string);
  } catch (error) {
    throw new FeedParseError(`The document is not a feed: ${(error as Error).message}`);
  }
  const format = FORMATS[parsed.format];
  if (!format) throw new FeedParseError(`Unsupported feed format ${parsed.format}`);
  return { format, entries: entriesOf(parsed) };
}

function entriesOf(parsed: ReturnType<typeof parseFeed>): FeedEntry[] {
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((item) => ({
        title: text(item.title),
        link: item.link ?? (item.guid?.isPermaLink !== false && /^https?:/i.test(item.guid?.value ?? '') ? item.guid!.value! : null),
        summary: text(item.description) || text(item.content?.encoded),
        publishedAt: date(item.pubDate) ?? date(item.dc?.dates?.[0]),
      }));
    case 'rdf':
      return (parsed.feed.items ?? []).map((item) => ({
        title: text(item.title),
        link: item.link ?? null,
        summary: text(item.description),
        publishedAt: date(item.dc?.dates?.[0]),
      }));
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) => {
        const links = entry.links ?? [];
        const link = links.find((l) => !l.rel || l.rel === 'alternate')?.href ?? links[0]?.href ?? null;
        return {
          title: text(entry.title),
          link,
          summary: text(entry.summary) || text(entry.content),
          publishedAt: date(entry.published) ?? date(entry.updated),
        };
      });
    case 'json':
      return (parsed.feed.items ?? []).map((item) => ({
        title: item.title ?? '',
        link: item.url ?? item.external_url ?? null,
        summary: item.summary ?? item.content_text ?? item.content_html ?? '',
        publishedAt: date(item.date_published) ?? date(item.date_modified),
      }));
    default:
      return [];
  }
}
