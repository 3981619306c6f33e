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

@ObjectType('CaseHandlingAction', { description: 'A handling action of the case with its result; police referral details are restricted data' })
export class CaseHandlingActionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  decisionId!: string;

  @Field(() => HandlingActionTypeEnum)
  type!: string;

  @Field()
  assigneeAgencyCode!: string;

  @Field(() => DateScalar)
  dueDate!: string;

  @Field(() => HandlingActionStatusEnum)
  status!: string;

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

  @Field(() => RemovalRequestModel, { nullable: true, description: 'REQUEST_REMOVAL: the request and how it went' })
  removal!: RemovalRequestModel | null;
}

@ObjectType('HandlingAction')
export class HandlingActionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => HandlingActionTypeEnum)
  type!: string;

  @Field()
  assigneeAgencyCode!: string;

  @Field(() => DateScalar)
  dueDate!: string;

  @Field(() => HandlingActionStatusEnum)
  status!: string;
}
