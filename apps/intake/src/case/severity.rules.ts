import { Severities, type Severity } from '@phoi-hop/contracts';

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
  const reasons: string[] = [];
  let raise = 0;
  const reach = signals.maxReportedReach ?? 0;
  if (reach >= VERY_WIDE_REACH) {
    raise += 2;
    reasons.push(`Lượt tiếp cận ước tính ${reach.toLocaleString('vi-VN')} (từ ${VERY_WIDE_REACH.toLocaleString('vi-VN')}): +2 mức`);
  } else if (reach >= WIDE_REACH) {
    raise += 1;
    reasons.push(`Lượt tiếp cận ước tính ${reach.toLocaleString('vi-VN')} (từ ${WIDE_REACH.toLocaleString('vi-VN')}): +1 mức`);
  }
  if (signals.reports >= 5 || signals.reportingAgencies >= 3) {
    raise += 1;
    reasons.push(`${signals.reports} báo cáo từ ${signals.reportingAgencies} cơ quan: +1 mức`);
  }
  if (signals.localities >= 2) {
    raise += 1;
    reasons.push(`Lan rộng ${signals.localities} địa bàn: +1 mức`);
  }
  const index = Math.min(Severities.indexOf(categoryDefault) + raise, Severities.length - 1);
  return { severity: Severities[index]!, reasons };
}
