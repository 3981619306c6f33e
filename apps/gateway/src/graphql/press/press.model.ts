import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  AppealDecision,
  AppealGround,
  AppealParty,
  ComplaintOrigin,
  ComplaintStatus,
  InadmissibilityReason,
  ReplyChannel,
  ReplyRecipientRole,
  RulingOutcome,
} from '@phoi-hop/contracts';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import {
  AppealDecisionEnum,
  AppealGroundEnum,
  AppealPartyEnum,
  ComplaintOriginEnum,
  ComplaintStatusEnum,
  InadmissibilityReasonEnum,
  ReplyChannelEnum,
  ReplyRecipientRoleEnum,
  RulingOutcomeEnum,
} from './press.enums';

@ObjectType('PressArticle', { description: 'The article or post a complaint is about, as published' })
export class PressArticleModel {
  @Field()
  url!: string;

  @Field()
  outletName!: string;

  @Field(() => String, { nullable: true })
  outletAgencyCode!: string | null;

  @Field(() => DateScalar)
  publicationDate!: string;

  @Field({ description: 'The byline as published' })
  byline!: string;
}

@ObjectType('PressReplyAttachment', { description: 'A file kept with a reply: what it is (download it with pressReplyAttachmentDownload)' })
export class PressReplyAttachmentModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The display name (no path, no control characters; the extension says what the bytes are)' })
  name!: string;

  @Field({ description: 'The media type sniffed from the bytes: application/pdf, image/jpeg, image/png, image/webp, DOCX, ODT or text/plain' })
  mediaType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field({ description: 'SHA-256 of the bytes, hex' })
  sha256!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the retention purge deleted the bytes (the name, size and hash remain)' })
  purgedAt!: string | null;
}

@ObjectType('PressReply', { description: 'A reply of the journalist or the outlet (the right of reply)' })
export class PressReplyModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ReplyChannelEnum)
  channel!: ReplyChannel;

  @Field(() => ReplyRecipientRoleEnum, { nullable: true, description: 'Through the link: whether the journalist or the editor replied' })
  recipientRole!: ReplyRecipientRole | null;

  @Field()
  text!: string;

  @Field(() => [String])
  attachmentUrls!: string[];

  @Field(() => [PressReplyAttachmentModel], { description: 'The files kept with the reply' })
  attachments!: PressReplyAttachmentModel[];

  @Field(() => String, { nullable: true })
  submittedBy!: string | null;

  @Field(() => String, { nullable: true })
  submittedByAgency!: string | null;

  @Field(() => DateTimeScalar)
  submittedAt!: string;
}

@ObjectType('PressRuling', { description: 'A ruling of the ethics board, citing the rules and giving reasons' })
export class PressRulingModel {
  @Field(() => ID)
  id!: string;

  @Field(() => RulingOutcomeEnum)
  outcome!: RulingOutcome;

  @Field(() => [String])
  ruleCodes!: string[];

  @Field()
  reasons!: string;

  @Field({ description: 'The directory user who ruled' })
  ruledBy!: string;

  @Field()
  ruledByAgency!: string;

  @Field(() => DateTimeScalar)
  ruledAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When an appeal returned it for a new ruling' })
  setAsideAt!: string | null;
}

@ObjectType('PressAppeal', { description: 'An appeal against a ruling, heard by a reviewer who took no part in it' })
export class PressAppealModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  rulingId!: string;

  @Field(() => AppealPartyEnum)
  party!: AppealParty;

  @Field(() => [AppealGroundEnum])
  grounds!: AppealGround[];

  @Field()
  statement!: string;

  @Field()
  lodgedBy!: string;

  @Field()
  lodgedByAgency!: string;

  @Field(() => DateTimeScalar)
  lodgedAt!: string;

  @Field(() => AppealDecisionEnum, { nullable: true })
  decision!: AppealDecision | null;

  @Field(() => RulingOutcomeEnum, { nullable: true })
  substitutedOutcome!: RulingOutcome | null;

  @Field(() => String, { nullable: true })
  decisionReasons!: string | null;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: string | null;
}

@ObjectType('PressComplaint', { description: 'Đ6.3: a press-ethics complaint (no respondent’s name or contact: see pressComplaintRespondent)' })
export class PressComplaintModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ComplaintOriginEnum)
  origin!: ComplaintOrigin;

  @Field(() => ID, { nullable: true })
  caseId!: string | null;

  @Field(() => String, { nullable: true })
  caseNumber!: string | null;

  @Field(() => ID, { nullable: true, description: 'The REFER_TO_PRESS_ASSOCIATION action it came from' })
  actionId!: string | null;

  @Field(() => ComplaintStatusEnum)
  status!: ComplaintStatus;

  @Field()
  complainantAgencyCode!: string;

  @Field(() => PressArticleModel, { nullable: true })
  article!: PressArticleModel | null;

  @Field(() => [String])
  ruleCodes!: string[];

  @Field(() => String, { nullable: true })
  account!: string | null;

  @Field(() => DateTimeScalar)
  openedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  filedAt!: string | null;

  @Field(() => [InadmissibilityReasonEnum])
  inadmissibilityReasons!: InadmissibilityReason[];

  @Field(() => String, { nullable: true })
  inadmissibilityNote!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of the reply window (working days)' })
  replyDueAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of the time to appeal the ruling' })
  appealDueAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: string | null;

  @Field(() => RulingOutcomeEnum, { nullable: true, description: 'The outcome that stands (the ruling’s, or the one an appeal substituted)' })
  finalOutcome!: RulingOutcome | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the respondent’s details were purged' })
  respondentPurgedAt!: string | null;

  @Field(() => [PressReplyModel])
  replies!: PressReplyModel[];

  @Field(() => [PressRulingModel])
  rulings!: PressRulingModel[];

  @Field(() => [PressAppealModel])
  appeals!: PressAppealModel[];
}

@ObjectType('PressComplaintRespondent', { description: 'Restricted (ethics officers; every read audited): whom a complaint is about' })
export class PressComplaintRespondentModel {
  @Field(() => ID)
  complaintId!: string;

  @Field()
  journalistName!: string;

  @Field()
  journalistEmail!: string;

  @Field(() => String, { nullable: true })
  editorName!: string | null;

  @Field(() => String, { nullable: true })
  editorEmail!: string | null;
}

@ObjectType('PressReplyUploadTicket', { description: 'A short-lived address to PUT one file of the outlet’s reply to; the answer names its attachment id' })
export class PressReplyUploadTicketModel {
  @Field()
  uploadUrl!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: string;

  @Field(() => Float)
  maxFileBytes!: number;

  @Field(() => Int)
  maxFiles!: number;

  @Field(() => Float)
  maxTotalBytes!: number;

  @Field(() => [String], { description: 'The media types a file may be (decided from its bytes)' })
  allowedMediaTypes!: string[];
}

@ObjectType('PressReplyAttachmentDownload', { description: 'A short-lived address to GET a reply’s file (each download is audited)' })
export class PressReplyAttachmentDownloadModel {
  @Field(() => ID)
  attachmentId!: string;

  @Field()
  url!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: string;

  @Field()
  sha256!: string;
}
