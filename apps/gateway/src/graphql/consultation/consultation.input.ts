import { Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars';
import { ConsultationModeEnum, OpinionPositionEnum } from './consultation.enums';
import { HandlingActionInput } from '../decision/decision.input';
import { CLIENT_REQUEST_ID_DESCRIPTION } from '../common/idempotency';

@InputType()
export class OpenConsultationInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ConsultationModeEnum)
  mode!: string;

  @Field(() => [String])
  invitedAgencyCodes!: string[];

  @Field({ description: 'The question (written) or the agenda (meeting)' })
  subject!: string;

  @Field({ nullable: true, description: 'Written: the handling the lead agency proposes' })
  proposedHandling?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Written: when opinions are due' })
  deadline?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Meeting: when' })
  meetingAt?: string;

  @Field({ nullable: true })
  location?: string;

  @Field({ nullable: true, description: 'Meeting: an https link' })
  link?: string;

  @Field(() => String, { nullable: true, description: CLIENT_REQUEST_ID_DESCRIPTION })
  clientRequestId?: string;
}

@InputType()
export class OpinionAttachmentInput {
  @Field()
  name!: string;

  @Field()
  url!: string;
}

@InputType()
export class SubmitOpinionInput {
  @Field(() => ID)
  consultationId!: string;

  @Field(() => OpinionPositionEnum)
  position!: string;

  @Field()
  reasoning!: string;

  @Field({ nullable: true, description: 'ALTERNATIVE: the handling proposed instead' })
  alternativeProposal?: string;

  @Field(() => [OpinionAttachmentInput], { nullable: true, description: "At most 10. Left out on a revised opinion: the previous version's attachments are kept; [] gives none" })
  attachments?: OpinionAttachmentInput[];

  @Field(() => String, { nullable: true, description: CLIENT_REQUEST_ID_DESCRIPTION })
  clientRequestId?: string;
}

@InputType()
export class AttendanceInput {
  @Field()
  agencyCode!: string;

  @Field()
  present!: boolean;

  @Field({ nullable: true })
  representative?: string;
}

@InputType()
export class DissentInput {
  @Field()
  agencyCode!: string;

  @Field()
  view!: string;
}

@InputType()
export class RecordMeetingInput {
  @Field(() => ID)
  consultationId!: string;

  @Field(() => [AttendanceInput])
  attendance!: AttendanceInput[];

  @Field()
  minutes!: string;

  @Field(() => [DissentInput], { nullable: true, description: 'Dissenting views, by agency' })
  dissentingViews?: DissentInput[];
}

@InputType()
export class ResolveConsultationInput {
  @Field(() => ID)
  consultationId!: string;

  @Field()
  summary!: string;

  @Field(() => [HandlingActionInput], { description: 'The agreed handling plan' })
  plan!: HandlingActionInput[];
}
