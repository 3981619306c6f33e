import { Field, ID, InputType } from '@nestjs/graphql';
import type { AppealDecision, AppealGround, AppealParty, ReplyRecipientRole, RulingOutcome } from '@phoi-hop/contracts';
import { DateScalar } from '../common/scalars';
import { AppealDecisionEnum, AppealGroundEnum, AppealPartyEnum, ReplyRecipientRoleEnum, RulingOutcomeEnum } from './press.enums';

@InputType({ isAbstract: true })
abstract class ComplaintDetailsInput {
  @Field({ description: 'The article or post as published (http or https)' })
  articleUrl!: string;

  @Field()
  outletName!: string;

  @Field({ nullable: true, description: 'The outlet as an agency of the directory (a press organ): its users may reply and appeal' })
  outletAgencyCode?: string;

  @Field(() => DateScalar)
  publicationDate!: string;

  @Field({ description: 'The byline exactly as published' })
  byline!: string;

  @Field(() => [String], { description: 'Codes of the press rules said to be broken (referenceData.pressRules); none makes the complaint inadmissible' })
  ruleCodes!: string[];

  @Field({ description: 'The complainant’s account' })
  account!: string;

  @Field({ description: 'Restricted: the journalist’s name' })
  journalistName!: string;

  @Field({ description: 'Restricted: the journalist’s work e-mail, where the notice and the one-time reply link go' })
  journalistEmail!: string;

  @Field({ nullable: true })
  editorName?: string;

  @Field({ nullable: true, description: 'The outlet editor’s work e-mail (notified too)' })
  editorEmail?: string;
}

@InputType()
export class FilePressComplaintInput extends ComplaintDetailsInput {
  @Field(() => ID, { nullable: true, description: 'A case the complaint is about (one the filing agency sees)' })
  caseId?: string;
}

@InputType()
export class CompletePressComplaintInput extends ComplaintDetailsInput {
  @Field(() => ID)
  complaintId!: string;
}

@InputType()
export class ReplyToPressComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field()
  text!: string;

  @Field(() => [String], { nullable: true, description: 'Links to what the reply attaches' })
  attachmentUrls?: string[];

  @Field(() => [ID], { nullable: true, description: 'Files uploaded beforehand (requestPressReplyUpload), in the order to attach them' })
  attachmentIds?: string[];
}

@InputType()
export class RequestPressReplyUploadInput {
  @Field(() => ID)
  complaintId!: string;

  @Field({ description: 'The file’s name, kept only as its display name (its type comes from the bytes)' })
  fileName!: string;
}

@InputType()
export class IssuePressRulingInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => RulingOutcomeEnum)
  outcome!: RulingOutcome;

  @Field(() => [String], { description: 'The rules the ruling cites (at least one)' })
  ruleCodes!: string[];

  @Field()
  reasons!: string;
}

@InputType({ description: 'A fresh one-time reply link for the journalist or the editor, while the reply window is open' })
export class ReissuePressReplyLinkInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => ReplyRecipientRoleEnum, { description: 'Whose link: the journalist’s or the editor’s (their earlier unused links stop working)' })
  recipientRole!: ReplyRecipientRole;

  @Field({ description: 'Why the link is sent again (the secret was rotated, the e-mail was lost); kept in the audit log' })
  reason!: string;
}

@InputType()
export class LodgePressAppealInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => AppealPartyEnum)
  party!: AppealParty;

  @Field(() => [AppealGroundEnum])
  grounds!: AppealGround[];

  @Field()
  statement!: string;
}

@InputType()
export class DecidePressAppealInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => AppealDecisionEnum)
  decision!: AppealDecision;

  @Field(() => RulingOutcomeEnum, { nullable: true, description: 'OVERTURNED only: the outcome that replaces the ruling’s' })
  substitutedOutcome?: RulingOutcome;

  @Field()
  reasons!: string;
}
