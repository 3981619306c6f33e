import { randomUUID } from 'node:crypto';
import { EventSubjects, type EventEnvelope, type HandlingActionTypeCode } from '@phoi-hop/contracts';

/**
 * Synthetic case lifecycles as the services publish them (the envelopes and payload fields the
 * reporting read models read), for tests and the reporting benchmark: deterministic for a seed, with the events of
 * one case numbered in commit order like an outbox.
 */

const CATEGORIES = ['FALSE_INFO_PANIC', 'FALSE_INFO_ECONOMIC', 'DEFAMATION', 'IMPERSONATION_SCAM', 'PRIVACY_LEAK', 'GRIEVANCE', 'OTHER'];
const LOCALITIES = ['DONG_HOI', 'BA_DON', 'MINH_HOA', 'TUYEN_HOA', 'QUANG_TRACH', 'BO_TRACH', 'QUANG_NINH', 'LE_THUY'];
const PARTICIPANTS = ['CA', 'SYT', 'STC', 'HNB', 'BTG', 'UBND_DONG_HOI', 'UBND_LE_THUY'];
const ACTION_TYPES: HandlingActionTypeCode[] = ['PUBLISH_CLARIFICATION', 'REQUEST_REMOVAL', 'REFER_TO_POLICE', 'MONITOR'];

/** A small, fast, seedable generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SyntheticOptions {
  /** First instant cases open at; they spread over `spanDays`. */
  start: Date;
  spanDays: number;
  /** Event ids: random by default; a function for reproducible ones. */
  id?: () => string;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** The events of one case from opening to (mostly) closing, in commit order, with `sequence` from `nextSequence`. */
export function syntheticCaseEvents(random: () => number, options: SyntheticOptions, nextSequence: () => number): EventEnvelope[] {
  const id = options.id ?? randomUUID;
  const caseId = id();
  const number = `QB-2026-${Math.floor(random() * 1e6)}`;
  let at = options.start.getTime() + Math.floor(random() * options.spanDays * 86_400_000);
  const later = (maxHours: number): string => {
    at += Math.floor(random() * maxHours * 3_600_000) + 60_000;
    return new Date(at).toISOString();
  };
  const openedAt = new Date(at).toISOString();
  const participant = pick(random, PARTICIPANTS);
  const categoryCode = pick(random, CATEGORIES);
  const events: EventEnvelope[] = [];
  const push = (type: string, occurredAt: string, data: unknown, service: 'intake' | 'consultation' = 'intake'): void => {
    events.push({
      id: id(),
      type,
      occurredAt,
      aggregateId: caseId,
      // Consultation's outbox numbers its own events: far from intake's here, as in two services.
      sequence: service === 'intake' ? nextSequence() : 1_000_000_000 + nextSequence(),
      visibleTo: ['STTTT', participant],
      data,
    });
  };
  push(EventSubjects.intake.caseOpened, openedAt, {
    reportId: id(),
    case: {
      id: caseId,
      number,
      status: 'OPEN',
      categoryCode,
      severity: 'MEDIUM',
      localityCode: pick(random, LOCALITIES),
      sectorCode: null,
      openedAt,
      reporterAgencyCode: participant,
      participants: [
        { agencyCode: 'STTTT', role: 'LEAD' },
        { agencyCode: participant, role: 'PARTICIPANT' },
      ],
    },
  });
  const status = (from: string, to: string, occurredAt: string): void =>
    push(EventSubjects.intake.caseStatusChanged, occurredAt, { caseId, caseNumber: number, from, to, severity: 'MEDIUM', reason: null });
  if (random() < 0.08) {
    status('OPEN', 'DISMISSED', later(48));
    return events;
  }
  if (random() < 0.1)
    push(EventSubjects.intake.deadlineEscalated, later(30), {
      caseId,
      caseNumber: number,
      kind: 'TRIAGE',
      actionId: null,
      deadline: openedAt,
      owedBy: ['STTTT'],
      escalatedTo: [],
      severity: 'MEDIUM',
    });
  status('OPEN', 'TRIAGED', later(24));
  if (random() < 0.15) return events;
  if (random() < 0.4) {
    const consultationId = id();
    const invited = ['CA', participant === 'CA' ? 'SYT' : participant];
    const mode = random() < 0.5 ? 'WRITTEN' : 'MEETING';
    status('TRIAGED', 'IN_CONSULTATION', later(4));
    push(
      EventSubjects.consultation.opened,
      new Date(at).toISOString(),
      { consultationId, caseId, caseNumber: number, mode, invitedAgencyCodes: invited, deadline: null, meetingAt: null },
      'consultation',
    );
    for (const agencyCode of invited) {
      if (random() < 0.9) {
        push(
          EventSubjects.consultation.opinionSubmitted,
          later(48),
          { consultationId, caseId, caseNumber: number, agencyCode, position: 'AGREE', late: random() < 0.2 },
          'consultation',
        );
      }
    }
    push(EventSubjects.consultation.resolved, later(12), { consultationId, caseId, caseNumber: number, summary: 'Thống nhất xử lý', plan: [] }, 'consultation');
  }
  const actions = Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
    const type = pick(random, ACTION_TYPES);
    return { id: id(), type, assigneeAgencyCode: type === 'REFER_TO_POLICE' ? 'CA' : pick(random, ['STTTT', participant]), dueDate: '', status: 'PLANNED' };
  });
  const decidedAt = later(72);
  for (const action of actions) action.dueDate = new Date(at + 7 * 86_400_000).toISOString().slice(0, 10);
  push(EventSubjects.intake.caseDecided, decidedAt, {
    caseId,
    caseNumber: number,
    decisionId: id(),
    finding: pick(random, ['FALSE', 'MISLEADING', 'UNLAWFUL', 'TRUE', 'OPINION']),
    provisions: [],
    actions,
  });
  for (const action of actions) {
    if (random() < 0.2) continue;
    const removal =
      action.type === 'REQUEST_REMOVAL'
        ? (() => {
            const sentAt = later(24);
            const outcome = pick(random, ['REMOVED', 'REMOVED', 'REMOVED', 'REFUSED', 'NO_RESPONSE'] as const);
            return { sentAt, effectedAt: outcome === 'REMOVED' ? later(96) : null, outcome };
          })()
        : undefined;
    push(EventSubjects.intake.actionUpdated, later(24 * 10), {
      caseId,
      caseNumber: number,
      action: { ...action, status: 'DONE', result: null },
      ...(removal ? { removal } : {}),
    });
  }
  if (random() < 0.85) status('ACTING', 'CLOSED', later(48));
  return events;
}

/** The events of `count` cases, each case's in commit order, all cases' interleaved by time. */
export function syntheticEvents(seed: number, count: number, options: SyntheticOptions): EventEnvelope[] {
  const random = seededRandom(seed);
  let sequence = 0;
  const events = Array.from({ length: count }, () => syntheticCaseEvents(random, options, () => ++sequence)).flat();
  return events.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
}

/** Press-ethics events as the press service is agreed to name them. */
export function syntheticPressEvents(random: () => number, count: number, options: SyntheticOptions): EventEnvelope[] {
  const id = options.id ?? randomUUID;
  const subjects = ['evt.press.complaint.filed', 'evt.press.complaint.filed', 'evt.press.ruling.issued', 'evt.press.appeal.decided'];
  return Array.from({ length: count }, () => ({
    id: id(),
    type: pick(random, subjects),
    occurredAt: new Date(options.start.getTime() + Math.floor(random() * options.spanDays * 86_400_000)).toISOString(),
    aggregateId: id(),
    visibleTo: ['HNB'],
    data: {},
  }));
}

/** The same events delivered badly: some twice, in a shuffled order. */
export function redeliveredShuffled(events: readonly EventEnvelope[], seed: number, duplicateShare = 0.3): EventEnvelope[] {
  const random = seededRandom(seed);
  const out = [...events, ...events.filter(() => random() < duplicateShare)];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
