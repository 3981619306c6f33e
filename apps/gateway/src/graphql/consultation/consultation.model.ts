import type { PlannedActionDto } from '@phoi-hop/contracts';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SeverityEnum } from '../case/case.enums';
import { DateTimeScalar } from '../common/scalars';
import { ConsultationModeEnum, ConsultationStatusEnum, OpinionPositionEnum } from './consultation.enums';

@ObjectType('OpinionAttachment')
export class OpinionAttachmentModel {
  @Field()
  name!: string;

  @Field()
  url!: string;
}

@ObjectType('OpinionVersion', { description: 'One opinion an agency gave on a written consultation; a revision is a new version and the earlier ones stay' })
export class OpinionVersionModel {
  @Field(() => Int, { description: '1 for the first opinion, then 2, 3, …' })
  version!: number;

  @Field(() => OpinionPositionEnum)
  position!: string;

  @Field()
  reasoning!: string;

  @Field(() => String, { nullable: true })
  alternativeProposal!: string | null;

  @Field(() => [OpinionAttachmentModel])
  attachments!: OpinionAttachmentModel[];

  @Field(() => DateTimeScalar)
  respondedAt!: string;

  @Field({ description: 'Answered after the deadline' })
  late!: boolean;
}

@ObjectType('ConsultationInvitation', {
  description: 'An invited agency: its latest written opinion (every version in opinionVersions), or its attendance at the meeting',
})
export class InvitationModel {
  @Field()
  agencyCode!: string;

  @Field(() => OpinionPositionEnum, { nullable: true, description: 'null until the agency has answered' })
  position!: string | null;

  @Field(() => String, { nullable: true })
  reasoning!: string | null;

  @Field(() => String, { nullable: true })
  alternativeProposal!: string | null;

  @Field(() => [OpinionAttachmentModel])
  attachments!: OpinionAttachmentModel[];

  @Field(() => DateTimeScalar, { nullable: true })
  respondedAt!: string | null;

  @Field({ description: 'Answered after the deadline' })
  late!: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  remindedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the missed deadline was escalated' })
  escalatedAt!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Meeting: whether the agency attended' })
  present!: boolean | null;

  @Field(() => String, { nullable: true })
  representative!: string | null;

  @Field(() => [OpinionVersionModel], { description: 'Every opinion the agency gave, oldest first; the last is the one shown on the invitation' })
  opinionVersions!: OpinionVersionModel[];
}

@ObjectType('DissentingView')
export class DissentModel {
  @Field()
  agencyCode!: string;

  @Field()
  view!: string;
}

@ObjectType('ConsultationResolution')
export class ResolutionModel {
  @Field()
  summary!: string;

  /** The agreed handling plan, as the service holds it; ConsultationPlanResolver shows it as handling actions. */
  plan!: PlannedActionDto[];

  @Field(() => DateTimeScalar)
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

  @Field(() => ConsultationModeEnum)
  mode!: string;

  @Field(() => ConsultationStatusEnum)
  status!: string;

  @Field({ description: 'The question (written) or the agenda (meeting)' })
  subject!: string;

  @Field(() => String, { nullable: true })
  proposedHandling!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  deadline!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  meetingAt!: string | null;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => String, { nullable: true })
  link!: string | null;

  @Field()
  leadAgencyCode!: string;

  @Field(() => SeverityEnum)
  severity!: string;

  @Field(() => [InvitationModel])
  invitations!: InvitationModel[];

  @Field(() => String, { nullable: true })
  minutes!: string | null;

  @Field(() => [DissentModel])
  dissentingViews!: DissentModel[];

  @Field(() => ResolutionModel, { nullable: true })
  resolution!: ResolutionModel | null;

  @Field(() => DateTimeScalar)
  openedAt!: string;

  @Field()
  openedBy!: string;
}
