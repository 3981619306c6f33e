import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PRESS_PUBLIC_BASE } from '../common/public-base';
import { renderStatementPage, statementsAtom } from './statement-feed';
import { statementJsonLd } from './statement.mapper';
import { StatementRepository } from './statement.repository';

/** The feed holds the newest this many statements (older ones stay on their pages). */
export const FEED_ENTRY_LIMIT = 100;

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
  /** The last feed rendered, by the version it was rendered at. */
  private cached: { version: string; feed: RenderedFeed } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly statements: StatementRepository,
    @Inject(PRESS_PUBLIC_BASE) private readonly base: string,
  ) {}

  /**
   * The feed, rendered again only when its version moved (rendering 100 entries takes tens of
   * milliseconds; asking for the version is one indexed query), so conditional GETs stay cheap.
   */
  async atom(): Promise<RenderedFeed> {
    const version = versionKey(await this.statements.feedVersion(this.dataSource.manager));
    if (this.cached?.version === version) return this.cached.feed;
    // One snapshot: the entries and the feed's time must agree.
    const rendered = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const current = await this.statements.feedVersion(manager);
      const entries = await this.statements.feedEntries(manager, FEED_ENTRY_LIMIT);
      const revisions = await this.statements.revisionsOf(
        manager,
        entries.map((e) => e.id),
      );
      const xml = statementsAtom(
        this.base,
        current.updatedAt,
        entries.map((row) => ({ row, revisions: revisions.get(row.id) ?? [] })),
      );
      const feed: RenderedFeed = { xml, etag: `"${createHash('sha256').update(xml).digest('base64url')}"`, lastModified: current.updatedAt };
      return { version: versionKey(current), feed };
    });
    this.cached = rendered;
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
