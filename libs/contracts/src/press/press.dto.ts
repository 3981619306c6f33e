import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDay } from '../common/calendar-day';
import { REFERENCE_CODE_PATTERN } from '../common/codes';

// Đ6.3: the provincial press association handles breaches of journalists' professional rules, the way
// press councils do: notice, a right of reply before any ruling, reasons citing the rule, an appeal
// heard by someone else.

/** The two codes of conduct a complaint can cite (versioned reference data of the province seed). */
export const PressRuleSets = ['JOURNALIST_ETHICS', 'SOCIAL_NETWORK_CONDUCT'] as const;
export type PressRuleSet = (typeof PressRuleSets)[number];

/** Where a complaint came from: a case's REFER_TO_PRESS_ASSOCIATION action, or an agency directly. */
export const ComplaintOrigins = ['CASE_ACTION', 'AGENCY'] as const;
export type ComplaintOrigin = (typeof ComplaintOrigins)[number];

/**
 * The stages of a complaint. INCOMPLETE: opened from a case action, the article and the rules are
 * still to be given. INADMISSIBLE and CLOSED are final; an inadmissible complaint keeps its reasons.
 */
export const ComplaintStatuses = ['INCOMPLETE', 'INADMISSIBLE', 'AWAITING_REPLY', 'AWAITING_RULING', 'RULED', 'UNDER_APPEAL', 'CLOSED'] as const;
export type ComplaintStatus = (typeof ComplaintStatuses)[number];

/** Why a complaint was found inadmissible. */
export const InadmissibilityReasons = ['NO_RULE_CITED', 'FILED_TOO_LATE'] as const;
export type InadmissibilityReason = (typeof InadmissibilityReasons)[number];

/** Who is asked to reply: the journalist of the byline and the outlet's editor. */
export const ReplyRecipientRoles = ['JOURNALIST', 'EDITOR'] as const;
export type ReplyRecipientRole = (typeof ReplyRecipientRoles)[number];

/** How a reply reached the board: the one-time link of the notice, or GraphQL by a user of the outlet's agency. */
export const ReplyChannels = ['LINK', 'AGENCY_USER'] as const;
export type ReplyChannel = (typeof ReplyChannels)[number];

/** What the ethics board decides; anything but NO_VIOLATION is a sanction (a restrictive action, Đ3.2). */
export const RulingOutcomes = ['NO_VIOLATION', 'REMINDER', 'WARNING', 'REPRIMAND', 'REFER_FOR_MEMBERSHIP_SANCTION'] as const;
export type RulingOutcome = (typeof RulingOutcomes)[number];

/** Who appeals a ruling. */
export const AppealParties = ['COMPLAINANT', 'RESPONDENT'] as const;
export type AppealParty = (typeof AppealParties)[number];

export const AppealGrounds = ['PROCEDURAL_ERROR', 'NEW_INFORMATION', 'MISAPPLIED_RULE'] as const;
export type AppealGround = (typeof AppealGrounds)[number];

/** The reviewer's decision: the ruling stands, is replaced, or goes back for a new ruling. */
export const AppealDecisions = ['UPHELD', 'OVERTURNED', 'RETURNED'] as const;
export type AppealDecision = (typeof AppealDecisions)[number];

/**
 * What a reply may attach, decided from the bytes (never from the name or the declared type): PDF,
 * JPEG, PNG, WEBP, DOCX, ODT and plain UTF-8 text — documents and pictures, nothing that runs.
 */
export const ReplyAttachmentMediaTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'text/plain',
] as const;
export type ReplyAttachmentMediaType = (typeof ReplyAttachmentMediaTypes)[number];

const COMPLAINT_ID = { message: 'complaintId must be a complaint id' };
const RULE_CODE = { each: true, message: 'each rule code must be a rule code' };

/** The article, the rules said to be broken, the complainant's account and whom to notify: what a complaint needs to be judged. */
export class ComplaintDetailsFields {
  /** The article or post as published (http or https). */
  @IsString()
  @MaxLength(2_048)
  @Matches(/^https?:\/\/\S+$/i, { message: 'articleUrl must be an http(s) address' })
  articleUrl!: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  outletName!: string;

  /** The outlet as an agency of the directory (a press organ), when it is one: its users may reply and appeal. */
  @IsOptional()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'outletAgencyCode must be an agency code' })
  outletAgencyCode?: string;

  @IsCalendarDay()
  publicationDate!: string;

  /** The byline exactly as published (a pen name stays a pen name). */
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  byline!: string;

  /** The rules said to be broken (codes of the press rules in the reference data); none makes the complaint inadmissible. */
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(REFERENCE_CODE_PATTERN, RULE_CODE)
  ruleCodes!: string[];

  @IsString()
  @MinLength(20, { message: 'account must say what happened (at least 20 characters)' })
  @MaxLength(10_000)
  account!: string;

  /** Restricted: the journalist's name and work e-mail, where the notice and the reply link go. */
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  journalistName!: string;

  @IsEmail({}, { message: 'journalistEmail must be an e-mail address' })
  @MaxLength(320)
  journalistEmail!: string;

  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  editorName?: string;

  @IsOptional()
  @IsEmail({}, { message: 'editorEmail must be an e-mail address' })
  @MaxLength(320)
  editorEmail?: string;
}

/** `press.complaint.file`: an agency files a complaint directly, optionally about a case it sees. */
export class FileComplaintRequest extends ComplaintDetailsFields {
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId?: string;
}

/** `press.complaint.complete`: the details of a complaint opened from a case action (INCOMPLETE). */
export class CompleteComplaintRequest extends ComplaintDetailsFields {
  @IsUUID('all', COMPLAINT_ID)
  complaintId!: string;
}

export class ComplaintGetRequest {
  @IsUUID('all', COMPLAINT_ID)
  complaintId!: string;
}

export class ComplaintListRequest {
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId?: string;

  @IsOptional()
  @IsIn(ComplaintStatuses, { message: `status must be one of ${ComplaintStatuses.join(', ')}` })
  status?: ComplaintStatus;
}

/** `press.reply.submit`: the outlet's reply through GraphQL, by a user of the outlet's agency. */
export class SubmitReplyRequest {
  @IsUUID('all', COMPLAINT_ID)
  complaintId!: string;

  @IsString()
  @MinLength(10, { message: 'text must be the reply (at least 10 characters)' })
  @MaxLength(20_000)
  text!: string;

  /** Links to what the journalist attaches (documents, recordings), kept with the reply. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^https?:\/\/\S+$/i, { each: true, message: 'each attachment must be an http(s) address' })
  @MaxLength(2_048, { each: true })
  attachmentUrls?: string[];

  /** Files uploaded beforehand through `press.reply.request-upload` (the count and total size limits of the service apply). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'attachmentIds must not name a file twice' })
  @IsUUID('all', { each: true, message: 'each attachment id must be the id of an uploaded file' })
  attachmentIds?: string[];
}

/** `press.reply.request-upload`: an address to PUT one file of the outlet's coming reply to. */
export class RequestReplyUploadRequest {
  @IsUUID('all', COMPLAINT_ID)
  complaintId!: string;

  /** The file's name as the uploader has it: kept only as a display name (the type comes from the bytes). */
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @Matches(/^[^/\\\u0000-\u001f\u007f]+$/, { message: 'fileName must be a file name, not a path' })
  fileName!: string;
}

export interface ReplyUploadTicketDto {
  /** PUT the file's bytes here once, before `expiresAt`; the answer names the attachment id to reply with. */
  uploadUrl: string;
  expiresAt: string;
  maxFileBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
  allowedMediaTypes: ReplyAttachmentMediaType[];
}

/** `press.reply.attachment-download`: a short-lived address to download a reply's file. */
export class ReplyAttachmentDownloadRequest {
  @IsUUID('all', { message: 'attachmentId must be an attachment id' })
  attachmentId!: string;
}

export interface ReplyAttachmentDownloadDto {
  attachmentId: string;
  /** GET the file here before `expiresAt` (each download is audited). */
  url: string;
  expiresAt: string;
  sha256: string;
}

/** `press.ruling.issue`: the ethics board decides, citing the rules and giving reasons. */
export class IssueRulingRequest {
  @IsUUID('all', COMPLAINT_ID)
  complaintId!: string;

  @IsIn(RulingOutcomes, { message: `outcome must be one of ${RulingOutcomes.join(', ')}` })
  outcome!: RulingOutcome;

  @IsArray()
  @ArrayMinSize(1, { message: 'a ruling cites at least one rule' })
  @ArrayMaxSize(20)
  @Matches(REFERENCE_CODE_PATTERN, RULE_CODE)
  ruleCodes!: string[];

  @IsString()
  @MinLength(20, { message: 'reasons must explain the ruling (at least 20 characters)' })
  @MaxLength(20_000)
  reasons!: string;
}

/** `press.appeal.lodge`: either side appeals a ruling on stated grounds. */
export class LodgeAppealRequest {
  @IsUUID('all', COMPLAINT_ID)
  complaintId!: string;

  @IsIn(AppealParties, { message: `party must be one of ${AppealParties.join(', ')}` })
  party!: AppealParty;

  @IsArray()
  @ArrayMinSize(1, { message: 'an appeal states at least one ground' })
  @ArrayMaxSize(AppealGrounds.length)
  @IsIn(AppealGrounds, { each: true, message: `each ground must be one of ${AppealGrounds.join(', ')}` })
  grounds!: AppealGround[];

  @IsString()
  @MinLength(20, { message: 'statement must explain the grounds (at least 20 characters)' })
  @MaxLength(20_000)
  statement!: string;
}

/** `press.appeal.decide`: a reviewer who took no part in the ruling decides the appeal. */
export class DecideAppealRequest {
  @IsUUID('all', COMPLAINT_ID)
  complaintId!: string;

  @IsIn(AppealDecisions, { message: `decision must be one of ${AppealDecisions.join(', ')}` })
  decision!: AppealDecision;

  /** OVERTURNED only: the outcome that replaces the ruling's. */
  @IsOptional()
  @IsIn(RulingOutcomes, { message: `substitutedOutcome must be one of ${RulingOutcomes.join(', ')}` })
  substitutedOutcome?: RulingOutcome;

  @IsString()
  @MinLength(20, { message: 'reasons must explain the decision (at least 20 characters)' })
  @MaxLength(20_000)
  reasons!: string;
}

export interface ComplaintArticleDto {
  url: string;
  outletName: string;
  outletAgencyCode: string | null;
  publicationDate: string;
  byline: string;
}

export interface ComplaintReplyDto {
  id: string;
  channel: ReplyChannel;
  /** LINK replies: whether the journalist or the editor answered. */
  recipientRole: ReplyRecipientRole | null;
  text: string;
  attachmentUrls: string[];
  /** The files kept with the reply. */
  attachments: ReplyAttachmentDto[];
  /** AGENCY_USER replies: the directory user. */
  submittedBy: string | null;
  submittedByAgency: string | null;
  submittedAt: string;
}

/** A file of a reply: what it is, never the bytes (see `press.reply.attachment-download`). */
export interface ReplyAttachmentDto {
  id: string;
  /** The sanitised display name (no path, no control characters). */
  name: string;
  /** The type sniffed from the bytes. */
  mediaType: ReplyAttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  /** When the retention purge deleted the bytes (the name, size and hash remain). */
  purgedAt: string | null;
}

export interface ComplaintRulingDto {
  id: string;
  outcome: RulingOutcome;
  ruleCodes: string[];
  reasons: string;
  ruledBy: string;
  ruledByAgency: string;
  ruledAt: string;
  /** When an appeal returned it for a new ruling. */
  setAsideAt: string | null;
}

export interface ComplaintAppealDto {
  id: string;
  rulingId: string;
  party: AppealParty;
  grounds: AppealGround[];
  statement: string;
  lodgedBy: string;
  lodgedByAgency: string;
  lodgedAt: string;
  decision: AppealDecision | null;
  substitutedOutcome: RulingOutcome | null;
  decisionReasons: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** A complaint as its viewers see it: no respondent's name or contact (see `press.respondent.get`). */
export interface ComplaintDto {
  id: string;
  origin: ComplaintOrigin;
  caseId: string | null;
  caseNumber: string | null;
  actionId: string | null;
  status: ComplaintStatus;
  complainantAgencyCode: string;
  article: ComplaintArticleDto | null;
  ruleCodes: string[];
  account: string | null;
  openedAt: string;
  filedAt: string | null;
  inadmissibilityReasons: InadmissibilityReason[];
  inadmissibilityNote: string | null;
  replyDueAt: string | null;
  appealDueAt: string | null;
  closedAt: string | null;
  /** The outcome that stands: the ruling's, or the one an appeal substituted (null before a ruling). */
  finalOutcome: RulingOutcome | null;
  respondentPurgedAt: string | null;
  replies: ComplaintReplyDto[];
  rulings: ComplaintRulingDto[];
  appeals: ComplaintAppealDto[];
}

/** Restricted (ethics officers only, every read audited): whom the complaint is about. */
export interface ComplaintRespondentDto {
  complaintId: string;
  journalistName: string;
  journalistEmail: string;
  editorName: string | null;
  editorEmail: string | null;
}

/**
 * `press.reply.link-reissue` (ETHICS_OFFICER of the press association): a fresh one-time reply link
 * for the journalist or the editor while the reply window is open (the link secret was rotated,
 * the e-mail was lost); the recipient's earlier unused links stop working.
 */
export class ReissueReplyLinkRequest {
  @IsUUID('all', COMPLAINT_ID)
  complaintId!: string;

  @IsIn(ReplyRecipientRoles, { message: `recipientRole must be one of ${ReplyRecipientRoles.join(', ')}` })
  recipientRole!: ReplyRecipientRole;

  @IsString()
  @MinLength(3, { message: 'reason must say why the link is sent again (at least 3 characters)' })
  @Matches(/\S\s*\S/, { message: 'reason must say why the link is sent again (at least 3 characters)' })
  @MaxLength(2_000)
  reason!: string;
}

/** Payload of every `evt.press.*` complaint event: identifiers and the step, never the respondent's details. */
export interface PressComplaintEvent {
  complaintId: string;
  caseId: string | null;
  caseNumber: string | null;
  status: ComplaintStatus;
  complainantAgencyCode: string;
  outcome?: RulingOutcome;
  decision?: AppealDecision;
  inadmissibilityReasons?: InadmissibilityReason[];
  replyDueAt?: string;
  /** Whose link was sent again (`evt.press.reply.link-reissued`). */
  recipientRole?: ReplyRecipientRole;
}

/** A press-association rule as the reference data holds it, with its article and the days it is in force. */
export interface PressRuleDto {
  code: string;
  ruleSet: PressRuleSet;
  /** The article number within its rule set ("Điều 3"). */
  article: string;
  title: string;
  /** What the article says, summarised in Vietnamese. */
  text: string;
  /** The instrument that issued it (decision number and date). */
  source: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  successorCode: string | null;
  /** The text is provisional and must be checked against the official one. */
  needsReview: boolean;
}

/** A public holiday of the province (not a working day). */
export interface PublicHolidayDto {
  day: string;
  name: string;
  /** The date is provisional (lunar holidays are fixed by the government each year). */
  needsReview: boolean;
}
