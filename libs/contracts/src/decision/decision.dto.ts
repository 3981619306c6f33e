import { ClientRequestIdField } from '../common/idempotency';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsCalendarDay } from '../common/calendar-day';
import { REFERENCE_CODE_PATTERN } from '../common/codes';
import type { CaseDto } from '../intake/intake.dto';

export const Findings = ['FALSE', 'MISLEADING', 'UNLAWFUL', 'TRUE', 'OPINION', 'GRIEVANCE', 'UNVERIFIABLE'] as const;
export type FindingCode = (typeof Findings)[number];
export const HandlingActionTypes = [
  'PUBLISH_CLARIFICATION',
  'REQUEST_REMOVAL',
  'PROPOSE_SANCTION',
  'REFER_TO_POLICE',
  'REFER_TO_PRESS_ASSOCIATION',
  'RESOLVE_GRIEVANCE',
  'MONITOR',
  'NO_ACTION',
] as const;
export type HandlingActionTypeCode = (typeof HandlingActionTypes)[number];
/** A handling action is PLANNED when decided, IN_PROGRESS once its assignee starts, DONE with its result. */
export const HandlingActionStatuses = ['PLANNED', 'IN_PROGRESS', 'DONE'] as const;
export type HandlingActionStatus = (typeof HandlingActionStatuses)[number];

export class AssessmentInputDto {
  @IsBoolean()
  isFactualClaim!: boolean;

  /** The code of the agency that verified the claim false (a directory agency, e.g. SYT for a health rumour). */
  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'verifiedFalseBy must be the code of the agency that verified the claim false' })
  verifiedFalseBy?: string;

  @IsBoolean()
  isPublicInterestReporting!: boolean;

  @IsBoolean()
  isGenuineGrievance!: boolean;

  @IsString()
  @MaxLength(2000)
  proportionality!: string;

  @IsBoolean()
  concludesNotProtected!: boolean;
}

/** Platforms removal requests go to; OTHER for the rest of the web. */
export const Platforms = ['FACEBOOK', 'YOUTUBE', 'TIKTOK', 'ZALO', 'X', 'INSTAGRAM', 'TELEGRAM', 'OTHER'] as const;
export type Platform = (typeof Platforms)[number];

/** REQUEST_REMOVAL: what to ask which platform to remove, on which of the decision's provisions. */
export class RemovalTargetInputDto {
  /** Default: the canonical link of the case's first report (tracking parameters removed). */
  @IsOptional()
  @IsString()
  @MaxLength(2_048)
  url?: string;

  /** Default: from the link's host. */
  @IsOptional()
  @IsIn(Platforms, { message: `platform must be one of ${Platforms.join(', ')}` })
  platform?: Platform;

  /** Codes among the decision's provisions; default: all of them. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  legalBasis?: string[];
}

export class HandlingActionInputDto {
  @IsIn(HandlingActionTypes)
  type!: HandlingActionTypeCode;

  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'assigneeAgencyCode must be an agency code' })
  assigneeAgencyCode!: string;

  @IsCalendarDay({ message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  details?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => RemovalTargetInputDto)
  removal?: RemovalTargetInputDto;
}

/** `intake.case.decide`: the decision with its statement of reasons and the handling plan (Đ5, Đ7.2). */
export class DecideCaseRequest {
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId!: string;

  @IsIn(Findings)
  finding!: FindingCode;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  provisionCodes!: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => AssessmentInputDto)
  assessment?: AssessmentInputDto;

  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  statementOfReasons!: string;

  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => HandlingActionInputDto)
  actions!: HandlingActionInputDto[];

  /** The resolved consultation whose agreed plan the decision follows; with no `actions`, its plan is the handling. */
  @IsOptional()
  @IsUUID('all', { message: 'consultationId must be a consultation id' })
  consultationId?: string;

  /** Idempotency key: a retry with the same key gets the first answer (see ClientRequestIdField). */
  @ClientRequestIdField()
  clientRequestId?: string;
}

export interface HandlingActionDto {
  id: string;
  type: HandlingActionTypeCode;
  assigneeAgencyCode: string;
  dueDate: string;
  status: HandlingActionStatus;
}

export interface DecideCaseResponse {
  case: CaseDto;
  decisionId: string;
  actions: HandlingActionDto[];
}

/** What a removal request planned in a decision asks of which platform, on which of the decision's provisions. */
export interface RemovalTargetFactDto {
  platform: Platform;
  /** Codes of the provisions the request relies on (the taxonomy's, stable across edits of their citations). */
  provisionCodes: string[];
  /** The same provisions' citations, as the decision cited them. */
  legalBasis: string[];
}

/** An action as `case.decided` carries it: a removal request with its target (absent in events written before targets were carried). */
export interface DecidedActionDto extends HandlingActionDto {
  removal?: RemovalTargetFactDto;
}

/** Payload of `evt.intake.case.decided`. */
export interface CaseDecidedEvent {
  caseId: string;
  caseNumber: string;
  decisionId: string;
  finding: FindingCode;
  /** Citations of the provisions the decision relies on. */
  provisions: string[];
  /** Their codes, in the same order (absent in events written before codes were carried). */
  provisionCodes?: string[];
  actions: DecidedActionDto[];
}

/** A done action says what was done: at least this many characters of result (spaces at the ends aside). */
export const DONE_RESULT_MIN_LENGTH = 10;

/** `intake.action.update`: the assignee reports progress or the result of a handling action. */
export class UpdateHandlingActionRequest {
  @IsUUID('all', { message: 'actionId must be an action id' })
  actionId!: string;

  @IsIn(['IN_PROGRESS', 'DONE'])
  status!: 'IN_PROGRESS' | 'DONE';

  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  result?: string;

  /** The links proving the work (published clarification, …); omitted keeps the stored ones, `[]` clears them. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2_048, { each: true })
  @Matches(/^https?:\/\/\S+$/, { each: true, message: 'links must be http(s) addresses' })
  links?: string[];
}

export interface HandlingActionUpdatedEvent {
  caseId: string;
  caseNumber: string;
  action: HandlingActionDto & { result: string | null };
  /** A removal request's state after `intake.action.removal.update` (absent on other updates): for the statistics. */
  removal?: RemovalProgressDto;
}

/** Where a removal request stands: instants as ISO 8601 (UTC), null until recorded. */
export interface RemovalProgressDto {
  sentAt: string | null;
  acknowledgedAt: string | null;
  effectedAt: string | null;
  outcome: RemovalOutcome | null;
}

export const RemovalOutcomes = ['REMOVED', 'REFUSED', 'NO_RESPONSE'] as const;
export type RemovalOutcome = (typeof RemovalOutcomes)[number];

/** A request to a platform to remove content, as the assignee records it. */
export interface RemovalRequestDto {
  platform: string;
  url: string;
  /** Citations of the provisions the request relies on (among the decision's). */
  legalBasis: string[];
  requestReference: string | null;
  sentAt: string | null;
  acknowledgedAt: string | null;
  effectedAt: string | null;
  outcome: RemovalOutcome | null;
}

/** An action as the case shows it. Police referral details are restricted data: null unless the viewer may read them. */
export interface HandlingActionDetailDto extends HandlingActionDto {
  decisionId: string;
  details: string | null;
  result: string | null;
  links: string[];
  doneAt: string | null;
  /** Its details are restricted data (police referral) and were withheld from this view. */
  withheld: boolean;
  removal: RemovalRequestDto | null;
}

export interface AssessmentDto {
  isFactualClaim: boolean;
  verifiedFalseBy: string | null;
  isPublicInterestReporting: boolean;
  isGenuineGrievance: boolean;
  proportionality: string;
  concludesNotProtected: boolean;
}

/** A decision with its statement of reasons, as the case shows it. */
export interface DecisionDto {
  id: string;
  finding: FindingCode;
  /** The provisions as the taxonomy held them when the decision was made. */
  provisions: { code: string; citation: string }[];
  assessment: AssessmentDto | null;
  statementOfReasons: string;
  /** The directory user who decided. */
  decidedBy: string;
  decidedByAgency: string;
  decidedAt: string;
  consultationId: string | null;
}

/** `intake.action.removal.update`: the assignee records the removal request's progress; a field left out keeps its value, null clears it. */
export class UpdateRemovalRequestRequest {
  @IsUUID('all', { message: 'actionId must be an action id' })
  actionId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  requestReference?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  sentAt?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  acknowledgedAt?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  effectedAt?: string | null;

  @IsOptional()
  @IsIn(RemovalOutcomes)
  outcome?: RemovalOutcome | null;
}
