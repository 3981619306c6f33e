import { Field, ID, InputType } from '@nestjs/graphql';
import type { ClaimRating, StatementStatus } from '@phoi-hop/contracts';
import { DateScalar } from '../common/scalars';
import { ClaimRatingEnum, StatementStatusEnum } from './statement.enums';

@InputType({ description: 'The false claim a statement answers: it makes the statement carry ClaimReview JSON-LD' })
export class ClaimReviewInput {
  @Field({ description: 'The claim as it circulated' })
  claim!: string;

  @Field({ description: 'A public page where it appeared (http or https); never a person' })
  appearanceUrl!: string;

  @Field(() => DateScalar, { description: 'The day it first appeared (not in the future)' })
  firstAppearedOn!: string;

  @Field(() => ClaimRatingEnum)
  rating!: ClaimRating;
}

@InputType()
export class DraftPressStatementInput {
  @Field(() => [ID], { description: 'The cases it clarifies; the viewer’s agency must take part in each' })
  caseIds!: string[];

  @Field()
  title!: string;

  @Field({ description: 'The statement, plain text; blank lines separate paragraphs' })
  body!: string;

  @Field(() => ClaimReviewInput, { nullable: true })
  claimReview?: ClaimReviewInput;
}

@InputType({ description: 'A change of a draft: what is given replaces what was; claimReview null removes it; something must change' })
export class UpdatePressStatementDraftInput {
  @Field(() => ID)
  statementId!: string;

  @Field(() => [ID], { nullable: true, description: 'The cases; the viewer’s agency must take part in each' })
  caseIds?: string[];

  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  body?: string;

  @Field(() => ClaimReviewInput, { nullable: true })
  claimReview?: ClaimReviewInput | null;
}

@InputType()
export class PublishPressStatementInput {
  @Field(() => ID)
  statementId!: string;
}

@InputType({ description: 'A corrected text: what is given replaces what was; something must change' })
export class CorrectPressStatementInput {
  @Field(() => ID)
  statementId!: string;

  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  body?: string;

  @Field(() => ClaimReviewInput, { nullable: true })
  claimReview?: ClaimReviewInput;

  @Field({ description: 'What was corrected and why, shown with the text' })
  note!: string;
}

@InputType()
export class WithdrawPressStatementInput {
  @Field(() => ID)
  statementId!: string;

  @Field({ description: 'Why' })
  reason!: string;
}

@InputType()
export class PressStatementFilterInput {
  @Field(() => ID, { nullable: true })
  caseId?: string;

  @Field(() => StatementStatusEnum, { nullable: true })
  status?: StatementStatus;

  @Field({ nullable: true })
  agencyCode?: string;
}
