import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars';

@InputType({ description: 'A public news feed (RSS, Atom, RDF or JSON Feed) for the daily media digest' })
export class AddDigestFeedInput {
  @Field({ description: 'The name the digest shows as the source' })
  name!: string;

  @Field({ description: 'A public http(s) address on port 80 or 443' })
  url!: string;

  @Field(() => Int, { nullable: true, description: 'Minutes between polls (default 30)' })
  pollIntervalMinutes?: number;
}

@InputType()
export class UpdateDigestFeedInput {
  @Field(() => ID)
  feedId!: string;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true, description: 'A new address starts afresh (no validators, no failures) and is polled at once' })
  url?: string;

  @Field(() => Int, { nullable: true })
  pollIntervalMinutes?: number;

  @Field({ nullable: true })
  enabled?: boolean;
}

@InputType()
export class DisableDigestFeedInput {
  @Field(() => ID)
  feedId!: string;
}

@InputType({ description: 'The lead agency’s keywords (topics) of the digest: replaces the list' })
export class SetDigestKeywordsInput {
  @Field(() => [String], { description: 'Matched without regard to case or diacritics ("lu lut" matches "lũ lụt")' })
  keywords!: string[];
}

@InputType({ description: 'A digest item to report to intake as harmful content (once: again gives the same report)' })
export class ReportDigestItemInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => ID)
  categoryCode!: string;

  @Field(() => ID, { nullable: true, description: 'Default: the first locality the item matched' })
  localityCode?: string;
}

@InputType()
export class DailyDigestDocumentInput {
  @Field(() => DateScalar)
  day!: string;
}
