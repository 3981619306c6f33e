import { SEVERITY_RAISE_LABELS, Severities, fillLabel, type Severity, type SeverityFactorDto } from '@phoi-hop/contracts';

/** What the reports of a case say about how far the content has gone. */
export interface SpreadSignals {
  /** The largest reach (views, shares, members) any reporting agency estimated. */
  maxReportedReach: number | null;
  reports: number;
  reportingAgencies: number;
  localities: number;
}

export interface SeveritySuggestion {
  severity: Severity;
  /** Why it is above the category's default, one line per reason (Vietnamese, shown to coordinators). */
  reasons: string[];
  /** The same reasons as codes with their numbers, for front ends that label them themselves. */
  factors: SeverityFactorDto[];
}

/** Reach from which content is taken to have spread widely, and very widely. */
export const WIDE_REACH = 10_000;
export const VERY_WIDE_REACH = 100_000;

/**
 * The severity triage starts from: the category's default, raised one level each for wide
 * reach (two for very wide), many reports or reporting agencies, and spread across localities. It
 * never goes below the default; the coordinator may still set another.
 */
export function suggestSeverity(categoryDefault: Severity, signals: SpreadSignals): SeveritySuggestion {
  const factors: SeverityFactorDto[] = [];
  const reach = signals.maxReportedReach ?? 0;
  if (reach >= VERY_WIDE_REACH) factors.push({ reason: 'VERY_WIDE_REACH', levels: 2, params: { reach, threshold: VERY_WIDE_REACH } });
  else if (reach >= WIDE_REACH) factors.push({ reason: 'WIDE_REACH', levels: 1, params: { reach, threshold: WIDE_REACH } });
  if (signals.reports >= 5 || signals.reportingAgencies >= 3) factors.push({ reason: 'MANY_REPORTS', levels: 1, params: { reports: signals.reports, agencies: signals.reportingAgencies } });
  if (signals.localities >= 2) factors.push({ reason: 'MANY_LOCALITIES', levels: 1, params: { localities: signals.localities } });
  const raise = factors.reduce((sum, factor) => sum + factor.levels, 0);
  const index = Math.min(Severities.indexOf(categoryDefault) + raise, Severities.length - 1);
  const reasons = factors.map((factor) => fillLabel(SEVERITY_RAISE_LABELS[factor.reason].vi, vietnameseNumbers({ ...factor.params, levels: factor.levels })));
  return { severity: Severities[index]!, reasons, factors };
}

/** Numbers written as Vietnamese readers write them (10.000). */
function vietnameseNumbers(params: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, value.toLocaleString('vi-VN')]));
}
