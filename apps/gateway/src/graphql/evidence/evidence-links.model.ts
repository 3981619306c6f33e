import { DateTimeScalar } from '../common/scalars';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { EvidenceKind, ImageHashSource, IndicatorKind, IndicatorOrigin } from '@phoi-hop/contracts';
import { EvidenceKindEnum, ImageHashSourceEnum, IndicatorKindEnum, IndicatorOriginEnum } from './evidence.enums';

@ObjectType('SimilarEvidence', {
  description: 'A picture of this evidence that looks like one in another case (perceptual hash within the distance threshold)',
})
export class SimilarEvidenceModel {
  @Field(() => ID, { description: 'The item asked about (or of the case asked about)' })
  itemId!: string;

  @Field({ description: 'SHA-256 of the picture in it' })
  sha256!: string;

  @Field(() => ImageHashSourceEnum)
  source!: ImageHashSource;

  @Field(() => ID)
  similarItemId!: string;

  @Field(() => ID)
  similarCaseId!: string;

  @Field()
  similarCaseNumber!: string;

  @Field(() => EvidenceKindEnum)
  similarKind!: EvidenceKind;

  @Field()
  similarSha256!: string;

  @Field(() => ImageHashSourceEnum)
  similarSource!: ImageHashSource;

  @Field(() => DateTimeScalar)
  similarCapturedAt!: string;

  @Field(() => Int, { description: 'Bits of 64 in which the perceptual hashes differ (0: the same picture to the eye)' })
  distance!: number;
}

@ObjectType('ContentIndicator', {
  description: 'An indicator printed in published content, as an item showed it; never resolved to a person (there is no field for one)',
})
export class ContentIndicatorModel {
  @Field(() => ID)
  id!: string;

  @Field(() => IndicatorKindEnum)
  kind!: IndicatorKind;

  @Field({ description: 'As the content showed it' })
  value!: string;

  @Field({ description: 'The form cases are linked by: lower-case host, E.164 number, digits, lower-case e-mail' })
  normalizedValue!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  itemId!: string;

  @Field(() => IndicatorOriginEnum)
  origin!: IndicatorOrigin;

  @Field()
  addedBy!: string;

  @Field(() => DateTimeScalar)
  addedAt!: string;

  @Field(() => DateTimeScalar, { description: 'The earliest capture showing it, among those the viewer may read' })
  firstSeenAt!: string;

  @Field(() => DateTimeScalar, { description: 'The latest capture showing it, among those the viewer may read' })
  lastSeenAt!: string;

  @Field(() => [ID], { description: 'Other cases showing the same indicator, among those the viewer may see and read the evidence of' })
  linkedCaseIds!: string[];
}
