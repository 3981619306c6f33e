import type { Severity } from './codes';

/** The reminder comes `leadMs` before the deadline, or halfway there when the deadline is nearer than that. */
export function reminderAt(now: Date, deadline: Date, leadMs: number): Date {
  const span = deadline.getTime() - now.getTime();
  return new Date(span > leadMs ? deadline.getTime() - leadMs : now.getTime() + Math.max(0, span) / 2);
}

/** Đ3.2 "kịp thời": a missed deadline goes to the lead agency, and for a critical case also to the provincial office. */
export function escalationTargets(leadAgencyCode: string, severity: Severity, criticalAgencyCode: string): string[] {
  return severity === 'CRITICAL' && criticalAgencyCode !== leadAgencyCode ? [leadAgencyCode, criticalAgencyCode] : [leadAgencyCode];
}
