import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AssessmentInput {
  @Field({ description: 'A factual claim (true) or an opinion (false)' })
  isFactualClaim!: boolean;

  @Field({ nullable: true, description: 'Who verified the claim false' })
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
  @Field({ nullable: true, description: 'Default: the link of the case’s first report' })
  url?: string;

  @Field({ nullable: true, description: 'Default: from the link (FACEBOOK, YOUTUBE, TIKTOK, ZALO, …, OTHER)' })
  platform?: string;

  @Field(() => [String], { nullable: true, description: 'Codes among the decision’s provisions; default: all of them' })
  legalBasis?: string[];
}

@InputType()
export class HandlingActionInput {
  @Field({ description: 'PUBLISH_CLARIFICATION, REQUEST_REMOVAL, PROPOSE_SANCTION, REFER_TO_POLICE, REFER_TO_PRESS_ASSOCIATION, RESOLVE_GRIEVANCE, MONITOR or NO_ACTION' })
  type!: string;

  @Field()
  assigneeAgencyCode!: string;

  @Field({ description: 'YYYY-MM-DD' })
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

  @Field({ description: 'FALSE, MISLEADING, UNLAWFUL, TRUE, OPINION, GRIEVANCE or UNVERIFIABLE' })
  finding!: string;

  @Field(() => [String], { description: 'Codes of the legal provisions relied on (taxonomy)' })
  provisionCodes!: string[];

  @Field(() => AssessmentInput, { nullable: true, description: 'Required for any restrictive action (Đ3.2)' })
  assessment?: AssessmentInput;

  @Field()
  statementOfReasons!: string;

  @Field(() => [HandlingActionInput], { description: 'The handling; empty with consultationId: the plan agreed in that consultation' })
  actions!: HandlingActionInput[];

  @Field(() => ID, { nullable: true, description: 'The resolved consultation the decision follows (Đ4.2)' })
  consultationId?: string;
}

@InputType()
export class UpdateHandlingActionInput {
  @Field(() => ID)
  actionId!: string;

  @Field({ description: 'IN_PROGRESS or DONE' })
  status!: string;

  @Field({ nullable: true, description: 'The result (required when DONE)' })
  result?: string;

  @Field(() => [String], { nullable: true, description: 'Links to the published clarification, the platform response, …' })
  links?: string[];
}

@InputType({ description: 'A field left out keeps its value; null clears it' })
export class UpdateRemovalRequestInput {
  @Field(() => ID)
  actionId!: string;

  @Field(() => String, { nullable: true, description: 'The reference of the request (official letter number, platform ticket)' })
  requestReference?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time the request was sent' })
  sentAt?: string | null;

  @Field(() => String, { nullable: true, description: 'When the platform acknowledged it' })
  acknowledgedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'When the removal took effect (outcome REMOVED)' })
  effectedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'REMOVED, REFUSED or NO_RESPONSE' })
  outcome?: string | null;
}
