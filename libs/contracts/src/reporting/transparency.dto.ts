import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDay } from '../common/calendar-day';

/**
 * A count as the public transparency report shows it: the number, or "<5" when it is below the
 * threshold (or would let a reader work a small count out from the others).
 */
export type PublishedCount = number | '<5';

/** `reporting.transparency.report`: the public transparency report of a period (aggregate figures only). */
export class TransparencyReportRequest {
  @IsCalendarDay()
  from!: string;

  @IsCalendarDay()
  to!: string;
}

export interface PublishedCountRow {
  key: string;
  /** Vietnamese label of the key (platform, legal basis, action type, outcome). */
  label: string;
  count: PublishedCount;
}

export interface PublishedBreakdown {
  total: PublishedCount;
  rows: PublishedCountRow[];
}

export interface TransparencyReportDto {
  from: string;
  to: string;
  generatedAt: string;
  /** Counts from 1 to this number less one are shown as "<5". */
  threshold: number;
  removalRequests: {
    byPlatform: PublishedBreakdown;
    byLegalBasis: PublishedBreakdown;
    byOutcome: PublishedBreakdown;
    /** REMOVED among the answered requests (0–1); null when fewer than the threshold were answered. */
    complianceRate: number | null;
    /** Median hours from sending to taking down; null when fewer than the threshold were measured. */
    medianHoursToEffect: number | null;
  };
  restrictiveActions: {
    byType: PublishedBreakdown;
    byGround: PublishedBreakdown;
  };
  complaints: {
    /** Press-ethics complaints filed, rulings, appeals decided (Đ6.3), and appeals by outcome. */
    byKind: PublishedBreakdown;
    /** Appeals decided by the outcome that stands after them (UNSPECIFIED when returned for a new ruling). */
    appealOutcomes: PublishedBreakdown;
    /** Rulings issued, by outcome. */
    rulingOutcomes: PublishedBreakdown;
    /** Appeals decided, by decision (upheld, overturned, returned). */
    appealDecisions: PublishedBreakdown;
    /** OVERTURNED among the appeals decided (0–1); null when either side is below the threshold. */
    reversalRate: number | null;
  };
}

/** EU DSA transparency database: how the decision restricts the content's visibility. */
export const DsaDecisionVisibilities = [
  'DECISION_VISIBILITY_CONTENT_REMOVED',
  'DECISION_VISIBILITY_CONTENT_DISABLED',
  'DECISION_VISIBILITY_CONTENT_LABELLED',
  'DECISION_VISIBILITY_OTHER',
] as const;
export type DsaDecisionVisibility = (typeof DsaDecisionVisibilities)[number];

/** Illegal content (a legal provision) or content incompatible with terms (never used here: the platform acts on law only). */
export const DsaDecisionGrounds = ['DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT'] as const;
export type DsaDecisionGround = (typeof DsaDecisionGrounds)[number];

export const DsaAutomatedDecisions = ['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED'] as const;
export type DsaAutomatedDecision = (typeof DsaAutomatedDecisions)[number];

/** `reporting.decision.statement-of-reasons`: the statements of reasons of a case's decisions, shaped like the DSA database's. */
export class StatementOfReasonsRequest {
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId!: string;

  /** One decision of the case; default: every decision. */
  @IsOptional()
  @IsUUID('all', { message: 'decisionId must be a decision id' })
  decisionId?: string;
}

/**
 * One decision as a statement of reasons in the field names of the EU DSA transparency database
 * (snake_case as the database spells them), so it can be compared with platforms' statements.
 */
export interface StatementOfReasonsDto {
  puid: string;
  decision_visibility: DsaDecisionVisibility[];
  decision_visibility_other: string | null;
  decision_ground: DsaDecisionGround;
  decision_ground_reference_url: string | null;
  illegal_content_legal_ground: string;
  illegal_content_explanation: string;
  decision_facts: string;
  source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION';
  automated_detection: 'No';
  automated_decision: DsaAutomatedDecision;
  territorial_scope: string[];
  content_type: string[];
  category: string;
  application_date: string;
  decision_date: string;
  platform_name: string | null;
}
