import { Field, ID, ObjectType } from '@nestjs/graphql';
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

  @Field({ description: 'FALSE, MISLEADING, UNLAWFUL, TRUE, OPINION, GRIEVANCE or UNVERIFIABLE' })
  finding!: string;

  @Field(() => [CitedProvisionModel], { description: 'The provisions relied on, as the taxonomy held them then' })
  provisions!: CitedProvisionModel[];

  @Field(() => AssessmentModel, { nullable: true, description: 'The protected-expression assessment' })
  assessment!: AssessmentModel | null;

  @Field()
  statementOfReasons!: string;

  @Field()
  decidedByAgency!: string;

  @Field()
  decidedAt!: string;

  @Field(() => ID, { nullable: true, description: 'The consultation whose agreed plan it follows' })
  consultationId!: string | null;
}

@ObjectType('RemovalRequest', { description: 'A request to a platform to remove content' })
export class RemovalRequestModel {
  @Field({ description: 'FACEBOOK, YOUTUBE, TIKTOK, ZALO, X, INSTAGRAM, TELEGRAM or OTHER' })
  platform!: string;

  @Field()
  url!: string;

  @Field(() => [String], { description: 'Citations of the provisions the request relies on' })
  legalBasis!: string[];

  @Field(() => String, { nullable: true })
  requestReference!: string | null;

  @Field(() => String, { nullable: true })
  sentAt!: string | null;

  @Field(() => String, { nullable: true })
  acknowledgedAt!: string | null;

  @Field(() => String, { nullable: true })
  effectedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'REMOVED, REFUSED or NO_RESPONSE' })
  outcome!: string | null;
}

@ObjectType('CaseHandlingAction', { description: 'A handling action of the case with its result; police referral details are restricted data' })
export class CaseHandlingActionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  decisionId!: string;

  @Field()
  type!: string;

  @Field()
  assigneeAgencyCode!: string;

  @Field()
  dueDate!: string;

  @Field({ description: 'PLANNED, IN_PROGRESS or DONE' })
  status!: string;

  @Field(() => String, { nullable: true })
  details!: string | null;

  @Field(() => String, { nullable: true })
  result!: string | null;

  @Field(() => [String])
  links!: string[];

  @Field(() => String, { nullable: true })
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

  @Field()
  type!: string;

  @Field()
  assigneeAgencyCode!: string;

  @Field()
  dueDate!: string;

  @Field()
  status!: string;
}
