import {
  AppealDecisions,
  DEFAULT_REPORT_CHANNEL,
  EventSubjects,
  PRESS_EVENT_KIND_BY_SUBJECT,
  PRESS_EVENT_SUBJECT_PREFIX,
  provinceDay,
  RulingOutcomes,
  type AppealDecision,
  type CaseDto,
  type CaseOutcome,
  type CaseStatus,
  type ConsultationMode,
  type EventEnvelope,
  type HandlingActionTypeCode,
  type RemovalOutcome,
  type ReportChannel,
  type RulingOutcome,
} from '@phoi-hop/contracts';

/**
 * The statistics read models as pure functions: a case's state is a fold over the set of its
 * events (its facts), whatever order they arrived in and however often, and what the case adds to
 * the rollups is a function of that state. The consumer stores the facts, recomputes the case and
 * applies the difference between its old and new contributions, so the rollups always equal the
 * sum over the cases' current states, and a rebuild from the stream gives the same numbers.
 */

/** One event as the read models keep it. */
export interface Fact {
  eventId: string;
  subject: string;
  /** The publisher's outbox position: for one aggregate, the order of its commits (absent on older events). */
  sequence: number | null;
  occurredAt: string;
  data: unknown;
}

const TERMINAL: readonly CaseStatus[] = ['CLOSED', 'DISMISSED', 'MERGED'];

export interface StatusInterval {
  status: CaseStatus;
  agency: string;
  from: string;
  to: string;
}

export interface ActionState {
  id: string;
  type: HandlingActionTypeCode;
  assignee: string;
  dueDate: string;
  decidedAt: string;
  doneAt: string | null;
  removal: { sentAt: string | null; effectedAt: string | null; outcome: RemovalOutcome | null } | null;
}

export interface ConsultationState {
  id: string;
  mode: ConsultationMode | null;
  openedAt: string | null;
  invited: string[];
  /** Agencies that answered, and whether the first answer was by the deadline. */
  answered: Map<string, boolean>;
  resolved: boolean;
}

export interface CaseState {
  caseId: string;
  opened: boolean;
  openedAt: string | null;
  categoryCode: string | null;
  localityCode: string | null;
  /** How the report that opened the case reached the platform. */
  channel: ReportChannel | null;
  leadAgency: string | null;
  agencies: string[];
  status: CaseStatus | null;
  finding: string | null;
  triagedAt: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  intervals: StatusInterval[];
  /** Escalated deadlines: kind and action, once each. */
  overdue: Map<string, string>;
  actions: Map<string, ActionState>;
  consultations: Map<string, ConsultationState>;
}

/** The case an event is about, or null for events that are not about one case. */
export function caseIdOf(subject: string, data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  const record = data as Record<string, unknown>;
  if (subject === EventSubjects.intake.caseOpened) {
    const kase = record['case'] as { id?: unknown } | undefined;
    return typeof kase?.id === 'string' ? kase.id : null;
  }
  if (!subject.startsWith('evt.intake.') && !subject.startsWith('evt.consultation.')) return null;
  return typeof record['caseId'] === 'string' ? record['caseId'] : null;
}

export function isPressEvent(subject: string): boolean {
  return subject.startsWith(PRESS_EVENT_SUBJECT_PREFIX);
}

/** A fact with the case it is about (null: a press event, which counts on its own). */
export type CaseFact = Fact & { caseId: string | null };

/** The fact an event gives; null for an event the read models do not count (neither about one case nor a press event). */
export function factOfEvent(envelope: EventEnvelope): CaseFact | null {
  const press = isPressEvent(envelope.type);
  const caseId = press ? null : caseIdOf(envelope.type, envelope.data);
  if (!press && caseId === null) return null;
  // Ids as Postgres returns its uuids, so that facts read back match those in hand.
  return {
    eventId: envelope.id.toLowerCase(),
    caseId: caseId?.toLowerCase() ?? null,
    subject: envelope.type,
    sequence: typeof envelope.sequence === 'number' ? envelope.sequence : null,
    occurredAt: new Date(envelope.occurredAt).toISOString(),
    data: envelope.data,
  };
}

/** Intake's facts in commit order: by outbox sequence, then time, then id (so every order of arrival folds the same). */
export function compareFacts(a: Fact, b: Fact): number {
  const sa = a.sequence ?? -1;
  const sb = b.sequence ?? -1;
  if (sa !== sb) return sa - sb;
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

function emptyCase(caseId: string): CaseState {
  return {
    caseId,
    opened: false,
    openedAt: null,
    categoryCode: null,
    localityCode: null,
    channel: null,
    leadAgency: null,
    agencies: [],
    status: null,
    finding: null,
    triagedAt: null,
    decidedAt: null,
    closedAt: null,
    intervals: [],
    overdue: new Map(),
    actions: new Map(),
    consultations: new Map(),
  };
}

/** The state of a case from its facts, in any order, duplicates included. */
export function projectCase(caseId: string, facts: readonly Fact[]): CaseState {
  const state = emptyCase(caseId);
  const unique = [...new Map(facts.map((fact) => [fact.eventId, fact])).values()];
  const intake = unique.filter((f) => f.subject.startsWith('evt.intake.')).sort(compareFacts);
  let since: string | null = null;
  const enter = (status: CaseStatus, at: string): void => {
    if (state.status && since !== null && !TERMINAL.includes(state.status) && at > since) {
      state.intervals.push({ status: state.status, agency: state.leadAgency ?? '', from: since, to: at });
    }
    if (status === 'TRIAGED' && !state.triagedAt) state.triagedAt = at;
    state.closedAt = TERMINAL.includes(status) ? at : null;
    state.status = status;
    since = at;
  };
  for (const fact of intake) {
    const data = fact.data as Record<string, unknown>;
    switch (fact.subject) {
      case EventSubjects.intake.caseOpened: {
        const kase = data['case'] as CaseDto;
        state.opened = true;
        state.openedAt = kase.openedAt;
        state.categoryCode = kase.categoryCode;
        state.localityCode = kase.localityCode ?? null;
        // Events written before reports had a channel: the agency's, as every report then was.
        state.channel = kase.reports?.[0]?.channel ?? DEFAULT_REPORT_CHANNEL;
        state.leadAgency = kase.participants?.find((p) => p.role === 'LEAD')?.agencyCode ?? null;
        state.agencies = [...new Set((kase.participants ?? []).map((p) => p.agencyCode))].sort();
        enter(kase.status ?? 'OPEN', kase.openedAt);
        break;
      }
      case EventSubjects.intake.caseStatusChanged:
        enter(data['to'] as CaseStatus, fact.occurredAt);
        break;
      case EventSubjects.intake.caseDecided: {
        const actions = (data['actions'] as { id: string; type: HandlingActionTypeCode; assigneeAgencyCode: string; dueDate: string }[]) ?? [];
        state.finding = String(data['finding']);
        if (!state.decidedAt) state.decidedAt = fact.occurredAt;
        for (const action of actions) {
          state.actions.set(action.id, {
            id: action.id,
            type: action.type,
            assignee: action.assigneeAgencyCode,
            dueDate: action.dueDate,
            decidedAt: fact.occurredAt,
            doneAt: null,
            removal: action.type === 'REQUEST_REMOVAL' ? { sentAt: null, effectedAt: null, outcome: null } : null,
          });
          if (!state.agencies.includes(action.assigneeAgencyCode)) state.agencies = [...state.agencies, action.assigneeAgencyCode].sort();
        }
        // Intake records DECIDED, then ACTING when actions were planned, in the same commit.
        enter('DECIDED', fact.occurredAt);
        if (actions.length > 0) enter('ACTING', fact.occurredAt);
        break;
      }
      case EventSubjects.intake.actionUpdated: {
        const update = data['action'] as { id: string; status: string };
        const action = state.actions.get(update.id);
        if (!action) break;
        if (update.status === 'DONE' && !action.doneAt) action.doneAt = fact.occurredAt;
        const removal = data['removal'] as { sentAt?: string | null; effectedAt?: string | null; outcome?: RemovalOutcome | null } | undefined;
        if (removal && action.removal) {
          action.removal = { sentAt: removal.sentAt ?? null, effectedAt: removal.effectedAt ?? null, outcome: removal.outcome ?? null };
        }
        break;
      }
      case EventSubjects.intake.caseReassigned: {
        const retired = String(data['retired']);
        const successor = String(data['successor']);
        if (state.leadAgency === retired) state.leadAgency = successor;
        if (state.agencies.includes(retired)) state.agencies = [...new Set(state.agencies.map((a) => (a === retired ? successor : a)))].sort();
        break;
      }
      case EventSubjects.intake.deadlineEscalated: {
        const kind = String(data['kind']);
        state.overdue.set(`${kind}:${String(data['actionId'] ?? '')}`, kind);
        break;
      }
      default:
        break;
    }
  }
  // Consultation facts are sets (opened, answers, resolution): their order does not matter.
  for (const fact of unique.filter((f) => f.subject.startsWith('evt.consultation.'))) {
    const data = fact.data as Record<string, unknown>;
    const id = String(data['consultationId']);
    const consultation = state.consultations.get(id) ?? { id, mode: null, openedAt: null, invited: [], answered: new Map<string, boolean>(), resolved: false };
    state.consultations.set(id, consultation);
    if (fact.subject === EventSubjects.consultation.opened) {
      consultation.mode = data['mode'] as ConsultationMode;
      consultation.openedAt = fact.occurredAt;
      consultation.invited = [...new Set((data['invitedAgencyCodes'] as string[]) ?? [])].sort();
    } else if (fact.subject === EventSubjects.consultation.opinionSubmitted) {
      const agency = String(data['agencyCode']);
      const onTime = data['late'] !== true;
      consultation.answered.set(agency, (consultation.answered.get(agency) ?? false) || onTime);
    } else if (fact.subject === EventSubjects.consultation.resolved) {
      consultation.resolved = true;
    }
  }
  return state;
}

export function caseOutcome(state: CaseState): CaseOutcome {
  if (state.status === 'MERGED') return 'MERGED';
  if (state.finding) return state.finding as CaseOutcome;
  if (state.status === 'DISMISSED') return 'DISMISSED';
  return 'PENDING';
}

/**
 * One addition to the rollups: on `day` (YYYY-MM-DD, the province's), `n` occurrences of `metric`
 * for `key`; durations also give their histogram bucket and total minutes (bucket -1: a count).
 */
export type Contribution = [day: string, metric: string, key: string, bucket: number, n: number, minutes: number];

/** Duration histograms have buckets 10 % wide: bucket b holds durations from 1.1^b − 1 to 1.1^(b+1) − 1 minutes. */
export const BUCKET_RATIO = 1.1;

export function durationBucket(minutes: number): number {
  return minutes <= 0 ? 0 : Math.floor(Math.log1p(minutes) / Math.log(BUCKET_RATIO));
}

function minutesBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

const day = (at: string): string => provinceDay(new Date(at));

/** What a case adds to the rollups; a case not opened yet (its opening event still to come) adds nothing. */
export function caseContributions(state: CaseState): Contribution[] {
  if (!state.opened || !state.openedAt) return [];
  const out: Contribution[] = [];
  const opened = day(state.openedAt);
  const count = (at: string, metric: string, key: string, n = 1): void => {
    out.push([at, metric, key, -1, n, 0]);
  };
  const duration = (at: string, metric: string, key: string, from: string, to: string): void => {
    const minutes = minutesBetween(from, to);
    out.push([at, metric, key, durationBucket(minutes), 1, minutes]);
  };
  count(opened, 'cases', '');
  if (state.categoryCode) count(opened, 'category', state.categoryCode);
  if (state.localityCode) count(opened, 'locality', state.localityCode);
  if (state.channel) count(opened, 'channel', state.channel);
  if (state.leadAgency) count(opened, 'lead', state.leadAgency);
  for (const agency of state.agencies) if (agency !== state.leadAgency) count(opened, 'participant', agency);
  if (state.status) count(opened, 'status', state.status);
  count(opened, 'outcome', caseOutcome(state));
  if (state.triagedAt) duration(opened, 'TIME_TO_TRIAGE', '', state.openedAt, state.triagedAt);
  if (state.decidedAt) duration(opened, 'TIME_TO_DECISION', '', state.openedAt, state.decidedAt);
  if (state.closedAt) duration(opened, 'TIME_TO_CLOSE', '', state.openedAt, state.closedAt);
  for (const kind of state.overdue.values()) count(opened, 'overdue', kind);
  for (const interval of state.intervals) duration(day(interval.from), 'statusTime', `${interval.agency}|${interval.status}`, interval.from, interval.to);
  for (const action of state.actions.values()) {
    const decided = day(action.decidedAt);
    count(decided, 'action.planned', action.type);
    if (action.doneAt) {
      count(decided, 'action.done', action.type);
      if (day(action.doneAt) <= action.dueDate) count(decided, 'action.onTime', action.type);
      duration(day(action.doneAt), 'actionTime', `${action.assignee}|${action.type}`, action.decidedAt, action.doneAt);
    }
    if (action.removal) {
      count(decided, 'removal', 'REQUESTED');
      if (action.removal.outcome) count(decided, 'removal.outcome', action.removal.outcome);
      if (action.removal.sentAt && action.removal.effectedAt) duration(decided, 'removal.effect', '', action.removal.sentAt, action.removal.effectedAt);
    }
  }
  for (const consultation of state.consultations.values()) {
    if (!consultation.openedAt || !consultation.mode) continue;
    const at = day(consultation.openedAt);
    count(at, 'consultation', consultation.mode);
    if (consultation.resolved) count(at, 'consultation.resolved', '');
    if (consultation.invited.length > 0) count(at, 'opinion', 'REQUESTED', consultation.invited.length);
    for (const [agency, onTime] of consultation.answered) {
      if (consultation.invited.length > 0 && !consultation.invited.includes(agency)) continue;
      count(at, 'opinion', onTime ? 'ON_TIME' : 'LATE');
    }
  }
  return out;
}

/** The rollup scopes a case counts in: all cases, its category, its locality, each of its agencies. */
export function caseScopes(state: CaseState): string[] {
  if (!state.opened) return [];
  return [
    '*',
    ...(state.categoryCode ? [`C:${state.categoryCode}`] : []),
    ...(state.localityCode ? [`L:${state.localityCode}`] : []),
    ...state.agencies.map((a) => `A:${a}`),
  ];
}

/**
 * What a press ruling or appeal decision came to, from its event's payload: a ruling's outcome, an
 * appeal's decision (null for other events, or a payload without a known value).
 */
export function pressOutcomeOf(
  subject: string,
  data: unknown,
): { metric: 'press.ruling'; key: RulingOutcome } | { metric: 'press.appeal'; key: AppealDecision } | null {
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  if (subject === EventSubjects.press.ruled) {
    const outcome = record['outcome'];
    return RulingOutcomes.includes(outcome as RulingOutcome) ? { metric: 'press.ruling', key: outcome as RulingOutcome } : null;
  }
  if (subject === EventSubjects.press.appealDecided) {
    const decision = record['decision'];
    return AppealDecisions.includes(decision as AppealDecision) ? { metric: 'press.appeal', key: decision as AppealDecision } : null;
  }
  return null;
}

/**
 * What a press event adds (all cases' scope only: the press service's complaints are not cases):
 * its kind, and a ruling's outcome or an appeal's decision. Each event counts on its own, so the
 * order of arrival does not matter; a second delivery is stopped by its stored fact.
 */
export function pressContributions(subject: string, occurredAt: string, data?: unknown): Contribution[] {
  const at = day(occurredAt);
  const out: Contribution[] = [[at, 'press', PRESS_EVENT_KIND_BY_SUBJECT[subject] ?? 'OTHER', -1, 1, 0]];
  const outcome = pressOutcomeOf(subject, data);
  if (outcome) out.push([at, outcome.metric, outcome.key, -1, 1, 0]);
  return out;
}

/** A case's contributions as stored with it, to subtract when it changes. */
export interface StoredContributions {
  scopes: string[];
  items: Contribution[];
}

/** The Monday (ISO week) of a day, YYYY-MM-DD. */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

export interface RollupDelta {
  scope: string;
  grain: 'D' | 'W' | 'M';
  period: string;
  metric: string;
  key: string;
  n: number;
  minutes: number;
  /** Durations: per bucket (index = bucket), how many and their minutes; null for a count. */
  histN: number[] | null;
  histMinutes: number[] | null;
}

/** A case's contributions before and after a change of its facts. */
export interface ContributionChange {
  before: StoredContributions;
  after: StoredContributions;
}

const weeks = new Map<string, string>();

/** `weekOf`, remembered: a rebuild asks for the same few hundred days millions of times. */
export function weekOfDay(day: string): string {
  let week = weeks.get(day);
  if (week === undefined) {
    week = weekOf(day);
    weeks.set(day, week);
  }
  return week;
}

const sameScopes = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((scope, i) => scope === b[i]);

/**
 * The changes to the rollups that replace `before` by `after`, per day, week and month, one row per
 * scope, period, metric and key (a duration's buckets in its histogram arrays), in a fixed order
 * (rows are locked in it).
 */
export function rollupDelta(before: StoredContributions, after: StoredContributions): RollupDelta[] {
  return rollupDeltas([{ before, after }]);
}

/**
 * The changes to the rollups of several cases' changes (a batch of events), summed: the same rows
 * as adding up `rollupDelta` of each, in the same fixed order. A case whose scopes stay the same
 * moves only by the contributions that differ (most events change two or three of a case's items).
 */
export function rollupDeltas(changes: readonly ContributionChange[]): RollupDelta[] {
  const sums = new Map<string, RollupDelta>();
  const add = (scopes: readonly string[], items: readonly Contribution[], sign: number): void => {
    for (const scope of scopes) {
      for (const [at, metric, key, bucket, n, minutes] of items) {
        for (let g = 0; g < 3; g++) {
          const grain = g === 0 ? 'D' : g === 1 ? 'W' : 'M';
          const period = g === 0 ? at : g === 1 ? weekOfDay(at) : `${at.slice(0, 7)}-01`;
          const id = `${scope}\u0000${grain}\u0000${period}\u0000${metric}\u0000${key}`;
          let row = sums.get(id);
          if (!row) {
            row = { scope, grain, period, metric, key, n: 0, minutes: 0, histN: null, histMinutes: null };
            sums.set(id, row);
          }
          row.n += sign * n;
          row.minutes += sign * minutes;
          if (bucket >= 0) {
            const histN = (row.histN ??= []);
            const histMinutes = (row.histMinutes ??= []);
            for (let b = histN.length; b <= bucket; b++) {
              histN.push(0);
              histMinutes.push(0);
            }
            histN[bucket]! += sign * n;
            histMinutes[bucket]! += sign * minutes;
          }
        }
      }
    }
  };
  for (const { before, after } of changes) {
    if (!sameScopes(before.scopes, after.scopes)) {
      add(before.scopes, before.items, -1);
      add(after.scopes, after.items, 1);
      continue;
    }
    // Same scopes: only the items whose count differs move, by that difference.
    const net = new Map<string, { item: Contribution; times: number }>();
    for (const [items, sign] of [
      [before.items, -1],
      [after.items, 1],
    ] as const) {
      for (const item of items) {
        const id = item.join('\u0000');
        const entry = net.get(id);
        if (entry) entry.times += sign;
        else net.set(id, { item, times: sign });
      }
    }
    for (const { item, times } of net.values()) if (times !== 0) add(after.scopes, [item], times);
  }
  const changed = (row: RollupDelta) =>
    row.n !== 0 || row.minutes !== 0 || (row.histN ?? []).some((v) => v !== 0) || (row.histMinutes ?? []).some((v) => v !== 0);
  return [...sums.entries()]
    .filter(([, row]) => changed(row))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}
