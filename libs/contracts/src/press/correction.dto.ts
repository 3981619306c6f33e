import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDay } from '../common/calendar-day';
import { REFERENCE_CODE_PATTERN } from '../common/codes';
import { PageRequest } from '../common/page';

// Press Law 2016 Art. 42: an outlet that published false information must publish a correction and
// apology (cải chính, xin lỗi) when an agency or person affected asks, or say why it refuses.

/** The heading a correction is published under (Press Law 2016 Art. 42). */
export const CORRECTION_HEADING = 'Thông tin cải chính, xin lỗi';

/**
 * The stages of a correction request. REQUESTED: the outlet has until the deadline. PUBLISHED and
 * REFUSED are the outlet's answer (final). OVERDUE: the deadline passed without an answer; the outlet
 * may still answer late (it then becomes PUBLISHED or REFUSED, marked late).
 */
export const CorrectionStatuses = ['REQUESTED', 'PUBLISHED', 'REFUSED', 'OVERDUE'] as const;
export type CorrectionStatus = (typeof CorrectionStatuses)[number];

const CORRECTION_ID = { message: 'correctionId must be a correction request id' };
const HTTP_URL = /^https?:\/\/\S+$/i;
const NOT_BLANK = /\S/;

/** `press.correction.request`: an agency asks an outlet (a press organ of the directory) to correct a work. */
export class RequestCorrectionRequest {
  /** The case the false information belongs to; the requesting agency must take part in it. */
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId?: string;

  /** The outlet, as an agency of the directory of kind PRESS_ORGAN (e.g. BAO_QB). */
  @Matches(REFERENCE_CODE_PATTERN, { message: 'outletAgencyCode must be an agency code' })
  outletAgencyCode!: string;

  @IsString()
  @Matches(NOT_BLANK, { message: 'workTitle must not be blank' })
  @MaxLength(500)
  workTitle!: string;

  /** The section (chuyên mục) or programme the work appeared in. */
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'workSection must not be blank' })
  @MaxLength(200)
  workSection?: string;

  /** The day the work was published or broadcast. */
  @IsCalendarDay()
  workPublishedOn!: string;

  /** Where the work is online, when it is. */
  @IsOptional()
  @IsString()
  @MaxLength(2_048)
  @Matches(HTTP_URL, { message: 'workUrl must be an http(s) address' })
  workUrl?: string;

  /** What is wrong, in the requester's words. */
  @IsString()
  @MinLength(10, { message: 'whatIsWrong must say what is wrong (at least 10 characters)' })
  @Matches(NOT_BLANK, { message: 'whatIsWrong must not be blank' })
  @MaxLength(5_000)
  whatIsWrong!: string;

  /** The false content as published. */
  @IsString()
  @Matches(NOT_BLANK, { message: 'falseContent must not be blank' })
  @MaxLength(10_000)
  falseContent!: string;

  /** What is true instead. */
  @IsString()
  @Matches(NOT_BLANK, { message: 'correctedContent must not be blank' })
  @MaxLength(10_000)
  correctedContent!: string;

  /** The text the outlet is asked to publish under the heading "Thông tin cải chính, xin lỗi". */
  @IsString()
  @MinLength(20, { message: 'requestedText must be the text to publish (at least 20 characters)' })
  @Matches(NOT_BLANK, { message: 'requestedText must not be blank' })
  @MaxLength(10_000)
  requestedText!: string;

  /** When the outlet must have answered: in the future, at most a year ahead. */
  @IsISO8601({ strict: true }, { message: 'deadline must be an ISO 8601 date-time' })
  deadline!: string;
}

/** `press.correction.publish`: the outlet published the correction. */
export class PublishCorrectionRequest {
  @IsUUID('all', CORRECTION_ID)
  correctionId!: string;

  @IsString()
  @MaxLength(2_048)
  @Matches(HTTP_URL, { message: 'publishedUrl must be an http(s) address' })
  publishedUrl!: string;

  /** When it was published: not in the future, not before the work itself. */
  @IsISO8601({ strict: true }, { message: 'publishedAt must be an ISO 8601 date-time' })
  publishedAt!: string;
}

/** `press.correction.refuse`: the outlet refuses, with its reasons. */
export class RefuseCorrectionRequest {
  @IsUUID('all', CORRECTION_ID)
  correctionId!: string;

  @IsString()
  @MinLength(20, { message: 'reasons must explain the refusal (at least 20 characters)' })
  @Matches(NOT_BLANK, { message: 'reasons must not be blank' })
  @MaxLength(10_000)
  reasons!: string;
}

export class CorrectionGetRequest {
  @IsUUID('all', CORRECTION_ID)
  correctionId!: string;
}

/** `press.correction.list`: newest request first. */
export class CorrectionListRequest extends PageRequest {
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId?: string;

  @IsOptional()
  @IsIn(CorrectionStatuses, { message: `status must be one of ${CorrectionStatuses.join(', ')}` })
  status?: CorrectionStatus;

  @IsOptional()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'outletAgencyCode must be an agency code' })
  outletAgencyCode?: string;
}

export interface CorrectionWorkDto {
  title: string;
  section: string | null;
  publishedOn: string;
  url: string | null;
}

export interface CorrectionAnswerDto {
  /** PUBLISHED: where and when the correction appeared. */
  publishedUrl: string | null;
  publishedAt: string | null;
  /** REFUSED: the outlet's reasons. */
  refusalReasons: string | null;
  answeredBy: string;
  answeredByAgency: string;
  answeredAt: string;
  /** Answered after the deadline. */
  late: boolean;
}

export interface CorrectionRequestDto {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  status: CorrectionStatus;
  requesterAgencyCode: string;
  requestedBy: string;
  requestedAt: string;
  outletAgencyCode: string;
  work: CorrectionWorkDto;
  whatIsWrong: string;
  falseContent: string;
  correctedContent: string;
  /** Always "Thông tin cải chính, xin lỗi". */
  heading: string;
  requestedText: string;
  deadline: string;
  overdueAt: string | null;
  answer: CorrectionAnswerDto | null;
}

export interface CorrectionListResponse {
  edges: { cursor: string; node: CorrectionRequestDto }[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Payload of every `evt.press.correction.*` event: identifiers and the step, none of the texts. */
export interface PressCorrectionEvent {
  correctionId: string;
  caseId: string | null;
  caseNumber: string | null;
  status: CorrectionStatus;
  requesterAgencyCode: string;
  outletAgencyCode: string;
  deadline: string;
  late?: boolean;
}
