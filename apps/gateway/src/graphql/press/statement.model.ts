import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ClaimRating, StatementStatus } from '@phoi-hop/contracts';
import { PageInfoModel } from '../common/page-info.model';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { ClaimRatingEnum, StatementStatusEnum } from './statement.enums';

@ObjectType('ClaimReview', { description: 'The false claim a statement answers, and how true it is' })
export class ClaimReviewModel {
  @Field()
  claim!: string;

  @Field({ description: 'A public page where the claim appeared' })
  appearanceUrl!: string;

  @Field(() => DateScalar)
  firstAppearedOn!: string;

  @Field(() => ClaimRatingEnum)
  rating!: ClaimRating;
}

@ObjectType('PressStatementRevision', { description: 'One text a statement was published with: its first publication, then each correction' })
export class PressStatementRevisionModel {
  @Field(() => Int)
  revision!: number;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => ClaimReviewModel, { nullable: true })
  claimReview!: ClaimReviewModel | null;

  @Field(() => String, { nullable: true, description: 'Corrections: what was corrected and why' })
  note!: string | null;

  @Field(() => DateTimeScalar)
  publishedAt!: string;

  @Field()
  publishedBy!: string;
}

@ObjectType('PressStatement', { description: 'A spokesperson statement of an agency on cases (Đ6.6–6.7)' })
export class PressStatementModel {
  @Field(() => ID)
  id!: string;

  @Field(() => StatementStatusEnum)
  status!: StatementStatus;

  @Field()
  agencyCode!: string;

  @Field(() => String, { nullable: true, description: 'The agency’s name when it published the statement' })
  agencyName!: string | null;

  @Field(() => [ID])
  caseIds!: string[];

  @Field(() => [String])
  caseNumbers!: string[];

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => ClaimReviewModel, { nullable: true })
  claimReview!: ClaimReviewModel | null;

  @Field(() => String, {
    nullable: true,
    description: 'schema.org ClaimReview JSON-LD (a JSON document as text) of a statement in the feed that answers a claim; null otherwise',
  })
  claimReviewJsonLd!: string | null;

  @Field(() => String, { nullable: true, description: 'The public page of a published statement' })
  url!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field()
  createdBy!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'First publication' })
  publishedAt!: string | null;

  @Field(() => DateTimeScalar, { description: 'The last change of its public text (the feed entry’s updated time)' })
  updatedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  withdrawnAt!: string | null;

  @Field(() => String, { nullable: true })
  withdrawalReason!: string | null;

  @Field(() => [PressStatementRevisionModel], { description: 'Every published text, oldest first' })
  revisions!: PressStatementRevisionModel[];
}

@ObjectType('PressStatementEdge')
export class PressStatementEdgeModel {
  @Field(() => PressStatementModel)
  node!: PressStatementModel;

  @Field()
  cursor!: string;
}

@ObjectType('PressStatementConnection', { description: 'Statements, newest first publication first (drafts by creation)' })
export class PressStatementConnectionModel {
  @Field(() => [PressStatementEdgeModel])
  edges!: PressStatementEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('PressStatementPayload')
export class PressStatementPayloadModel {
  @Field(() => PressStatementModel)
  statement!: PressStatementModel;
}
