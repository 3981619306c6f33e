import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCodes,
  provinceDay,
  type Actor,
  type AddDigestFeedRequest,
  type DailyDigestDto,
  type DailyDigestRequest,
  type DigestFeedDto,
  type DigestItemDto,
  type DigestKeywordsDto,
  type DisableDigestFeedRequest,
  type ReportDigestItemRequest,
  type ReportDigestItemResponse,
  type SetDigestKeywordsRequest,
  type UpdateDigestFeedRequest,
} from '@phoi-hop/contracts';
import { RpcCallError } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { FetchRefusedError, FetchUnavailableError, fetchFollowingRedirects } from '@phoi-hop/safe-fetch';
import { DigestError } from './digest.errors';
import { DigestIntake, LocalityTerms } from './digest.ports';
import { DigestRepository, type FeedRow, type ItemRow, type PollOutcome } from './digest.repository';
import { backoffDelayMs, checkFeedUrl, digestDayOf, feedHealthStatus, groupDigest, matchEntries, normaliseKeywords, type DigestTerm } from './digest.rules';
import { DEFAULT_POLL_MINUTES, DIGEST_SETTINGS, DIGEST_USER_AGENT, type DigestSettings } from './digest.settings';
import { FeedParseError, parseFeedDocument } from './feed.parser';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1';

/**
 * Đ6.1 daily media digest: the lead agency's feeds and keywords, the polling of each feed
 * (conditional GET, back-off, health), the day's matching items, and an item turned into a report.
 */
@Injectable()
export class DigestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly digest: DigestRepository,
    private readonly localities: LocalityTerms,
    private readonly intake: DigestIntake,
    @Inject(DIGEST_SETTINGS) private readonly settings: DigestSettings,
  ) {}

  async listFeeds(): Promise<DigestFeedDto[]> {
    return (await this.digest.listFeeds()).map(feedDto);
  }

  async addFeed(actor: Actor, request: AddDigestFeedRequest): Promise<DigestFeedDto> {
    const url = this.feedUrl(request.url);
    return this.dataSource.transaction(async (manager) => {
      if (await this.digest.feedWithUrl(manager, url)) throw DigestError.conflict('url', 'A feed with this address is already configured');
      const name = request.name.trim();
      const pollIntervalMinutes = request.pollIntervalMinutes ?? DEFAULT_POLL_MINUTES;
      const id = await this.digest.addFeed(manager, { name, url, pollIntervalMinutes, by: actor.userId });
      await appendAudit(manager, { actor, action: 'digest.feed-added', targetType: 'digest-feed', targetId: id, summary: { name, url, pollIntervalMinutes } });
      return feedDto((await this.digest.feed(manager, id))!);
    });
  }

  async updateFeed(actor: Actor, request: UpdateDigestFeedRequest): Promise<DigestFeedDto> {
    const url = request.url === undefined ? undefined : this.feedUrl(request.url);
    return this.dataSource.transaction(async (manager) => {
      const feed = await this.digest.feed(manager, request.feedId, true);
      if (!feed) throw DigestError.notFound('feedId', 'Feed');
      if (url !== undefined && url !== feed.url && (await this.digest.feedWithUrl(manager, url)))
        throw DigestError.conflict('url', 'A feed with this address is already configured');
      const after = {
        name: request.name?.trim() ?? feed.name,
        url: url ?? feed.url,
        pollIntervalMinutes: request.pollIntervalMinutes ?? feed.poll_interval_minutes,
        enabled: request.enabled ?? feed.enabled,
      };
      await this.digest.updateFeed(manager, feed.id, { ...after, urlChanged: after.url !== feed.url });
      await appendAudit(manager, {
        actor,
        action: 'digest.feed-updated',
        targetType: 'digest-feed',
        targetId: feed.id,
        summary: { before: { name: feed.name, url: feed.url, pollIntervalMinutes: feed.poll_interval_minutes, enabled: feed.enabled }, after },
      });
      return feedDto((await this.digest.feed(manager, feed.id))!);
    });
  }

  disableFeed(actor: Actor, request: DisableDigestFeedRequest): Promise<DigestFeedDto> {
    return this.updateFeed(actor, { feedId: request.feedId, enabled: false });
  }

  async keywords(): Promise<DigestKeywordsDto> {
    const row = await this.digest.keywords();
    return { keywords: row?.keywords ?? [], updatedAt: row?.updated_at.toISOString() ?? null };
  }

  async setKeywords(actor: Actor, request: SetDigestKeywordsRequest): Promise<DigestKeywordsDto> {
    const verdict = normaliseKeywords(request.keywords);
    if (!verdict.ok) throw DigestError.badInput(verdict.field, verdict.message);
    return this.dataSource.transaction(async (manager) => {
      const before = (await this.digest.keywords(manager))?.keywords ?? [];
      await this.digest.setKeywords(manager, verdict.keywords, actor.userId);
      await appendAudit(manager, {
        actor,
        action: 'digest.keywords-set',
        targetType: 'digest-keywords',
        targetId: 'digest',
        summary: { before, after: verdict.keywords },
      });
      const row = (await this.digest.keywords(manager))!;
      return { keywords: row.keywords, updatedAt: row.updated_at.toISOString() };
    });
  }

  /** The digest of a province day: its items grouped by the term each matched first. */
  async day(request: DailyDigestRequest): Promise<DailyDigestDto> {
    const day = request.day ?? provinceDay();
    const items = (await this.digest.itemsOfDay(day)).map(itemDto);
    return { day, itemCount: items.length, groups: groupDigest(items) };
  }

  /**
   * Turns a digest item into a report of the coordinator's agency in intake, once: the item's row
   * is locked while intake is asked, and an item already reported gives its report again.
   */
  async reportItem(actor: Actor, request: ReportDigestItemRequest): Promise<ReportDigestItemResponse> {
    return this.dataSource.transaction(async (manager) => {
      const item = await this.digest.item(manager, request.itemId, true);
      if (!item) throw DigestError.notFound('itemId', 'Digest item');
      if (item.reported_case_id) return { item: itemDto(item), created: false };
      let report: { caseId: string; reportId: string };
      try {
        report = await this.intake.submitReport({
          // Đ6.1: the press review is the lead agency's monitoring channel; the source is the item's canonical address.
          channel: 'MEDIA_MONITORING',
          url: item.canonical_url,
          excerpt: [item.title, item.excerpt].filter(Boolean).join('\n\n'),
          categoryCode: request.categoryCode,
          ...((request.localityCode ?? firstLocality(item)) ? { localityCode: request.localityCode ?? firstLocality(item)! } : {}),
          ...(item.published_at ? { observedAt: item.published_at.toISOString() } : {}),
          note: `Tin từ nguồn "${item.feed_name}"`,
          clientRequestId: `digest-item:${item.id}`,
        });
      } catch (error) {
        // Intake's refusal (an unknown category, say) is the caller's input: passed on with its field.
        if (error instanceof RpcCallError && error.code !== ErrorCodes.UNAVAILABLE) throw new DigestError(error.code, error.message, error.field);
        throw error;
      }
      await this.digest.markReported(manager, item.id, { ...report, by: actor.userId });
      await appendAudit(manager, {
        actor,
        action: 'digest.item-reported',
        targetType: 'digest-item',
        targetId: item.id,
        summary: { ...report, url: item.canonical_url },
      });
      return { item: itemDto((await this.digest.item(manager, item.id))!), created: true };
    });
  }

  /** The terms items are matched against now: the localities' names, then the keywords. */
  async terms(): Promise<DigestTerm[]> {
    const [localities, keywords] = await Promise.all([this.localities.terms(), this.digest.keywords()]);
    return [...localities, ...(keywords?.keywords ?? []).map((term): DigestTerm => ({ kind: 'KEYWORD', term, localityCode: null }))];
  }

  /**
   * Polls one feed whose row the caller holds locked: a conditional GET with the stored validators
   * (304: nothing changes but the health), new matching items stored once per canonical URL, and a
   * failure (refused address, network, HTTP error, unreadable document) recorded with its back-off.
   */
  async pollFeed(manager: EntityManager, feed: FeedRow, terms: readonly DigestTerm[]): Promise<PollOutcome> {
    let outcome: PollOutcome;
    let matched = 0;
    try {
      const headers: Record<string, string> = { accept: FEED_ACCEPT };
      if (feed.etag) headers['if-none-match'] = feed.etag;
      if (feed.last_modified) headers['if-modified-since'] = feed.last_modified;
      const hops = await fetchFollowingRedirects(feed.url, {
        allowPrivateAddresses: this.settings.allowPrivateAddresses,
        timeoutMs: this.settings.fetchTimeoutMs,
        maxBytes: this.settings.maxBytes,
        maxRedirects: this.settings.maxRedirects,
        userAgent: DIGEST_USER_AGENT,
        headers,
        ...this.settings.network,
      });
      const last = hops[hops.length - 1]!;
      if (last.status === 304) {
        outcome = { kind: 'NOT_MODIFIED' };
      } else if (last.status < 200 || last.status > 299) {
        outcome = this.failed(feed, `HTTP ${last.status}${last.statusText ? ` ${last.statusText}` : ''}`);
      } else {
        const parsed = parseFeedDocument(last.body);
        const seenAt = new Date();
        const entries = matchEntries(parsed.entries, terms).map((entry) => ({ ...entry, day: digestDayOf(entry.publishedAt, seenAt) }));
        matched = await this.digest.insertItems(manager, feed.id, entries);
        const header = (name: string) => last.responseHeaders.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
        outcome = { kind: 'FETCHED', etag: header('etag'), lastModified: header('last-modified'), format: parsed.format, entryCount: parsed.entries.length };
      }
    } catch (error) {
      if (!(error instanceof FetchRefusedError || error instanceof FetchUnavailableError || error instanceof FeedParseError)) throw error;
      outcome = this.failed(feed, error.message);
    }
    await this.digest.recordPoll(manager, feed, outcome, matched);
    return outcome;
  }

  private failed(feed: FeedRow, error: string): PollOutcome {
    return { kind: 'FAILED', error, retryInMs: backoffDelayMs(feed.consecutive_failures + 1, feed.poll_interval_minutes * 60_000) };
  }

  private feedUrl(raw: string): string {
    const verdict = checkFeedUrl(raw, this.settings.allowPrivateAddresses);
    if (!verdict.ok) throw DigestError.badInput('url', verdict.message);
    return verdict.url;
  }
}

function firstLocality(item: ItemRow): string | undefined {
  return item.matches.find((m) => m.kind === 'LOCALITY')?.localityCode ?? undefined;
}

export function feedDto(row: FeedRow): DigestFeedDto {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    enabled: row.enabled,
    pollIntervalMinutes: row.poll_interval_minutes,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    health: {
      status: feedHealthStatus({ enabled: row.enabled, lastPolledAt: row.last_polled_at, consecutiveFailures: row.consecutive_failures }),
      lastPolledAt: row.last_polled_at?.toISOString() ?? null,
      lastSuccessAt: row.last_success_at?.toISOString() ?? null,
      lastErrorAt: row.last_error_at?.toISOString() ?? null,
      lastError: row.last_error,
      consecutiveFailures: row.consecutive_failures,
      nextPollAt: row.enabled ? row.next_poll_at.toISOString() : null,
      lastItemCount: row.last_item_count,
      matchedItemCount: row.matched_item_count,
      format: row.format,
    },
  };
}

export function itemDto(row: ItemRow): DigestItemDto {
  return {
    id: row.id,
    feedId: row.feed_id,
    feedName: row.feed_name,
    title: row.title,
    link: row.link,
    canonicalUrl: row.canonical_url,
    publishedAt: row.published_at?.toISOString() ?? null,
    firstSeenAt: row.first_seen_at.toISOString(),
    excerpt: row.excerpt,
    matches: row.matches,
    reported: row.reported_case_id
      ? { caseId: row.reported_case_id, reportId: row.reported_report_id!, reportedAt: row.reported_at!.toISOString(), reportedBy: row.reported_by! }
      : null,
  };
}
