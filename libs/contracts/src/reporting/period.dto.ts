import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsCalendarDay } from '../common/calendar-day';
import { REFERENCE_CODE_PATTERN } from '../common/codes';
import type { StatisticsDto } from './reporting.dto';

/** Đ7.3–7.4: every agency reports every six months and every year; the lead agency may also ask ad hoc. */
export const ReportPeriodKinds = ['SIX_MONTHLY', 'ANNUAL', 'AD_HOC'] as const;
export type ReportPeriodKind = (typeof ReportPeriodKinds)[number];

/** A period is OPEN for sections until the lead agency closes it (the consolidated report is issued). */
export const ReportPeriodStatuses = ['OPEN', 'CLOSED'] as const;
export type ReportPeriodStatus = (typeof ReportPeriodStatuses)[number];

/** An agency's section is a DRAFT until it submits it; a submitted section may be revised (a new version), never un-submitted. */
export const ReportSectionStatuses = ['NOT_STARTED', 'DRAFT', 'SUBMITTED'] as const;
export type ReportSectionStatus = (typeof ReportSectionStatuses)[number];

/** The files the reporting service renders. */
export const ReportDocumentFormats = ['DOCX', 'PDF', 'XLSX', 'CSV'] as const;
export type ReportDocumentFormat = (typeof ReportDocumentFormats)[number];

const AGENCY_CODE = { message: 'each agency code must be an agency code' };
const TEXT_MAX = 20_000;

/** `reporting.period.open`: the lead agency's coordinator opens a report period and names the agencies that owe a section. */
export class OpenReportPeriodRequest {
  @IsIn(ReportPeriodKinds)
  kind!: ReportPeriodKind;

  /** The first day the report covers (province day). */
  @IsCalendarDay()
  from!: string;

  /** The last day the report covers (province day, included). */
  @IsCalendarDay()
  to!: string;

  /** When the agencies' sections are due (ISO 8601 date-time with offset). */
  @IsISO8601({ strict: true }, { message: 'deadline must be an ISO 8601 date-time' })
  deadline!: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'name at least one agency that reports' })
  @ArrayMaxSize(100)
  @Matches(REFERENCE_CODE_PATTERN, { each: true, ...AGENCY_CODE })
  agencyCodes!: string[];

  /** AD_HOC: what the report is about; default: the kind and the period. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;
}

export class ReportPeriodGetRequest {
  @IsUUID('all', { message: 'id must be a report period id' })
  id!: string;
}

export class ReportPeriodListRequest {
  @IsOptional()
  @IsIn(ReportPeriodStatuses)
  status?: ReportPeriodStatus;
}

/**
 * `reporting.section.save`: an agency writes its section (Đ7.3: what was done, difficulties,
 * proposals). `submit: false` keeps it a draft; every save is a new version, the older ones stay.
 */
export class SaveReportSectionRequest {
  @IsUUID('all', { message: 'periodId must be a report period id' })
  periodId!: string;

  @IsString()
  @MaxLength(TEXT_MAX)
  accomplishments!: string;

  @IsString()
  @MaxLength(TEXT_MAX)
  difficulties!: string;

  @IsString()
  @MaxLength(TEXT_MAX)
  proposals!: string;

  @IsBoolean()
  submit!: boolean;
}

export class ReportPeriodCloseRequest {
  @IsUUID('all', { message: 'periodId must be a report period id' })
  periodId!: string;
}

/** `reporting.period.document`: the consolidated report (DOCX, PDF) or its statistics annex (XLSX, CSV). */
export class ReportPeriodDocumentRequest {
  @IsUUID('all', { message: 'periodId must be a report period id' })
  periodId!: string;

  @IsIn(ReportDocumentFormats)
  format!: ReportDocumentFormat;
}

export interface ReportSectionVersionDto {
  version: number;
  status: 'DRAFT' | 'SUBMITTED';
  accomplishments: string;
  difficulties: string;
  proposals: string;
  savedAt: string;
  savedBy: string;
  /** Submitted after the deadline. */
  late: boolean;
}

export interface ReportSectionDto {
  agencyCode: string;
  status: ReportSectionStatus;
  /** The latest version, null before the first save. */
  current: ReportSectionVersionDto | null;
  submittedAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  /** Every version, oldest first. */
  versions: ReportSectionVersionDto[];
}

export interface ReportPeriodDto {
  id: string;
  kind: ReportPeriodKind;
  title: string;
  from: string;
  to: string;
  deadline: string;
  status: ReportPeriodStatus;
  openedAt: string;
  openedBy: string;
  openedByAgency: string;
  closedAt: string | null;
  sections: ReportSectionDto[];
}

/**
 * A rendered file: always at its signed, short-lived address on the reporting service's HTTP port;
 * small ones also inline, base64-encoded (a document may be larger than a NATS message).
 */
export interface RenderedDocumentDto {
  fileName: string;
  mimeType: string;
  /** The bytes, base64-encoded, when they are small enough to travel in the answer; null otherwise. */
  contentBase64: string | null;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  byteLength: number;
  /** Where to download the bytes (GET, no other credential), until `expiresAt`. */
  url: string;
  expiresAt: string;
}

/** The consolidated report's content, as the document shows it. */
export interface ConsolidatedReportDto {
  period: ReportPeriodDto;
  statistics: StatisticsDto;
  /** Agencies that had not submitted when it was built. */
  missingAgencyCodes: string[];
}

/** Payload of `evt.reporting.period.opened`. */
export interface ReportPeriodOpenedEvent {
  periodId: string;
  kind: ReportPeriodKind;
  from: string;
  to: string;
  deadline: string;
  agencyCodes: string[];
}

/** Payload of `evt.reporting.section.submitted`. */
export interface ReportSectionSubmittedEvent {
  periodId: string;
  agencyCode: string;
  version: number;
  late: boolean;
}

/** Payload of `evt.reporting.section.reminded`: the agencies that still owe their section. */
export interface ReportSectionRemindedEvent {
  periodId: string;
  agencyCodes: string[];
  deadline: string;
}

/** Payload of `evt.reporting.section.escalated`: the deadline passed without these agencies' sections. */
export interface ReportSectionEscalatedEvent {
  periodId: string;
  overdueAgencyCodes: string[];
  escalatedTo: string[];
  deadline: string;
}
