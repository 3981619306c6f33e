import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('OpinionAttachment')
export class OpinionAttachmentModel {
  @Field()
  name!: string;

  @Field()
  url!: string;
}

@ObjectType('ConsultationInvitation', { description: 'An invited agency: its written opinion, or its attendance at the meeting' })
export class InvitationModel {
  @Field()
  agencyCode!: string;

  @Field(() => String, { nullable: true, description: 'AGREE, DISAGREE or ALTERNATIVE' })
  position!: string | null;

  @Field(() => String, { nullable: true })
  reasoning!: string | null;

  @Field(() => String, { nullable: true })
  alternativeProposal!: string | null;

  @Field(() => [OpinionAttachmentModel])
  attachments!: OpinionAttachmentModel[];

  @Field(() => String, { nullable: true })
  respondedAt!: string | null;

  @Field({ description: 'Answered after the deadline' })
  late!: boolean;

  @Field(() => String, { nullable: true })
  remindedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'When the missed deadline was escalated' })
  escalatedAt!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Meeting: whether the agency attended' })
  present!: boolean | null;

  @Field(() => String, { nullable: true })
  representative!: string | null;
}

@ObjectType('DissentingView')
export class DissentModel {
  @Field()
  agencyCode!: string;

  @Field()
  view!: string;
}

@ObjectType('PlannedAction')
export class PlannedActionModel {
  @Field()
  type!: string;

  @Field()
  assigneeAgencyCode!: string;

  @Field()
  dueDate!: string;

  @Field(() => String, { nullable: true })
  details!: string | null;
}

@ObjectType('ConsultationResolution')
export class ResolutionModel {
  @Field()
  summary!: string;

  @Field(() => [PlannedActionModel], { description: 'The agreed handling plan, which the decision can follow' })
  plan!: PlannedActionModel[];

  @Field()
  resolvedAt!: string;

  @Field()
  resolvedBy!: string;
}

@ObjectType('Consultation', { description: 'A meeting or a written consultation of the agencies on a case (Đ4.2, Đ5.3)' })
export class ConsultationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  caseId!: string;

  @Field()
  caseNumber!: string;

  @Field({ description: 'MEETING or WRITTEN' })
  mode!: string;

  @Field({ description: 'OPEN, RESOLVED or CANCELLED' })
  status!: string;

  @Field({ description: 'The question (written) or the agenda (meeting)' })
  subject!: string;

  @Field(() => String, { nullable: true })
  proposedHandling!: string | null;

  @Field(() => String, { nullable: true })
  deadline!: string | null;

  @Field(() => String, { nullable: true })
  meetingAt!: string | null;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => String, { nullable: true })
  link!: string | null;

  @Field()
  leadAgencyCode!: string;

  @Field()
  severity!: string;

  @Field(() => [InvitationModel])
  invitations!: InvitationModel[];

  @Field(() => String, { nullable: true })
  minutes!: string | null;

  @Field(() => [DissentModel])
  dissentingViews!: DissentModel[];

  @Field(() => ResolutionModel, { nullable: true })
  resolution!: ResolutionModel | null;

  @Field()
  openedAt!: string;

  @Field()
  openedBy!: string;
}
