import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDay } from '../common/calendar-day';
import { REFERENCE_CODE_PATTERN } from '../common/codes';

/** Đ6.1 "điểm báo hàng ngày": the daily media digest built from the news feeds the lead agency configures. */

/** The formats a feed is parsed as (feedsmith detects which). */
export const FeedFormats = ['RSS', 'ATOM', 'RDF', 'JSON_FEED'] as const;
export type FeedFormat = (typeof FeedFormats)[number];

/** A feed's health as the digest page shows it. */
export const FeedHealthStatuses = ['PENDING', 'HEALTHY', 'FAILING', 'DISABLED'] as const;
export type FeedHealthStatus = (typeof FeedHealthStatuses)[number];

/** What an item of the digest matched: a keyword of the lead agency, or the name of a locality of the province. */
export const DigestTermKinds = ['KEYWORD', 'LOCALITY'] as const;
export type DigestTermKind = (typeof DigestTermKinds)[number];

export const FEED_NAME_MAX_LENGTH = 200;
export const FEED_URL_MAX_LENGTH = 2_048;
export const FEED_POLL_MINUTES_MIN = 5;
export const FEED_POLL_MINUTES_MAX = 24 * 60;
export const DIGEST_KEYWORDS_MAX = 200;
export const DIGEST_KEYWORD_MAX_LENGTH = 100;

/** `reporting.digest.feed-add`: a coordinator of the lead agency adds a public news feed. */
export class AddDigestFeedRequest {
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(FEED_NAME_MAX_LENGTH)
  name!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(FEED_URL_MAX_LENGTH)
  url!: string;

  /** How often the feed is polled (default 30 minutes). */
  @IsOptional()
  @IsInt({ message: 'pollIntervalMinutes must be a whole number' })
  @Min(FEED_POLL_MINUTES_MIN)
  @Max(FEED_POLL_MINUTES_MAX)
  pollIntervalMinutes?: number;
}

/** `reporting.digest.feed-update`: renames, moves, re-times, enables or disables a feed. */
export class UpdateDigestFeedRequest {
  @IsUUID('all', { message: 'feedId must be a UUID' })
  feedId!: string;

  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(FEED_NAME_MAX_LENGTH)
  name?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FEED_URL_MAX_LENGTH)
  url?: string;

  @IsOptional()
  @IsInt({ message: 'pollIntervalMinutes must be a whole number' })
  @Min(FEED_POLL_MINUTES_MIN)
  @Max(FEED_POLL_MINUTES_MAX)
  pollIntervalMinutes?: number;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** `reporting.digest.feed-disable`: stops polling a feed; its items stay in the digests they were in. */
export class DisableDigestFeedRequest {
  @IsUUID('all', { message: 'feedId must be a UUID' })
  feedId!: string;
}

/** `reporting.digest.keywords-set`: replaces the lead agency's keywords (topics) of the digest. */
export class SetDigestKeywordsRequest {
  @IsArray()
  @ArrayMaxSize(DIGEST_KEYWORDS_MAX)
  @IsString({ each: true })
  @MaxLength(DIGEST_KEYWORD_MAX_LENGTH, { each: true })
  keywords!: string[];
}

/** `reporting.digest.day`: the digest of a province day (default today). */
export class DailyDigestRequest {
  @IsOptional()
  @IsCalendarDay()
  day?: string;
}

/** `reporting.digest.document-link`: a short-lived address of the day's digest as .docx. */
export class DigestDocumentLinkRequest {
  @IsCalendarDay()
  day!: string;
}

/** `reporting.digest.item-report`: turns a digest item into a report in intake (once: again gives the same report). */
export class ReportDigestItemRequest {
  @IsUUID('all', { message: 'itemId must be a UUID' })
  itemId!: string;

  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'categoryCode must be an upper-case code' })
  categoryCode!: string;

  /** Default: the first locality the item matched. */
  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'localityCode must be an upper-case code' })
  localityCode?: string;
}

export interface FeedHealthDto {
  status: FeedHealthStatus;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
  /** Entries of the last document fetched. */
  lastItemCount: number;
  /** Digest items this feed brought in, in all. */
  matchedItemCount: number;
  format: FeedFormat | null;
}

export interface DigestFeedDto {
  id: string;
  name: string;
  url: string;
  enabled: boolean;
  pollIntervalMinutes: number;
  createdAt: string;
  createdBy: string;
  health: FeedHealthDto;
}

export interface DigestKeywordsDto {
  keywords: string[];
  updatedAt: string | null;
}

export interface DigestMatchDto {
  kind: DigestTermKind;
  /** The keyword or the locality's name, as configured. */
  term: string;
  localityCode: string | null;
}

export interface DigestReportedDto {
  caseId: string;
  reportId: string;
  reportedAt: string;
  reportedBy: string;
}

export interface DigestItemDto {
  id: string;
  feedId: string;
  feedName: string;
  title: string;
  link: string;
  canonicalUrl: string;
  publishedAt: string | null;
  firstSeenAt: string;
  excerpt: string;
  matches: DigestMatchDto[];
  reported: DigestReportedDto | null;
}

/** Items of a day under the term they matched first (localities before keywords): each item once. */
export interface DigestGroupDto {
  kind: DigestTermKind;
  term: string;
  localityCode: string | null;
  items: DigestItemDto[];
}

export interface DailyDigestDto {
  day: string;
  itemCount: number;
  groups: DigestGroupDto[];
}

export interface DigestDocumentLinkDto {
  day: string;
  url: string;
  fileName: string;
  expiresAt: string;
}

export interface ReportDigestItemResponse {
  item: DigestItemDto;
  /** False when the item had been reported before: the same report is given again. */
  created: boolean;
}
