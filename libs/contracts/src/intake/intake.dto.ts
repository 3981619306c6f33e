import { ClientRequestIdField } from '../common/idempotency';
import { PageRequest } from '../common/page';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { REFERENCE_CODE_PATTERN } from '../common/codes';
import { Severities, type Severity } from '../common/codes';
import { CaseReferenceCodes, type ParticipantDto } from '../directory/directory.dto';
import type { DecisionDto, HandlingActionDetailDto } from '../decision/decision.dto';

export const EXCERPT_MAX_LENGTH = 20_000;
export const URL_MAX_LENGTH = 2_048;
export const NOTE_MAX_LENGTH = 5_000;

export const CaseStatuses = ['OPEN', 'TRIAGED', 'IN_CONSULTATION', 'DECIDED', 'ACTING', 'CLOSED', 'DISMISSED', 'MERGED'] as const;
export type CaseStatus = (typeof CaseStatuses)[number];

/**
 * How a report reached the platform: an agency that detected the content notifies the lead agency
 * (AGENCY, Đ4.1, Đ7.1); Sở TT&TT's daily press review and monitoring feeds (MEDIA_MONITORING, Đ6.1
 * "rà soát", "điểm báo hàng ngày"); the systems the Ministry hands over to the lead agency
 * (MINISTRY_SYSTEM, Đ6.1); a tip from an organisation or a member of the public that an agency
 * takes in (PUBLIC_TIP, Đ2: "tổ chức, cá nhân có liên quan"; who gave it is not recorded).
 */
export const ReportChannels = ['AGENCY', 'MEDIA_MONITORING', 'MINISTRY_SYSTEM', 'PUBLIC_TIP'] as const;
export type ReportChannel = (typeof ReportChannels)[number];
/** What a report without a channel came by: every report before channels existed was an agency's. */
export const DEFAULT_REPORT_CHANNEL: ReportChannel = 'AGENCY';

/** `intake.report.submit`: an agency reports harmful content (Đ4.1, Đ7.1). */
export class SubmitReportRequest extends CaseReferenceCodes {
  @IsString()
  @IsNotEmpty()
  @MaxLength(URL_MAX_LENGTH)
  url!: string;

  @IsString()
  @Matches(/\S/, { message: 'excerpt must not be empty' })
  @MaxLength(EXCERPT_MAX_LENGTH)
  excerpt!: string;

  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'observedAt must be an ISO 8601 date-time' })
  observedAt?: string;

  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;

  /** How the report reached the platform; default AGENCY. The lead agency's channels need its roles (see REPORT_CHANNEL_CLAIMANTS). */
  @IsOptional()
  @IsIn(ReportChannels, { message: `channel must be one of ${ReportChannels.join(', ')}` })
  channel?: ReportChannel;

  /** The reach the reporting agency estimates (views, shares, group members); raises the suggested severity. */
  @IsOptional()
  @IsInt({ message: 'estimatedReach must be a whole number' })
  @Min(0)
  @Max(10_000_000_000)
  estimatedReach?: number;

  /** Idempotency key: a retry with the same key gets the first answer (see ClientRequestIdField). */
  @ClientRequestIdField()
  clientRequestId?: string;
}

export interface ReportDto {
  id: string;
  caseId: string;
  url: string;
  canonicalUrl: string;
  excerpt: string;
  categoryCode: string;
  localityCode: string | null;
  sectorCode: string | null;
  observedAt: string | null;
  note: string | null;
  estimatedReach: number | null;
  /** Absent in events written before reports had a channel: read it as DEFAULT_REPORT_CHANNEL. */
  channel?: ReportChannel;
  reporterAgencyCode: string;
  submittedAt: string;
}

export interface PossibleDuplicateDto {
  caseId: string;
  number: string;
  similarity: number;
}

export interface CaseDto {
  id: string;
  /** Unique and sequential per year, e.g. "2026-000042". */
  number: string;
  status: CaseStatus;
  categoryCode: string;
  severity: Severity;
  localityCode: string | null;
  sectorCode: string | null;
  openedAt: string;
  reporterAgencyCode: string;
  participants: ParticipantDto[];
  /** Oldest first; empty when asked withReports: false (then page them with intake.case.reports). */
  reports: ReportDto[];
  /** How many reports the case has, when `reports` holds only the latest of them (a submission's answer). */
  reportCount?: number;
  possibleDuplicates: PossibleDuplicateDto[];
  /** Every agency that was ever responsible, with when it started and, if it did, stopped. */
  participantHistory: ParticipantHistoryDto[];
  /** The severity triage would start from, and why (category default raised by spread). */
  /** Absent when asked withReports: false (intake.case.report-stats has it). */
  severitySuggestion?: SeveritySuggestionDto;
  assignedOfficers: string[];
  triagedAt: string | null;
  deadlines: CaseDeadlineDto[];
  /** MERGED: the case it went into. */
  mergedInto: string | null;
  /** The case its first report was split out of. */
  splitFrom: string | null;
  /** The version of the directory's reference data and rules it was routed with (0: as seeded). */
  referenceVersion: number | null;
  /** Every decision, oldest first (a reopened case may be decided again). */
  decisions: DecisionDto[];
  /** The handling actions of every decision. */
  actions: HandlingActionDetailDto[];
  /** Every status the case has had, oldest first, with why (dismissal, reopening, outcome). */
  statusHistory: CaseStatusChangeDto[];
  /** CLOSED: the outcome summary it was closed with. */
  outcome: string | null;
  /** Every agency that may see the case, with why. */
  access: CaseAccessDto[];
  /** Read for a viewer: what the viewer's agency sees (REPORTER: its own reports only, no handling details). */
  viewerAccess?: ViewerAccess;
  /** Read for a viewer: the case actions the viewer may perform now (lifecycle and policy table). */
  viewerCan?: CaseAction[];
}

/** Why an agency may see a case. */
export const CaseAccessReasons = ['LEAD', 'PARTICIPANT', 'INFORMED', 'REPORTER', 'ASSIGNEE'] as const;
export type CaseAccessReason = (typeof CaseAccessReasons)[number];

export interface CaseAccessDto {
  agencyCode: string;
  /** One entry per reason; `basis` is the article or rule for LEAD, PARTICIPANT and INFORMED, null otherwise. */
  reasons: Array<{ reason: CaseAccessReason; basis: string | null }>;
}

/**
 * Need-to-know: FULL for the agencies responsible for a case (lead, participants, informed,
 * assignees) and case-wide roles; REPORTER for an agency that only reported the same content.
 */
export const ViewerAccesses = ['FULL', 'REPORTER'] as const;
export type ViewerAccess = (typeof ViewerAccesses)[number];

/** What a viewer may do to a case, each the GraphQL mutation of the same name. */
export const CaseActions = [
  'TRIAGE',
  'OPEN_CONSULTATION',
  'DECIDE',
  'CLOSE',
  'DISMISS',
  'REOPEN',
  'MERGE',
  'REJECT_DUPLICATE',
  'SPLIT_REPORT',
  'UPDATE_HANDLING_ACTION',
  'UPDATE_REMOVAL_REQUEST',
] as const;
export type CaseAction = (typeof CaseActions)[number];

export interface CaseStatusChangeDto {
  from: CaseStatus | null;
  to: CaseStatus;
  reason: string | null;
  byAgency: string | null;
  /** The directory user who made the change; null for the platform itself (and for changes recorded before people were). */
  byUserId: string | null;
  at: string;
}

export interface ParticipantHistoryDto extends ParticipantDto {
  assignedAt: string;
  endedAt: string | null;
  replacedBy: string | null;
}

/** Payload of `evt.intake.case.reassigned`. */
export interface CaseReassignedEvent {
  caseId: string;
  caseNumber: string;
  retired: string;
  successor: string;
}

export interface SubmitReportResponse {
  report: ReportDto;
  case: CaseDto;
  merged: boolean;
}

/** Case numbers as the platform hands them out: prefix, year and sequence, e.g. QB-2026-000020. */
export const CASE_NUMBER_PATTERN = /^[A-Za-z0-9]{1,16}-\d{4}-\d{1,12}$/;

/** `intake.case.get`: a case by its id, or by its number (exactly one of them). */
export class CaseGetRequest {
  @ValidateIf((request: CaseGetRequest) => request.number === undefined)
  @IsUUID('all', { message: 'id must be a case id' })
  id?: string;

  @IsOptional()
  @IsString()
  @Matches(CASE_NUMBER_PATTERN, { message: 'number must be a case number such as QB-2026-000020' })
  number?: string;

  /** false: the case without its reports and what is computed from them (see CaseDto.reports). Default true. */
  @IsOptional()
  @IsBoolean()
  withReports?: boolean;
}

/** Longest free-text query of `intake.case.list`. */
export const CASE_SEARCH_MAX_LENGTH = 200;

export class CaseListRequest extends PageRequest {
  @IsOptional()
  @IsIn(CaseStatuses)
  status?: CaseStatus;

  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN)
  categoryCode?: string;

  /**
   * Free text over the case number, the reports' URLs (canonicalised) and excerpts, case- and
   * diacritics-insensitive ("lu lut" finds "lũ lụt"). With it, cases come best match first.
   */
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(CASE_SEARCH_MAX_LENGTH)
  text?: string;

  @IsOptional()
  @IsIn(Severities)
  severity?: Severity;

  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'localityCode must be a locality code' })
  localityCode?: string;

  /** Cases this agency is on (reporter, participant, informed or assignee). */
  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'agencyCode must be an agency code' })
  agencyCode?: string;

  /** Opened at or after this instant. */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'openedFrom must be an ISO 8601 date-time' })
  openedFrom?: string;

  /** Opened before this instant. */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'openedTo must be an ISO 8601 date-time' })
  openedTo?: string;

  /** true: only cases with a deadline that has passed and is still open (not met, not cancelled); false: only cases without one. */
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
  /** false: the cases without their reports and what is computed from them (see CaseDto.reports). Default true. */
  @IsOptional()
  @IsBoolean()
  withReports?: boolean;

  /** true: also count every case of the list (totalCount); a count costs a query, so only when asked. */
  @IsOptional()
  @IsBoolean()
  withTotalCount?: boolean;
}

/** `intake.case.reports`: a page of each case's reports, oldest first; `after` is a cursor of that case's pages. */
export class CaseReportsRequest extends PageRequest {
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'caseIds must be case ids' })
  caseIds!: string[];
}

export interface CaseReportsPage {
  caseId: string;
  edges: { cursor: string; node: ReportDto }[];
  /** How many reports the case has. */
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** One page per requested case, in the order asked; a case the caller may not see has an empty page. */
export interface CaseReportsResponse {
  pages: CaseReportsPage[];
}

/** `intake.case.report-stats`: how many reports each case has, and the severity their spread suggests. */
export class CaseReportStatsRequest {
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'caseIds must be case ids' })
  caseIds!: string[];
}

export interface CaseReportStatsDto {
  caseId: string;
  reportCount: number;
  severitySuggestion: SeveritySuggestionDto;
}

/** One entry per requested case the caller may see, in the order asked. */
export interface CaseReportStatsResponse {
  stats: CaseReportStatsDto[];
}

export interface CaseListResponse {
  /** `rank`: with `text`, how well the case matched (1 for its number or one of its URLs, else the best excerpt's trigram word similarity, 0–1). */
  edges: { cursor: string; node: CaseDto; rank?: number }[];
  endCursor: string | null;
  hasNextPage: boolean;
  /** With `withTotalCount`: every case of the list, on every page; else null. */
  totalCount: number | null;
}

/** Payload of `evt.intake.case.opened`. */
export interface CaseOpenedEvent {
  case: CaseDto;
  reportId: string;
  /** Set when the case was opened by splitting the report out of another case. */
  splitFromCaseId?: string;
}

/** Payload of `evt.intake.report.attached`. */
export interface ReportAttachedEvent {
  caseId: string;
  caseNumber: string;
  report: ReportDto;
  similarity: number;
}

/** Commands available through `intake.case.transition` (decisions, merges and splits have subjects of their own). */
export const CaseTransitionCommands = ['TRIAGE', 'DISMISS', 'REOPEN', 'CLOSE'] as const;
export type CaseTransitionCommand = (typeof CaseTransitionCommands)[number];

export class CaseTransitionRequest {
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId!: string;

  @IsIn(CaseTransitionCommands)
  command!: CaseTransitionCommand;

  /** TRIAGE: the severity the coordinator sets (default: the suggestion, i.e. the category's raised by spread). */
  @IsOptional()
  @IsIn(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])
  severity?: Severity;

  /** TRIAGE: usernames of the officers who handle the case (officers of agencies on the case). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z0-9._-]{1,64}$/, { each: true, message: 'assignedOfficers must be usernames' })
  assignedOfficers?: string[];

  /** DISMISS and REOPEN: why; CLOSE: the outcome summary. */
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  reason?: string;
}

/** Payload of `evt.intake.case.status-changed`. */
export interface CaseStatusChangedEvent {
  caseId: string;
  caseNumber: string;
  from: CaseStatus;
  to: CaseStatus;
  severity: Severity;
  reason: string | null;
}

export const CaseDeadlineKinds = ['TRIAGE', 'DECISION', 'CONSULTATION', 'ACTION'] as const;
export type CaseDeadlineKind = (typeof CaseDeadlineKinds)[number];

/** A deadline of a case (SLA policy for triage and decision; the due date of a handling action). */
export interface CaseDeadlineDto {
  kind: CaseDeadlineKind;
  actionId: string | null;
  deadline: string;
  remindedAt: string | null;
  escalatedAt: string | null;
  /** Met or no longer relevant (triaged, decided, done, closed). */
  closedAt: string | null;
}

/** Payload of `evt.intake.deadline.reminded`: `owedBy` still owes the step. */
export interface CaseDeadlineRemindedEvent {
  caseId: string;
  caseNumber: string;
  kind: CaseDeadlineKind;
  actionId: string | null;
  deadline: string;
  owedBy: string[];
}

/** Payload of `evt.intake.deadline.escalated`: the step is overdue; `escalatedTo` are told (Đ3.2). */
export interface CaseDeadlineEscalatedEvent extends CaseDeadlineRemindedEvent {
  escalatedTo: string[];
  severity: Severity;
}

/** Why triage's suggestion is above the category's default severity. */
export const SeverityRaiseReasons = ['VERY_WIDE_REACH', 'WIDE_REACH', 'MANY_REPORTS', 'MANY_LOCALITIES'] as const;
export type SeverityRaiseReason = (typeof SeverityRaiseReasons)[number];

/** One reason a suggestion is raised, with the numbers its label names ({reach}, {threshold}, {reports}, {agencies}, {localities}, {levels}). */
export interface SeverityFactorDto {
  reason: SeverityRaiseReason;
  /** Levels it raises the severity by. */
  levels: number;
  params: Record<string, number>;
}

export interface SeveritySuggestionDto {
  severity: Severity;
  /** The factors in Vietnamese, one line each (kept for clients that show text only). */
  reasons: string[];
  factors: SeverityFactorDto[];
}

/** `intake.case.merge`: the case becomes MERGED and its reports and agencies move into `intoCaseId`. */
export class MergeCasesRequest {
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId!: string;

  @IsUUID('all', { message: 'intoCaseId must be a case id' })
  intoCaseId!: string;

  @IsString()
  @MaxLength(2_000)
  reason!: string;
}

/** `intake.duplicate.reject`: the coordinator judges a suggested duplicate to be different content. */
export class RejectDuplicateRequest {
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId!: string;

  @IsUUID('all', { message: 'duplicateCaseId must be a case id' })
  duplicateCaseId!: string;
}

/** Payload of `evt.intake.case.merged`. */
export interface CaseMergedEvent {
  caseId: string;
  caseNumber: string;
  mergedCaseId: string;
  mergedCaseNumber: string;
  reportsMoved: number;
}

/** `intake.case.split`: a report judged to be about other content leaves its case and opens its own. */
export class SplitReportRequest {
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId!: string;

  @IsUUID('all', { message: 'reportId must be a report id' })
  reportId!: string;

  @IsString()
  @MaxLength(2_000)
  reason!: string;

  /** Idempotency key: a retry with the same key gets the first answer (see ClientRequestIdField). */
  @ClientRequestIdField()
  clientRequestId?: string;
}

export interface SplitReportResponse {
  /** The case the report left. */
  case: CaseDto;
  /** The case the report opened. */
  newCase: CaseDto;
}

/** Payload of `evt.intake.case.report-split`, on the case the report left. */
export interface CaseReportSplitEvent {
  caseId: string;
  caseNumber: string;
  reportId: string;
  newCaseId: string;
  newCaseNumber: string;
  reason: string;
}
