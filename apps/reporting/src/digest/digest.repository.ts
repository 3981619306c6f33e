import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DigestMatchDto, FeedFormat } from '@phoi-hop/contracts';
import { queryRows, type DueWorkOptions } from '@phoi-hop/persistence';
import type { MatchedEntry } from './digest.rules';

export interface FeedRow {
  id: string;
  name: string;
  url: string;
  enabled: boolean;
  poll_interval_minutes: number;
  created_at: Date;
  created_by: string;
  next_poll_at: Date;
  etag: string | null;
  last_modified: string | null;
  format: FeedFormat | null;
  last_polled_at: Date | null;
  last_success_at: Date | null;
  last_error_at: Date | null;
  last_error: string | null;
  consecutive_failures: number;
  last_item_count: number;
  matched_item_count: number;
}

/** How long a feed waits when it could not be polled for a reason of ours (the directory did not answer). */
const RETRY_AFTER_OWN_FAILURE = "interval '1 minute'";

/**
 * The statements of the feed poller: a due feed's row is claimed with SKIP LOCKED ($1, the batch
 * room left, and $2, the feeds already taken this tick); the poll itself writes the next poll time.
 */
export function feedPollerStatements(): Pick<DueWorkOptions<FeedRow>, 'name' | 'claimSql' | 'doneSql' | 'failedSql'> {
  return {
    name: 'digest_feed',
    claimSql: `SELECT * FROM digest_feed
                WHERE enabled AND next_poll_at <= now() AND $1::int > 0 AND NOT (id = ANY($2::uuid[]))
                ORDER BY next_poll_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    // The poll itself wrote the next poll time; nothing is left to mark.
    doneSql: `SELECT $1::uuid`,
    // The feed's health is not touched: the failure was not the feed's ($2, the message, is logged by onError).
    failedSql: `UPDATE digest_feed SET next_poll_at = now() + ${RETRY_AFTER_OWN_FAILURE} WHERE id = $1 AND $2::text IS NOT NULL`,
  };
}

export interface ItemRow {
  id: string;
  feed_id: string;
  feed_name: string;
  canonical_url: string;
  link: string;
  title: string;
  excerpt: string;
  published_at: Date | null;
  first_seen_at: Date;
  matches: DigestMatchDto[];
  reported_case_id: string | null;
  reported_report_id: string | null;
  reported_at: Date | null;
  reported_by: string | null;
}

/** What polling a feed changed, written with the feed's row still locked. */
export type PollOutcome =
  | { kind: 'NOT_MODIFIED' }
  | { kind: 'FETCHED'; etag: string | null; lastModified: string | null; format: FeedFormat; entryCount: number }
  | { kind: 'FAILED'; error: string; retryInMs: number };

const FEED_COLUMNS = `id, name, url, enabled, poll_interval_minutes, created_at, created_by, next_poll_at, etag, last_modified, format,
  last_polled_at, last_success_at, last_error_at, last_error, consecutive_failures, last_item_count, matched_item_count`;
const ITEM_COLUMNS = `i.id, i.feed_id, f.name AS feed_name, i.canonical_url, i.link, i.title, i.excerpt, i.published_at, i.first_seen_at, i.matches,
  i.reported_case_id, i.reported_report_id, i.reported_at, i.reported_by`;

/** The digest's statements: feeds, keywords and items. */
@Injectable()
export class DigestRepository {
  constructor(private readonly dataSource: DataSource) {}

  listFeeds(): Promise<FeedRow[]> {
    return queryRows<FeedRow>(this.dataSource.manager, `SELECT ${FEED_COLUMNS} FROM digest_feed ORDER BY name, id`);
  }

  async feed(manager: EntityManager, id: string, forUpdate = false): Promise<FeedRow | null> {
    const [row] = await queryRows<FeedRow>(manager, `SELECT ${FEED_COLUMNS} FROM digest_feed WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row ?? null;
  }

  async feedWithUrl(manager: EntityManager, url: string): Promise<FeedRow | null> {
    const [row] = await queryRows<FeedRow>(manager, `SELECT ${FEED_COLUMNS} FROM digest_feed WHERE url = $1`, [url]);
    return row ?? null;
  }

  async addFeed(manager: EntityManager, feed: { name: string; url: string; pollIntervalMinutes: number; by: string }): Promise<string> {
    const id = randomUUID();
    await manager.query(`INSERT INTO digest_feed (id, name, url, poll_interval_minutes, created_by) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      feed.name,
      feed.url,
      feed.pollIntervalMinutes,
      feed.by,
    ]);
    return id;
  }

  /** A new address starts afresh: no validators, no failures, polled at once. */
  async updateFeed(
    manager: EntityManager,
    id: string,
    change: { name: string; url: string; pollIntervalMinutes: number; enabled: boolean; urlChanged: boolean },
  ) {
    await manager.query(
      `UPDATE digest_feed SET name = $2, url = $3, poll_interval_minutes = $4, enabled = $5, updated_at = now(),
              etag = CASE WHEN $6 THEN NULL ELSE etag END, last_modified = CASE WHEN $6 THEN NULL ELSE last_modified END,
              consecutive_failures = CASE WHEN $6 THEN 0 ELSE consecutive_failures END,
              next_poll_at = CASE WHEN $6 OR ($5 AND NOT enabled) THEN now() ELSE next_poll_at END
        WHERE id = $1`,
      [id, change.name, change.url, change.pollIntervalMinutes, change.enabled, change.urlChanged],
    );
  }

  /** Records a poll's outcome on the locked feed row, and when to poll it next. */
  async recordPoll(manager: EntityManager, feed: FeedRow, outcome: PollOutcome, matched: number): Promise<void> {
    const interval = `${feed.poll_interval_minutes} minutes`;
    if (outcome.kind === 'FAILED') {
      await manager.query(
        `UPDATE digest_feed SET last_polled_at = now(), last_error_at = now(), last_error = $2, consecutive_failures = consecutive_failures + 1,
                next_poll_at = now() + make_interval(secs => $3::float8 / 1000) WHERE id = $1`,
        [feed.id, outcome.error.slice(0, 1000), outcome.retryInMs],
      );
      return;
    }
    if (outcome.kind === 'NOT_MODIFIED') {
      await manager.query(
        `UPDATE digest_feed SET last_polled_at = now(), last_success_at = now(), consecutive_failures = 0, next_poll_at = now() + $2::interval WHERE id = $1`,
        [feed.id, interval],
      );
      return;
    }
    await manager.query(
      `UPDATE digest_feed SET last_polled_at = now(), last_success_at = now(), consecutive_failures = 0, next_poll_at = now() + $2::interval,
              etag = $3, last_modified = $4, format = $5, last_item_count = $6, matched_item_count = matched_item_count + $7 WHERE id = $1`,
      [feed.id, interval, outcome.etag, outcome.lastModified, outcome.format, outcome.entryCount, matched],
    );
  }

  /** Inserts the items whose canonical URL is new (from any feed); returns how many were. */
  async insertItems(manager: EntityManager, feedId: string, items: readonly (MatchedEntry & { day: string })[]): Promise<number> {
    if (!items.length) return 0;
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO digest_item (id, content_key, canonical_url, feed_id, link, title, excerpt, published_at, day, matches)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::date[], $10::jsonb[])
       ON CONFLICT (content_key) DO NOTHING RETURNING id`,
      [
        items.map(() => randomUUID()),
        items.map((i) => i.contentKey),
        items.map((i) => i.canonicalUrl),
        items.map(() => feedId),
        items.map((i) => i.link),
        items.map((i) => i.title),
        items.map((i) => i.excerpt),
        items.map((i) => i.publishedAt?.toISOString() ?? null),
        items.map((i) => i.day),
        items.map((i) => JSON.stringify(i.matches)),
      ],
    );
    return rows.length;
  }

  async keywords(manager: EntityManager = this.dataSource.manager): Promise<{ keywords: string[]; updated_at: Date } | null> {
    const [row] = await queryRows<{ keywords: string[]; updated_at: Date }>(manager, `SELECT keywords, updated_at FROM digest_keywords WHERE id = 1`);
    return row ?? null;
  }

  async setKeywords(manager: EntityManager, keywords: readonly string[], by: string): Promise<void> {
    await manager.query(
      `INSERT INTO digest_keywords (id, keywords, updated_by) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET keywords = EXCLUDED.keywords, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [keywords, by],
    );
  }

  itemsOfDay(day: string): Promise<ItemRow[]> {
    return queryRows<ItemRow>(
      this.dataSource.manager,
      `SELECT ${ITEM_COLUMNS} FROM digest_item i JOIN digest_feed f ON f.id = i.feed_id WHERE i.day = $1 ORDER BY coalesce(i.published_at, i.first_seen_at) DESC, i.id`,
      [day],
    );
  }

  async item(manager: EntityManager, id: string, forUpdate = false): Promise<ItemRow | null> {
    const [row] = await queryRows<ItemRow>(
      manager,
      `SELECT ${ITEM_COLUMNS} FROM digest_item i JOIN digest_feed f ON f.id = i.feed_id WHERE i.id = $1${forUpdate ? ' FOR UPDATE OF i' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async markReported(manager: EntityManager, id: string, report: { caseId: string; reportId: string; by: string }): Promise<void> {
    await manager.query(`UPDATE digest_item SET reported_case_id = $2, reported_report_id = $3, reported_at = now(), reported_by = $4 WHERE id = $1`, [
      id,
      report.caseId,
      report.reportId,
      report.by,
    ]);
  }
}
