import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DigestTermKind, FeedFormat, FeedHealthStatus } from '@phoi-hop/contracts';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { DigestTermKindEnum, FeedFormatEnum, FeedHealthStatusEnum } from './digest.enums';

@ObjectType('FeedHealth', { description: 'How polling a feed goes' })
export class FeedHealthModel {
  @Field(() => FeedHealthStatusEnum)
  status!: FeedHealthStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  lastPolledAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last answer that was a feed, or 304 Not Modified' })
  lastSuccessAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  lastErrorAt!: string | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Int)
  consecutiveFailures!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Null when the feed is disabled; pushed back exponentially after failures' })
  nextPollAt!: string | null;

  @Field(() => Int, { description: 'Entries in the last document fetched' })
  lastItemCount!: number;

  @Field(() => Int, { description: 'Digest items the feed brought in, in all' })
  matchedItemCount!: number;

  @Field(() => FeedFormatEnum, { nullable: true })
  format!: FeedFormat | null;
}

@ObjectType('DigestFeed', { description: 'A public news feed of the daily media digest (Đ6.1)' })
export class DigestFeedModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  url!: string;

  @Field()
  enabled!: boolean;

  @Field(() => Int)
  pollIntervalMinutes!: number;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field()
  createdBy!: string;

  @Field(() => FeedHealthModel)
  health!: FeedHealthModel;
}

@ObjectType('DigestKeywords')
export class DigestKeywordsModel {
  @Field(() => [String])
  keywords!: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: string | null;
}

@ObjectType('DigestMatch', { description: 'A term a digest item matched' })
export class DigestMatchModel {
  @Field(() => DigestTermKindEnum)
  kind!: DigestTermKind;

  @Field({ description: 'The keyword or the locality’s name, as configured' })
  term!: string;

  @Field(() => ID, { nullable: true })
  localityCode!: string | null;
}

@ObjectType('DigestReported', { description: 'The report an item became' })
export class DigestReportedModel {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  reportId!: string;

  @Field(() => DateTimeScalar)
  reportedAt!: string;

  @Field()
  reportedBy!: string;
}

@ObjectType('DigestItem', { description: 'A news item that matched a keyword or a locality (one per canonical URL)' })
export class DigestItemModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  feedId!: string;

  @Field({ description: 'The source feed’s name' })
  feedName!: string;

  @Field()
  title!: string;

  @Field()
  link!: string;

  @Field()
  canonicalUrl!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt!: string | null;

  @Field(() => DateTimeScalar)
  firstSeenAt!: string;

  @Field()
  excerpt!: string;

  @Field(() => [DigestMatchModel])
  matches!: DigestMatchModel[];

  @Field(() => DigestReportedModel, { nullable: true })
  reported!: DigestReportedModel | null;
}

@ObjectType('DigestGroup', { description: 'The items of a day under the locality or topic each matched first' })
export class DigestGroupModel {
  @Field(() => DigestTermKindEnum)
  kind!: DigestTermKind;

  @Field()
  term!: string;

  @Field(() => ID, { nullable: true })
  localityCode!: string | null;

  @Field(() => [DigestItemModel])
  items!: DigestItemModel[];
}

@ObjectType('DailyDigest', { description: 'Đ6.1 "điểm báo hàng ngày": the matching news of a province day' })
export class DailyDigestModel {
  @Field(() => DateScalar)
  day!: string;

  @Field(() => Int, { description: 'Items of the day, each counted once' })
  itemCount!: number;

  @Field(() => [DigestGroupModel])
  groups!: DigestGroupModel[];
}

@ObjectType('DigestDocument', { description: 'The day’s digest as .docx, behind a short-lived download address' })
export class DigestDocumentModel {
  @Field(() => DateScalar)
  day!: string;

  @Field({ description: 'Short-lived address on the reporting service; each download is audited' })
  url!: string;

  @Field()
  fileName!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: string;
}

@ObjectType('ReportDigestItemPayload')
export class ReportDigestItemPayload {
  @Field(() => DigestItemModel)
  item!: DigestItemModel;

  @Field({ description: 'False when the item had been reported before: the same report is given' })
  created!: boolean;
}
