import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { FindingEnum, HandlingActionStatusEnum, HandlingActionTypeEnum, PlatformEnum, RemovalOutcomeEnum } from './decision.enums';
@ObjectType('Assessment')
export class AssessmentModel {
  @Field()
  isFactualClaim!: boolean;

  @Field(() => String, { nullable: true })
  verifiedFalseBy!: string | null;

  @Field()
  isPublicInterestReporting!: boolean;

  @Field()
  isGenuineGrievance!: boolean;

  @Field()
  proportionality!: string;

  @Field()
  concludesNotProtected!: boolean;
}

@ObjectType('CitedProvision')
export class CitedProvisionModel {
  @Field()
  code!: string;

  @Field()
  citation!: string;
}

@ObjectType('Decision', { description: 'A decision with its statement of reasons (Đ3.2, Đ5)' })
export class DecisionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => FindingEnum)
  finding!: string;

  @Field(() => [CitedProvisionModel], { description: 'The provisions relied on, as the taxonomy held them then' })
  provisions!: CitedProvisionModel[];

  @Field(() => AssessmentModel, { nullable: true, description: 'The protected-expression assessment' })
  assessment!: AssessmentModel | null;

  @Field()
  statementOfReasons!: string;

  @Field()
  decidedByAgency!: string;

  @Field(() => DateTimeScalar)
  decidedAt!: string;

  @Field(() => ID, { nullable: true, description: 'The consultation whose agreed plan it follows' })
  consultationId!: string | null;
}

@ObjectType('RemovalRequest', { description: 'A request to a platform to remove content' })
export class RemovalRequestModel {
  @Field(() => PlatformEnum)
  platform!: string;

  @Field()
  url!: string;

  @Field(() => [String], { description: 'Citations of the provisions the request relies on' })
  legalBasis!: string[];

  @Field(() => String, { nullable: true })
  requestReference!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  sentAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  acknowledgedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  effectedAt!: string | null;

  @Field(() => RemovalOutcomeEnum, { nullable: true })
  outcome!: string | null;
}

/**
 * The one handling action type: an action of a decision (Case.actions, decideCase,
 * updateHandlingAction, updateRemovalRequest) or an action of a consultation's agreed plan
 * (ConsultationResolution.plan), which no decision has made yet and so has no id, decision or status.
 */
@ObjectType('HandlingAction', {
  description:
    'A handling action (Đ6): of a decision, with its progress and result, or planned in a consultation’s resolution (then id, decisionId and status are null). Police referral details are restricted data',
})
export class HandlingActionModel {
  @Field(() => ID, { nullable: true, description: 'Null for an action of a consultation’s plan, not decided yet' })
  id!: string | null;

  @Field(() => ID, { nullable: true, description: 'The decision that planned it; null in a consultation’s plan' })
  decisionId!: string | null;

  @Field(() => HandlingActionTypeEnum)
  type!: string;

  @Field()
  assigneeAgencyCode!: string;

  @Field(() => DateScalar)
  dueDate!: string;

  @Field(() => HandlingActionStatusEnum, { nullable: true, description: 'Null in a consultation’s plan' })
  status!: string | null;

  @Field(() => String, { nullable: true })
  details!: string | null;

  @Field(() => String, { nullable: true })
  result!: string | null;

  @Field(() => [String])
  links!: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  doneAt!: string | null;

  @Field({ description: 'Restricted details were withheld from this viewer' })
  withheld!: boolean;

  @Field(() => RemovalRequestModel, {
    nullable: true,
    description: 'REQUEST_REMOVAL: the request and how it went (null in a consultation’s plan: the decision settles its target)',
  })
  removal!: RemovalRequestModel | null;
}
