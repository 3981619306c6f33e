import { Field, ID, InputType } from '@nestjs/graphql';
import { DONE_RESULT_MIN_LENGTH } from '@phoi-hop/contracts';
import { CLIENT_REQUEST_ID_DESCRIPTION } from '../common/idempotency';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { FindingEnum, HandlingActionStatusEnum, HandlingActionTypeEnum, PlatformEnum, RemovalOutcomeEnum } from './decision.enums';

@InputType()
export class AssessmentInput {
  @Field({ description: 'A factual claim (true) or an opinion (false)' })
  isFactualClaim!: boolean;

  @Field({
    nullable: true,
    description:
      'The code of the directory agency that verified the claim false (e.g. SYT); needed for a FALSE or MISLEADING finding that grounds a restrictive action',
  })
  verifiedFalseBy?: string;

  @Field({ description: 'Reporting on a matter of public interest' })
  isPublicInterestReporting!: boolean;

  @Field({ description: 'A real grievance the responsible agency should resolve (Đ7.2)' })
  isGenuineGrievance!: boolean;

  @Field({ description: 'Why the proposed action is proportionate' })
  proportionality!: string;

  @Field({ description: 'The conclusion: the content is not protected expression' })
  concludesNotProtected!: boolean;
}

@InputType()
export class RemovalTargetInput {
  @Field({ nullable: true, description: 'Default: the canonical link of the case’s first report (tracking parameters removed)' })
  url?: string;

  @Field(() => PlatformEnum, { nullable: true, description: 'Default: from the link’s host' })
  platform?: string;

  @Field(() => [String], { nullable: true, description: 'Codes among the decision’s provisions; default: all of them' })
  legalBasis?: string[];
}

@InputType()
export class HandlingActionInput {
  @Field(() => HandlingActionTypeEnum)
  type!: string;

  @Field()
  assigneeAgencyCode!: string;

  @Field(() => DateScalar, { description: 'The day the action is due (today or later)' })
  dueDate!: string;

  @Field({ nullable: true })
  details?: string;

  @Field(() => RemovalTargetInput, { nullable: true, description: 'REQUEST_REMOVAL: what to ask which platform to remove' })
  removal?: RemovalTargetInput;
}

@InputType()
export class DecideCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => FindingEnum)
  finding!: string;

  @Field(() => [String], {
    description: 'Codes of the legal provisions relied on (taxonomy): each in the legal basis of the case’s category and in force on the day of the decision',
  })
  provisionCodes!: string[];

  @Field(() => AssessmentInput, { nullable: true, description: 'Required for any restrictive action (Đ3.2)' })
  assessment?: AssessmentInput;

  @Field()
  statementOfReasons!: string;

  @Field(() => [HandlingActionInput], { description: 'The handling; empty with consultationId: the plan agreed in that consultation' })
  actions!: HandlingActionInput[];

  @Field(() => ID, { nullable: true, description: 'The resolved consultation the decision follows (Đ4.2)' })
  consultationId?: string;

  @Field(() => String, { nullable: true, description: CLIENT_REQUEST_ID_DESCRIPTION })
  clientRequestId?: string;
}

@InputType()
export class UpdateHandlingActionInput {
  @Field(() => ID)
  actionId!: string;

  @Field(() => HandlingActionStatusEnum, { description: 'IN_PROGRESS or DONE (PLANNED is refused)' })
  status!: string;

  @Field({ nullable: true, description: `What was done: required when DONE, at least ${DONE_RESULT_MIN_LENGTH} characters` })
  result?: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Links to the published clarification, the platform response, … (at most 20 http(s) links). Left out: the stored links are kept; [] clears them',
  })
  links?: string[];
}

@InputType({ description: 'A field left out keeps its value; null clears it' })
export class UpdateRemovalRequestInput {
  @Field(() => ID)
  actionId!: string;

  @Field(() => String, { nullable: true, description: 'The reference of the request (official letter number, platform ticket)' })
  requestReference?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the request was sent' })
  sentAt?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the platform acknowledged it' })
  acknowledgedAt?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the removal took effect (outcome REMOVED)' })
  effectedAt?: string | null;

  @Field(() => RemovalOutcomeEnum, { nullable: true })
  outcome?: string | null;
}
