import { IsOptional, Matches } from 'class-validator';
import { IsCalendarDay } from '../common/calendar-day';
import { REFERENCE_CODE_PATTERN } from '../common/codes';
import { Findings, type HandlingActionTypeCode, type RemovalOutcome } from '../decision/decision.dto';
import type { CaseDeadlineKind, CaseStatus, ReportChannel } from '../intake/intake.dto';
import type { ConsultationMode } from '../consultation/consultation.dto';
import type { AppealDecision, RulingOutcome } from '../press/press.dto';

/**
 * What a case came to, for the statistics: the finding of its latest decision, or DISMISSED /
 * MERGED when it ended without one, or PENDING while it has neither.
 */
export const CaseOutcomes = [...Findings, 'DISMISSED', 'MERGED', 'PENDING'] as const;
export type CaseOutcome = (typeof CaseOutcomes)[number];

/** The durations the statistics give a median and 90th percentile of. */
export const TimelinessMeasures = ['TIME_TO_TRIAGE', 'TIME_TO_DECISION', 'TIME_TO_CLOSE'] as const;
export type TimelinessMeasure = (typeof TimelinessMeasures)[number];

/** Press-ethics events (Đ6.3) counted by the statistics, as the press service names them. */
export const PressEventKinds = ['COMPLAINT_FILED', 'RULING_ISSUED', 'APPEAL_DECIDED', 'OTHER'] as const;
export type PressEventKind = (typeof PressEventKinds)[number];

/** Every event of the press service (Đ6.3) reaches the statistics: they count what arrives under this prefix. */
export const PRESS_EVENT_SUBJECT_PREFIX = 'evt.press.';
/** The press service's event subjects, as agreed with it, and what each counts as. */
export const PRESS_EVENT_KIND_BY_SUBJECT: Readonly<Record<string, PressEventKind>> = {
  'evt.press.complaint.filed': 'COMPLAINT_FILED',
  'evt.press.ruling.issued': 'RULING_ISSUED',
  'evt.press.appeal.decided': 'APPEAL_DECIDED',
};

/** The filters a statistics request may narrow to: one at a time (the read models are pre-aggregated per filter). */
export const StatisticsFilterKinds = ['CATEGORY', 'LOCALITY', 'AGENCY'] as const;
export type StatisticsFilterKind = (typeof StatisticsFilterKinds)[number];

const CODE = { message: 'must be a reference code' };

/**
 * `reporting.statistics.period`: the statistics of the cases opened (and of the consultations,
 * actions and press events that happened) from `from` to `to`, both days included, in the
 * province's time zone. At most one of the filters.
 */
export class StatisticsRequest {
  @IsCalendarDay()
  from!: string;

  @IsCalendarDay()
  to!: string;

  @IsOptional()
  @Matches(REFERENCE_CODE_PATTERN, CODE)
  categoryCode?: string;

  @IsOptional()
  @Matches(REFERENCE_CODE_PATTERN, CODE)
  localityCode?: string;

  /** Cases this agency led or took part in. */
  @IsOptional()
  @Matches(REFERENCE_CODE_PATTERN, CODE)
  agencyCode?: string;
}

/** The filter of a statistics request, as the service reads it. */
export interface StatisticsFilter {
  categoryCode?: string;
  localityCode?: string;
  agencyCode?: string;
}

export interface CodeCountDto {
  code: string;
  count: number;
}

/** Cases opened by how the report that opened them reached the platform. */
export interface ChannelCountDto {
  channel: ReportChannel;
  count: number;
}

export interface StatusCountDto {
  status: CaseStatus;
  count: number;
}

export interface OutcomeCountDto {
  outcome: CaseOutcome;
  count: number;
}

/** A duration's distribution in hours; median and p90 null when nothing was measured. */
export interface DurationSummaryDto {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface TimelinessDto {
  measure: TimelinessMeasure;
  summary: DurationSummaryDto;
}

/** Steps that went past their deadline (the platform escalated them), by kind. */
export interface OverdueCountDto {
  kind: CaseDeadlineKind;
  count: number;
}

export interface ConsultationStatisticsDto {
  /** Consultations opened in the period, by mode. */
  held: { mode: ConsultationMode; count: number }[];
  resolved: number;
  /** Opinions invited, and how many came by the deadline, late, or not yet. */
  opinionsRequested: number;
  answeredOnTime: number;
  answeredLate: number;
}

export interface ActionStatisticsDto {
  type: HandlingActionTypeCode;
  planned: number;
  done: number;
  doneOnTime: number;
}

export interface RemovalStatisticsDto {
  requested: number;
  outcomes: { outcome: RemovalOutcome; count: number }[];
  /** REMOVED among the requests with an answer (0–1); null with no answer yet. */
  complianceRate: number | null;
  /** From sending the request to the content being taken down. */
  timeToEffect: DurationSummaryDto;
}

export interface PressStatisticsDto {
  kind: PressEventKind;
  count: number;
}

/** The press-ethics rulings and appeal decisions of a period (Đ6.3), from the payloads of their events. */
export interface PressOutcomeStatisticsDto {
  /** Rulings issued, by outcome (a ruling issued again after a returned appeal counts again). */
  rulings: { outcome: RulingOutcome; count: number }[];
  /** Appeals decided, by decision. */
  appeals: { decision: AppealDecision; count: number }[];
  appealsDecided: number;
  /** Rulings overturned on appeal. */
  reversals: number;
  /** OVERTURNED among the appeals decided (0–1); null with none decided. */
  reversalRate: number | null;
}

/** Time the cases spent in one status while an agency led them (the step's own clock). */
export interface StatusTimeDto {
  agencyCode: string;
  status: CaseStatus;
  summary: DurationSummaryDto;
  totalHours: number;
}

/** Time an agency took over handling actions of one type, from the decision to done. */
export interface ActionTimeDto {
  agencyCode: string;
  type: HandlingActionTypeCode;
  summary: DurationSummaryDto;
}

export interface StatisticsDto {
  from: string;
  to: string;
  filter: StatisticsFilter;
  casesOpened: number;
  byCategory: CodeCountDto[];
  byLocality: CodeCountDto[];
  byLeadAgency: CodeCountDto[];
  byParticipatingAgency: CodeCountDto[];
  byChannel: ChannelCountDto[];
  byStatus: StatusCountDto[];
  byOutcome: OutcomeCountDto[];
  timeliness: TimelinessDto[];
  overdue: OverdueCountDto[];
  consultations: ConsultationStatisticsDto;
  actions: ActionStatisticsDto[];
  removals: RemovalStatisticsDto;
  press: PressStatisticsDto[];
  pressOutcomes: PressOutcomeStatisticsDto;
  statusTime: StatusTimeDto[];
  actionTime: ActionTimeDto[];
  /** When the newest event counted was applied (null before any). */
  lastEventAt: string | null;
}
