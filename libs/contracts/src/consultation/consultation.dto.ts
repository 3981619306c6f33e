import { ClientRequestIdField } from '../common/idempotency';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { REFERENCE_CODE_PATTERN, type Severity } from '../common/codes';
import { HandlingActionInputDto, type HandlingActionTypeCode } from '../decision/decision.dto';

/** Đ4.2, Đ5.3: the lead agency consults by a meeting or by written opinions. */
export const ConsultationModes = ['MEETING', 'WRITTEN'] as const;
export type ConsultationMode = (typeof ConsultationModes)[number];
export const ConsultationStatuses = ['OPEN', 'RESOLVED', 'CANCELLED'] as const;
export type ConsultationStatus = (typeof ConsultationStatuses)[number];
export const OpinionPositions = ['AGREE', 'DISAGREE', 'ALTERNATIVE'] as const;
export type OpinionPosition = (typeof OpinionPositions)[number];

const AGENCY_CODE = { message: 'each agency code must be an agency code' };

/** `consultation.consultation.open`: the coordinator consults the agencies on a case. */
export class OpenConsultationRequest {
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId!: string;

  @IsIn(ConsultationModes)
  mode!: ConsultationMode;

  @IsArray()
  @ArrayMinSize(1, { message: 'invite at least one agency' })
  @ArrayMaxSize(30)
  @Matches(REFERENCE_CODE_PATTERN, { each: true, ...AGENCY_CODE })
  invitedAgencyCodes!: string[];

  /** WRITTEN: the question put to the agencies; MEETING: the agenda. */
  @IsString()
  @MinLength(10, { message: 'subject must say what the agencies are asked (at least 10 characters)' })
  @MaxLength(5_000)
  subject!: string;

  /** WRITTEN: the handling the lead agency proposes. */
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  proposedHandling?: string;

  /** WRITTEN: when opinions are due (ISO 8601 date-time with offset). */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'deadline must be an ISO 8601 date-time' })
  deadline?: string;

  /** MEETING: when it takes place. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'meetingAt must be an ISO 8601 date-time' })
  meetingAt?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2_048)
  @Matches(/^https:\/\/\S+$/, { message: 'link must be an https address' })
  link?: string;

  /** Idempotency key: a retry with the same key gets the first answer (see ClientRequestIdField). */
  @ClientRequestIdField()
  clientRequestId?: string;
}

export class OpinionAttachmentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @IsString()
  @MaxLength(2_048)
  @Matches(/^https?:\/\/\S+$/, { message: 'attachment url must be an http(s) address' })
  url!: string;
}

/** `consultation.opinion.submit`: an invited agency answers a written consultation. */
export class SubmitOpinionRequest {
  @IsUUID('all', { message: 'consultationId must be a consultation id' })
  consultationId!: string;

  @IsIn(OpinionPositions)
  position!: OpinionPosition;

  @IsString()
  @MinLength(10, { message: 'reasoning must give the agency’s reasons (at least 10 characters)' })
  @MaxLength(10_000)
  reasoning!: string;

  /** ALTERNATIVE: the handling the agency proposes instead. */
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  alternativeProposal?: string;

  /** Omitted on a revised opinion: the previous version's attachments are kept; `[]` gives none. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => OpinionAttachmentDto)
  attachments?: OpinionAttachmentDto[];

  /** Idempotency key: a retry with the same key gets the first answer (see ClientRequestIdField). */
  @ClientRequestIdField()
  clientRequestId?: string;
}

export class AttendanceInputDto {
  @Matches(REFERENCE_CODE_PATTERN, AGENCY_CODE)
  agencyCode!: string;

  @IsBoolean()
  present!: boolean;

  /** The official who attended for the agency (name and title), if present. */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  representative?: string;
}

export class DissentInputDto {
  @Matches(REFERENCE_CODE_PATTERN, AGENCY_CODE)
  agencyCode!: string;

  @IsString()
  @MinLength(3)
  @MaxLength(5_000)
  view!: string;
}

/** `consultation.meeting.record`: attendance, minutes and dissenting views of a meeting. */
export class RecordMeetingRequest {
  @IsUUID('all', { message: 'consultationId must be a consultation id' })
  consultationId!: string;

  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AttendanceInputDto)
  attendance!: AttendanceInputDto[];

  @IsString()
  @MinLength(10, { message: 'minutes must record what was discussed (at least 10 characters)' })
  @MaxLength(50_000)
  minutes!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => DissentInputDto)
  dissentingViews?: DissentInputDto[];
}

/** `consultation.consultation.resolve`: the agreed handling plan, which carries over to the decision. */
export class ResolveConsultationRequest {
  @IsUUID('all', { message: 'consultationId must be a consultation id' })
  consultationId!: string;

  @IsString()
  @MinLength(10, { message: 'summary must state what was agreed (at least 10 characters)' })
  @MaxLength(10_000)
  summary!: string;

  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => HandlingActionInputDto)
  plan!: HandlingActionInputDto[];
}

export class ConsultationGetRequest {
  @IsUUID('all', { message: 'id must be a consultation id' })
  id!: string;
}

export class ConsultationListRequest {
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId!: string;
}

export interface OpinionAttachment {
  name: string;
  url: string;
}

/** One opinion an agency gave; a revision is a new version, the earlier ones stay on the record. */
export interface OpinionVersionDto {
  /** 1 for the first opinion, then 2, 3, … */
  version: number;
  position: OpinionPosition;
  reasoning: string;
  alternativeProposal: string | null;
  attachments: OpinionAttachment[];
  respondedAt: string;
  respondedBy: string | null;
  late: boolean;
}

/** An invited agency and its latest opinion (the `position` … `late` fields), with every version in `opinionVersions`. */
export interface InvitationDto {
  agencyCode: string;
  position: OpinionPosition | null;
  reasoning: string | null;
  alternativeProposal: string | null;
  attachments: OpinionAttachment[];
  respondedAt: string | null;
  /** Answered after the deadline. */
  late: boolean;
  remindedAt: string | null;
  escalatedAt: string | null;
  /** MEETING: whether the agency attended (null until the minutes are recorded). */
  present: boolean | null;
  representative: string | null;
  /** Every opinion the agency gave, oldest first; the last is the one shown above. */
  opinionVersions: OpinionVersionDto[];
}

export interface DissentDto {
  agencyCode: string;
  view: string;
}

export interface PlannedActionDto {
  type: HandlingActionTypeCode;
  assigneeAgencyCode: string;
  dueDate: string;
  details: string | null;
  /** REQUEST_REMOVAL: what to ask which platform to remove (its legal basis is checked at the decision). */
  removal?: { url?: string; platform?: string; legalBasis?: string[] };
}

export interface ConsultationResolutionDto {
  summary: string;
  plan: PlannedActionDto[];
  resolvedAt: string;
  resolvedBy: string;
}

export interface ConsultationDto {
  id: string;
  caseId: string;
  caseNumber: string;
  mode: ConsultationMode;
  status: ConsultationStatus;
  subject: string;
  proposedHandling: string | null;
  deadline: string | null;
  meetingAt: string | null;
  location: string | null;
  link: string | null;
  leadAgencyCode: string;
  severity: Severity;
  invitations: InvitationDto[];
  minutes: string | null;
  dissentingViews: DissentDto[];
  resolution: ConsultationResolutionDto | null;
  openedAt: string;
  openedBy: string;
}

/** Payload of `evt.consultation.consultation.opened`. */
export interface ConsultationOpenedEvent {
  consultationId: string;
  caseId: string;
  caseNumber: string;
  mode: ConsultationMode;
  invitedAgencyCodes: string[];
  deadline: string | null;
  meetingAt: string | null;
}

/** Payload of `evt.consultation.opinion.submitted`. */
export interface OpinionSubmittedEvent {
  consultationId: string;
  caseId: string;
  caseNumber: string;
  agencyCode: string;
  position: OpinionPosition;
  late: boolean;
}

/** Payload of `evt.consultation.opinion.reminded`: the agencies that have not answered yet. */
export interface OpinionRemindedEvent {
  consultationId: string;
  caseId: string;
  caseNumber: string;
  agencyCodes: string[];
  deadline: string;
}

/** Payload of `evt.consultation.opinion.escalated`: agencies that missed the deadline, and who is told. */
export interface OpinionEscalatedEvent {
  consultationId: string;
  caseId: string;
  caseNumber: string;
  overdueAgencyCodes: string[];
  escalatedTo: string[];
  severity: Severity;
  deadline: string;
}

/** Payload of `evt.consultation.meeting.recorded`. */
export interface MeetingRecordedEvent {
  consultationId: string;
  caseId: string;
  caseNumber: string;
  absentAgencyCodes: string[];
  dissentingAgencyCodes: string[];
}

/** Payload of `evt.consultation.consultation.resolved`. */
export interface ConsultationResolvedEvent {
  consultationId: string;
  caseId: string;
  caseNumber: string;
  summary: string;
  plan: PlannedActionDto[];
}
