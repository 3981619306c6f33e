import { EventSubjects, type EventEnvelope, type EventSubject, type NotificationChannel } from '@phoi-hop/contracts';

/**
 * The event subjects agencies can be notified about: every case event of every service (intake,
 * consultation, and any service added under EventSubjects later), not directory reference events.
 */
export function caseEventSubjects(): EventSubject[] {
  return Object.entries(EventSubjects)
    .filter(([service]) => service !== 'directory')
    .flatMap(([, subjects]) => Object.values(subjects) as EventSubject[]);
}

export interface SubscriptionScope {
  agencyCode: string;
  active: boolean;
  /** Empty: every case event. */
  eventTypes: readonly string[];
}

/**
 * The privacy guard: an agency is sent an event only when the event's own `visibleTo` names it,
 * the subscription is active and its filter (if any) lists the event's subject.
 */
export function subscriptionMatches(subscription: SubscriptionScope, envelope: Pick<EventEnvelope, 'type' | 'visibleTo'>): boolean {
  if (!subscription.active) return false;
  if (!Array.isArray(envelope.visibleTo) || !envelope.visibleTo.includes(subscription.agencyCode)) return false;
  return subscription.eventTypes.length === 0 || subscription.eventTypes.includes(envelope.type);
}

export type TargetProblem = string | null;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
// A work address: no display name, no spaces, one @, a dotted domain.
const EMAIL_PATTERN = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Why a subscription target is unacceptable for its channel, or null when it is fine. */
export function targetProblem(channel: NotificationChannel, target: string): TargetProblem {
  if (channel === 'EMAIL') {
    if (target.length > 254 || !EMAIL_PATTERN.test(target)) return 'target must be an e-mail address';
    return null;
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'target must be an https URL';
  }
  if (url.username || url.password) return 'target must not contain credentials';
  if (url.hash) return 'target must not contain a fragment';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return 'target must be an https URL (http is allowed only for loopback hosts)';
}

/** The subjects in `eventTypes` that are not case events one can subscribe to. */
export function unknownEventTypes(eventTypes: readonly string[]): string[] {
  const known = new Set<string>(caseEventSubjects());
  return eventTypes.filter((type) => !known.has(type));
}
