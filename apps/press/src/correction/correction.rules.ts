import { provinceDay, type CorrectionStatus } from '@phoi-hop/contracts';
import { CorrectionError } from './correction.errors';

/** An outlet is given at least an hour and at most a year to answer. */
export const MIN_CORRECTION_LEAD_MS = 3_600_000;
export const MAX_CORRECTION_LEAD_MS = 366 * 86_400_000;
/** Clocks of the outlet and the platform may differ this much when it says when it published. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type CorrectionCommand = 'PUBLISH' | 'REFUSE' | 'MARK_OVERDUE';

/**
 * What each command does from each status: the outlet answers (publishes or refuses) while the
 * request is open, late answers included; only an unanswered request becomes overdue.
 */
const TRANSITIONS: Record<CorrectionCommand, Partial<Record<CorrectionStatus, CorrectionStatus>>> = {
  PUBLISH: { REQUESTED: 'PUBLISHED', OVERDUE: 'PUBLISHED' },
  REFUSE: { REQUESTED: 'REFUSED', OVERDUE: 'REFUSED' },
  MARK_OVERDUE: { REQUESTED: 'OVERDUE' },
};

/** The status after `command`, or INVALID_STATE. */
export function nextCorrectionStatus(status: CorrectionStatus, command: CorrectionCommand): CorrectionStatus {
  const next = TRANSITIONS[command][status];
  if (!next) throw CorrectionError.invalidState(`A correction request that is ${status} cannot take ${command}`);
  return next;
}

/** Checks the request's days and deadline against `now`; returns the deadline. */
export function checkCorrectionRequest(request: { workPublishedOn: string; deadline: string }, now: Date): Date {
  if (request.workPublishedOn > provinceDay(now)) throw CorrectionError.badInput('workPublishedOn', 'workPublishedOn must not be in the future');
  const deadline = new Date(request.deadline);
  if (deadline.getTime() < now.getTime() + MIN_CORRECTION_LEAD_MS)
    throw CorrectionError.badInput('deadline', 'deadline must give the outlet at least an hour from now');
  if (deadline.getTime() > now.getTime() + MAX_CORRECTION_LEAD_MS) throw CorrectionError.badInput('deadline', 'deadline must be within a year');
  return deadline;
}

/** Checks when the outlet says it published: not in the future, not before the work itself. */
export function checkPublication(publishedAt: string, workPublishedOn: string, now: Date): Date {
  const at = new Date(publishedAt);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw CorrectionError.badInput('publishedAt', 'publishedAt must not be in the future');
  if (provinceDay(at) < workPublishedOn) throw CorrectionError.badInput('publishedAt', 'publishedAt must not be before the work was published');
  return at;
}

/** An answer after the deadline is late (it is still recorded). */
export function isLate(answeredAt: Date, deadline: Date): boolean {
  return answeredAt.getTime() > deadline.getTime();
}
