import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PRESS_PUBLIC_BASE } from '../common/public-base';

import { renderStatementPage, statementsAtom } from './statement-feed';
import { encodeFeedCursor, feedPageUrl, withPagingLinks, type FeedPosition } from './statement-feed-page';
import { statementJsonLd, statementUrls } from './statement.mapper';
import { STATEMENT_FEED_SETTINGS, type StatementFeedSettings } from './statement-feed.settings';
import { StatementRepository } from './statement.repository';

/** Pages rendered at one version of the feed that are kept for conditional GETs (the first and the most asked). */
const CACHED_PAGES = 32;

export interface RenderedFeed {
  xml: string;
  /** A strong validator: the digest of the document served. */
  etag: string;
  /** The feed's last change (publication, correction or withdrawal); null before anything was published. */
  lastModified: Date | null;
}

const versionKey = (v: { updatedAt: Date | null; entries: number }) => `${v.updatedAt?.toISOString() ?? '-'}|${v.entries}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the public reads of the statements, without an account: the Atom feed for the provincial
 * portal and the press organs, each statement's page, and its ClaimReview JSON-LD. Only statements
 * in the feed (PUBLISHED, CORRECTED) are served; drafts and withdrawn ones are "not found".
 */
@Injectable()
export class StatementFeedService {
  /** The pages rendered at the feed's last version, by cursor ('' for the first page). */
  private cached: { version: string; pages: Map<string, RenderedFeed> } = { version: '', pages: new Map() };

  constructor(
    private readonly dataSource: DataSource,
    private readonly statements: StatementRepository,
    @Inject(PRESS_PUBLIC_BASE) private readonly base: string,
    @Inject(STATEMENT_FEED_SETTINGS) private readonly settings: StatementFeedSettings,
  ) {}

  /**
   * A page of the feed: the newest entries, or those published before `before` (a cursor of a
   * rel="next" link). Rendered again only when the feed's version moved (rendering 100 entries
   * takes tens of milliseconds; asking for the version is one indexed query), so conditional GETs
   * stay cheap. Its Last-Modified is the feed's: any change of the feed may change any page.
   */
  async atom(before: FeedPosition | null = null): Promise<RenderedFeed> {
    const key = before ? encodeFeedCursor(before) : '';
    const version = versionKey(await this.statements.feedVersion(this.dataSource.manager));
    if (this.cached.version === version) {
      const hit = this.cached.pages.get(key);
      if (hit) return hit;
    }
    // One snapshot: the entries and the feed's time must agree.
    const rendered = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const current = await this.statements.feedVersion(manager);
      // One more than a page: whether an older page exists.
      const found = await this.statements.feedEntries(manager, this.settings.pageSize + 1, before);
      const entries = found.slice(0, this.settings.pageSize);
      const last = entries.at(-1);
      const next = found.length > entries.length && last ? { at: last.feed_at, id: last.id } : null;
      const revisions = await this.statements.revisionsOf(
        manager,
        entries.map((e) => e.id),
      );
      const feedUrl = statementUrls(this.base).feed;
      const xml = withPagingLinks(
        statementsAtom(
          this.base,
          current.updatedAt,
          entries.map((row) => ({ row, revisions: revisions.get(row.id) ?? [] })),
          feedPageUrl(feedUrl, before),
        ),
        feedUrl,
        next,
      );
      const feed: RenderedFeed = { xml, etag: `"${createHash('sha256').update(xml).digest('base64url')}"`, lastModified: current.updatedAt };
      return { version: versionKey(current), feed };
    });
    if (this.cached.version !== rendered.version) this.cached = { version: rendered.version, pages: new Map() };
    const evicted = this.cached.pages.size >= CACHED_PAGES ? [...this.cached.pages.keys()].find((page) => page !== '') : undefined;
    if (evicted !== undefined) this.cached.pages.delete(evicted);
    this.cached.pages.set(key, rendered.feed);
    return rendered.feed;
  }

  /** The ClaimReview of a statement in the feed, or null (unknown, not public, or no claim answered). */
  async jsonLd(id: string): Promise<Record<string, unknown> | null> {
    if (!UUID.test(id)) return null;
    const row = await this.statements.findPublic(this.dataSource.manager, id);
    return row ? statementJsonLd(row, this.base) : null;
  }

  /** The statement's public page (plain HTML with its JSON-LD), or null. */
  async page(id: string): Promise<string | null> {
    if (!UUID.test(id)) return null;
    const row = await this.statements.findPublic(this.dataSource.manager, id);
    if (!row) return null;
    const revisions = (await this.statements.revisionsOf(this.dataSource.manager, [id])).get(id) ?? [];
    return renderStatementPage(this.base, { row, revisions });
  }
}
