import { ErrorCodes, type Platform, type RemovalOutcome } from '@phoi-hop/contracts';
import { DecisionError } from './decision.rules';

/** How far into the future a recorded time may be (clock skew between agencies' systems). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The state of a request to a platform to remove content (Đ5: request removal). */
export interface RemovalRequestState {
  requestReference: string | null;
  sentAt: Date | null;
  acknowledgedAt: Date | null;
  effectedAt: Date | null;
  outcome: RemovalOutcome | null;
}

/** What the assignee reports: each field given replaces the current one; `null` clears it. */
export interface RemovalRequestPatch {
  requestReference?: string | null;
  sentAt?: string | null;
  acknowledgedAt?: string | null;
  effectedAt?: string | null;
  outcome?: RemovalOutcome | null;
}

const bad = (field: string, message: string) => new DecisionError(ErrorCodes.BAD_USER_INPUT, message, field);

function parseTime(field: keyof RemovalRequestPatch, value: string | null | undefined, current: Date | null, now: Date, notBefore: Date): Date | null {
  if (value === undefined) return current;
  if (value === null) return null;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw bad(field, `${field} must be an ISO 8601 date-time`);
  if (time.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw bad(field, `${field} is in the future`);
  if (time < notBefore) throw bad(field, `${field} is before the decision that planned the request`);
  return time;
}

/**
 * The request after the patch, checked as a whole: acknowledged and effected only after it was
 * sent, in order; REMOVED needs the time it took effect, which no other outcome has; REFUSED and
 * NO_RESPONSE need a request that was sent. `plannedAt` is when the decision planned it.
 */
export function applyRemovalPatch(current: RemovalRequestState, patch: RemovalRequestPatch, plannedAt: Date, now: Date): RemovalRequestState {
  const reference = patch.requestReference === undefined ? current.requestReference : patch.requestReference?.trim() || null;
  const next: RemovalRequestState = {
    requestReference: reference,
    sentAt: parseTime('sentAt', patch.sentAt, current.sentAt, now, plannedAt),
    acknowledgedAt: parseTime('acknowledgedAt', patch.acknowledgedAt, current.acknowledgedAt, now, plannedAt),
    effectedAt: parseTime('effectedAt', patch.effectedAt, current.effectedAt, now, plannedAt),
    outcome: patch.outcome === undefined ? current.outcome : patch.outcome,
  };
  if (!next.sentAt) {
    if (next.acknowledgedAt) throw bad('acknowledgedAt', 'A request is acknowledged only after it was sent (sentAt)');
    if (next.effectedAt) throw bad('effectedAt', 'A removal takes effect only after the request was sent (sentAt)');
    if (next.outcome) throw bad('outcome', 'An outcome needs a request that was sent (sentAt)');
  } else {
    if (next.acknowledgedAt && next.acknowledgedAt < next.sentAt) throw bad('acknowledgedAt', 'acknowledgedAt is before sentAt');
    if (next.effectedAt && next.effectedAt < next.sentAt) throw bad('effectedAt', 'effectedAt is before sentAt');
  }
  if (next.outcome === 'REMOVED' && !next.effectedAt) throw bad('effectedAt', 'A REMOVED outcome needs the time the removal took effect (effectedAt)');
  if (next.effectedAt && next.outcome !== null && next.outcome !== 'REMOVED') throw bad('effectedAt', `A ${next.outcome} outcome has no effectedAt`);
  return next;
}

/** The platform a URL's host belongs to, for requests and statistics; OTHER for the rest of the web. */
export function platformOf(url: string): Platform {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'OTHER';
  }
  const platforms: [Exclude<Platform, 'OTHER'>, string[]][] = [
    ['FACEBOOK', ['facebook.com', 'fb.com', 'fb.watch', 'messenger.com']],
    ['YOUTUBE', ['youtube.com', 'youtu.be']],
    ['TIKTOK', ['tiktok.com']],
    ['ZALO', ['zalo.me', 'zalo.vn']],
    ['X', ['x.com', 'twitter.com']],
    ['INSTAGRAM', ['instagram.com']],
    ['TELEGRAM', ['t.me', 'telegram.org', 'telegram.me']],
  ];
  for (const [platform, domains] of platforms) {
    if (domains.some((d) => host === d || host.endsWith(`.${d}`))) return platform;
  }
  return 'OTHER';
}
