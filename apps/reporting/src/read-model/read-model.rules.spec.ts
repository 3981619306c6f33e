import { EventSubjects } from '@phoi-hop/contracts';
import {
  caseContributions,
  caseIdOf,
  caseOutcome,
  caseScopes,
  durationBucket,
  pressContributions,
  pressOutcomeOf,
  projectCase,
  rollupDelta,
  rollupDeltas,
  type Contribution,
  type RollupDelta,
  type StoredContributions,
  type Fact,
} from './read-model.rules';

const CASE = '9b1c1f4e-0000-4000-8000-000000000001';
let n = 0;
const fact = (subject: string, occurredAt: string, data: Record<string, unknown>, sequence: number | null = ++n): Fact => ({
  eventId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  subject,
  sequence,
  occurredAt,
  data: { caseId: CASE, ...data },
});
const opened = (
  at = '2026-03-01T01:00:00.000Z',
  participants = [
    { agencyCode: 'STTTT', role: 'LEAD' },
    { agencyCode: 'SYT', role: 'PARTICIPANT' },
  ],
) =>
  fact(EventSubjects.intake.caseOpened, at, {
    case: { id: CASE, status: 'OPEN', categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY', openedAt: at, participants },
  });
const status = (to: string, at: string) => fact(EventSubjects.intake.caseStatusChanged, at, { to });

const permutations = <T>(items: T[]): T[][] =>
  items.length <= 1 ? [items] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

describe(projectCase.name, () => {
  const lifecycle = () => [
    opened(),
    status('TRIAGED', '2026-03-01T03:00:00.000Z'),
    status('IN_CONSULTATION', '2026-03-01T05:00:00.000Z'),
    fact(EventSubjects.intake.caseDecided, '2026-03-02T01:00:00.000Z', {
      finding: 'FALSE',
      actions: [{ id: 'a1', type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CONG_TTDT', dueDate: '2026-03-03', status: 'PLANNED' }],
    }),
    fact(EventSubjects.intake.actionUpdated, '2026-03-03T01:00:00.000Z', { action: { id: 'a1', status: 'DONE' } }),
    status('CLOSED', '2026-03-04T01:00:00.000Z'),
  ];

  it('folds a lifecycle into the case’s state: agencies, status, finding, when each step happened, time in each status', () => {
    const state = projectCase(CASE, lifecycle());
    expect(state).toMatchObject({
      opened: true,
      categoryCode: 'FALSE_INFO_PANIC',
      leadAgency: 'STTTT',
      agencies: ['CONG_TTDT', 'STTTT', 'SYT'],
      status: 'CLOSED',
      finding: 'FALSE',
      triagedAt: '2026-03-01T03:00:00.000Z',
      decidedAt: '2026-03-02T01:00:00.000Z',
      closedAt: '2026-03-04T01:00:00.000Z',
    });
    expect(state.intervals.map((i) => [i.status, i.from, i.to])).toEqual([
      ['OPEN', '2026-03-01T01:00:00.000Z', '2026-03-01T03:00:00.000Z'],
      ['TRIAGED', '2026-03-01T03:00:00.000Z', '2026-03-01T05:00:00.000Z'],
      ['IN_CONSULTATION', '2026-03-01T05:00:00.000Z', '2026-03-02T01:00:00.000Z'],
      ['ACTING', '2026-03-02T01:00:00.000Z', '2026-03-04T01:00:00.000Z'],
    ]);
    expect(state.actions.get('a1')?.doneAt).toBe('2026-03-03T01:00:00.000Z');
  });

  it('gives the same contributions for every order of arrival and for duplicates', () => {
    const facts = lifecycle();
    const expected = caseContributions(projectCase(CASE, facts));
    for (const order of permutations(facts)) expect(caseContributions(projectCase(CASE, [...order, order[0]!, order[3]!]))).toEqual(expected);
  });

  it('orders by outbox sequence, not by arrival or clock: a reopening after a close leaves the case open', () => {
    const facts = [
      opened(),
      status('TRIAGED', '2026-03-01T03:00:00.000Z'),
      status('DISMISSED', '2026-03-01T04:00:00.000Z'),
      status('OPEN', '2026-03-01T04:00:00.000Z'),
    ];
    const state = projectCase(CASE, [...facts].reverse());
    expect(state.status).toBe('OPEN');
    expect(state.closedAt).toBeNull();
    expect(caseOutcome(state)).toBe('PENDING');
  });

  it('adds nothing for a case whose opening has not arrived yet, and everything once it has', () => {
    const later = [status('TRIAGED', '2026-03-01T03:00:00.000Z')];
    expect(caseContributions(projectCase(CASE, later))).toEqual([]);
    expect(caseScopes(projectCase(CASE, later))).toEqual([]);
    expect(caseContributions(projectCase(CASE, [...later, opened()]))).toContainEqual(['2026-03-01', 'TIME_TO_TRIAGE', '', durationBucket(120), 1, 120]);
  });

  it('moves a retired agency’s cases to its successor', () => {
    const state = projectCase(CASE, [
      opened(),
      fact(EventSubjects.intake.caseReassigned, '2026-03-02T00:00:00.000Z', { retired: 'SYT', successor: 'SYT_MOI' }),
    ]);
    expect(state.agencies).toEqual(['STTTT', 'SYT_MOI']);
  });

  it('counts each escalated deadline once, and opinions on time or late once per invited agency', () => {
    const escalated = fact(EventSubjects.intake.deadlineEscalated, '2026-03-02T00:00:00.000Z', { kind: 'TRIAGE', actionId: null });
    const consultation = (subject: string, data: Record<string, unknown>) => fact(subject, '2026-03-01T06:00:00.000Z', { consultationId: 'c1', ...data });
    const state = projectCase(CASE, [
      opened(),
      escalated,
      { ...escalated, eventId: 'other-delivery-of-a-second-escalation' },
      consultation(EventSubjects.consultation.opened, { mode: 'WRITTEN', invitedAgencyCodes: ['CA', 'SYT'] }),
      consultation(EventSubjects.consultation.opinionSubmitted, { agencyCode: 'CA', late: false }),
      consultation(EventSubjects.consultation.opinionSubmitted, { agencyCode: 'SYT', late: true }),
      consultation(EventSubjects.consultation.opinionSubmitted, { agencyCode: 'SYT', late: true }),
      consultation(EventSubjects.consultation.opinionSubmitted, { agencyCode: 'HNB', late: false }),
    ]);
    const contributions = caseContributions(state);
    const counted = (metric: string, key: string) => contributions.filter((c) => c[1] === metric && c[2] === key).reduce((sum, c) => sum + c[4], 0);
    expect(counted('overdue', 'TRIAGE')).toBe(1);
    expect(counted('opinion', 'REQUESTED')).toBe(2);
    expect(counted('opinion', 'ON_TIME')).toBe(1);
    expect(counted('opinion', 'LATE')).toBe(1);
    expect(counted('consultation', 'WRITTEN')).toBe(1);
  });

  it('takes a removal request’s latest progress for compliance and time to effect', () => {
    const action = { id: 'r1', type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: '2026-03-05', status: 'PLANNED' };
    const contributions = caseContributions(
      projectCase(CASE, [
        opened(),
        fact(EventSubjects.intake.caseDecided, '2026-03-02T00:00:00.000Z', { finding: 'UNLAWFUL', actions: [action] }),
        fact(EventSubjects.intake.actionUpdated, '2026-03-02T01:00:00.000Z', {
          action: { ...action, status: 'IN_PROGRESS' },
          removal: { sentAt: '2026-03-02T01:00:00.000Z', effectedAt: null, outcome: null },
        }),
        fact(EventSubjects.intake.actionUpdated, '2026-03-02T07:00:00.000Z', {
          action: { ...action, status: 'IN_PROGRESS' },
          removal: { sentAt: '2026-03-02T01:00:00.000Z', effectedAt: '2026-03-02T07:00:00.000Z', outcome: 'REMOVED' },
        }),
      ]),
    );
    expect(contributions.filter((c) => c[1].startsWith('removal'))).toEqual([
      ['2026-03-02', 'removal', 'REQUESTED', -1, 1, 0],
      ['2026-03-02', 'removal.outcome', 'REMOVED', -1, 1, 0],
      ['2026-03-02', 'removal.effect', '', durationBucket(360), 1, 360],
    ]);
  });
});

describe(caseIdOf.name, () => {
  it.each([
    [EventSubjects.intake.caseOpened, { case: { id: CASE } }, CASE],
    [EventSubjects.intake.caseStatusChanged, { caseId: CASE }, CASE],
    [EventSubjects.consultation.opinionSubmitted, { caseId: CASE }, CASE],
    [EventSubjects.evidence.itemAdded, { caseId: CASE }, null],
    [EventSubjects.intake.caseStatusChanged, null, null],
  ])('%s %o → %s', (subject, data, expected) => {
    expect(caseIdOf(subject, data)).toBe(expected);
  });
});

describe(durationBucket.name, () => {
  it('puts durations into buckets 10 % wide, growing with the duration', () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(60)).toBeLessThan(durationBucket(70));
    expect(durationBucket(1_000_000)).toBeLessThan(200);
    for (const minutes of [10, 1_000, 100_000]) expect(durationBucket(minutes * 1.21)).toBeGreaterThan(durationBucket(minutes));
  });
});

describe(pressContributions.name, () => {
  it.each([
    ['evt.press.complaint.filed', 'COMPLAINT_FILED'],
    ['evt.press.ruling.issued', 'RULING_ISSUED'],
    ['evt.press.appeal.decided', 'APPEAL_DECIDED'],
    ['evt.press.correction.published', 'OTHER'],
  ])('counts %s as %s on its province day', (subject, kind) => {
    expect(pressContributions(subject, '2026-03-01T18:00:00.000Z')).toEqual([['2026-03-02', 'press', kind, -1, 1, 0]]);
  });
});

describe(pressOutcomeOf.name, () => {
  it.each([
    ['evt.press.ruling.issued', { outcome: 'WARNING' }, { metric: 'press.ruling', key: 'WARNING' }],
    ['evt.press.appeal.decided', { decision: 'OVERTURNED', outcome: 'REMINDER' }, { metric: 'press.appeal', key: 'OVERTURNED' }],
    ['evt.press.appeal.decided', { decision: 'RETURNED' }, { metric: 'press.appeal', key: 'RETURNED' }],
    ['evt.press.ruling.issued', { outcome: 'NOT_AN_OUTCOME' }, null],
    ['evt.press.appeal.decided', {}, null],
    ['evt.press.complaint.closed', { outcome: 'WARNING' }, null],
    ['evt.press.ruling.issued', null, null],
  ])('%s %o → %o', (subject, data, expected) => {
    expect(pressOutcomeOf(subject, data)).toEqual(expected);
  });
});

describe('press rulings and appeals in the rollups', () => {
  const press = (id: string, subject: string, occurredAt: string, data: Record<string, unknown>): Fact => ({
    eventId: id,
    subject,
    sequence: null,
    occurredAt,
    data,
  });
  const events = [
    press('r1', 'evt.press.ruling.issued', '2026-03-01T02:00:00.000Z', { complaintId: 'c1', outcome: 'WARNING' }),
    press('r2', 'evt.press.ruling.issued', '2026-03-02T02:00:00.000Z', { complaintId: 'c2', outcome: 'WARNING' }),
    press('r3', 'evt.press.ruling.issued', '2026-03-03T02:00:00.000Z', { complaintId: 'c3', outcome: 'NO_VIOLATION' }),
    press('a1', 'evt.press.appeal.decided', '2026-03-10T02:00:00.000Z', { complaintId: 'c1', decision: 'OVERTURNED', outcome: 'REMINDER' }),
    press('a2', 'evt.press.appeal.decided', '2026-03-11T02:00:00.000Z', { complaintId: 'c2', decision: 'UPHELD', outcome: 'WARNING' }),
  ];
  /** The month's rows as the projector leaves them: each event applied once, on its first delivery. */
  const monthly = (arrivals: readonly Fact[]): Record<string, number> => {
    const seen = new Set<string>();
    const totals: Record<string, number> = {};
    for (const event of arrivals) {
      if (seen.has(event.eventId)) continue;
      seen.add(event.eventId);
      const delta = rollupDelta({ scopes: [], items: [] }, { scopes: ['*'], items: pressContributions(event.subject, event.occurredAt, event.data) });
      for (const row of delta.filter((d) => d.grain === 'M')) totals[`${row.metric}|${row.key}`] = (totals[`${row.metric}|${row.key}`] ?? 0) + row.n;
    }
    return totals;
  };

  it('counts rulings by outcome and appeals by decision, next to the kinds', () => {
    expect(monthly(events)).toEqual({
      'press|RULING_ISSUED': 3,
      'press|APPEAL_DECIDED': 2,
      'press.ruling|WARNING': 2,
      'press.ruling|NO_VIOLATION': 1,
      'press.appeal|OVERTURNED': 1,
      'press.appeal|UPHELD': 1,
    });
  });

  it('gives the same rows for every order of arrival, each event delivered twice', () => {
    const expected = monthly(events);
    for (const order of permutations(events)) expect(monthly([...order, ...[...order].reverse()])).toEqual(expected);
  });
});

describe(rollupDelta.name, () => {
  const item: Contribution = ['2026-03-15', 'status', 'OPEN', -1, 1, 0];

  it('adds a new case to every scope, per day, ISO week (from Monday) and month', () => {
    const delta = rollupDelta({ scopes: [], items: [] }, { scopes: ['*', 'C:X'], items: [item] });
    expect(delta.map((d) => [d.scope, d.grain, d.period, d.n, d.histN])).toEqual([
      ['*', 'D', '2026-03-15', 1, null],
      ['*', 'M', '2026-03-01', 1, null],
      ['*', 'W', '2026-03-09', 1, null],
      ['C:X', 'D', '2026-03-15', 1, null],
      ['C:X', 'M', '2026-03-01', 1, null],
      ['C:X', 'W', '2026-03-09', 1, null],
    ]);
  });

  it('moves a case from one status to another and leaves out what did not change', () => {
    const cases: Contribution = ['2026-03-15', 'cases', '', -1, 1, 0];
    const delta = rollupDelta({ scopes: ['*'], items: [item, cases] }, { scopes: ['*'], items: [['2026-03-15', 'status', 'TRIAGED', -1, 1, 0], cases] });
    expect(delta.filter((d) => d.grain === 'D').map((d) => [d.key, d.n])).toEqual([
      ['OPEN', -1],
      ['TRIAGED', 1],
    ]);
  });

  it('keeps a duration’s buckets in one row: a longer triage moves one count to a later bucket', () => {
    const triage = (minutes: number): Contribution => ['2026-03-15', 'TIME_TO_TRIAGE', '', durationBucket(minutes), 1, minutes];
    const [day] = rollupDelta({ scopes: ['*'], items: [triage(60)] }, { scopes: ['*'], items: [triage(600)] }).filter((d) => d.grain === 'D');
    expect(day).toMatchObject({ metric: 'TIME_TO_TRIAGE', n: 0, minutes: 540 });
    expect(day!.histN![durationBucket(60)]).toBe(-1);
    expect(day!.histN![durationBucket(600)]).toBe(1);
    expect(day!.histMinutes![durationBucket(600)]).toBe(600);
    expect(day!.histN!.filter((v) => v !== 0)).toHaveLength(2);
  });
});

describe(rollupDeltas.name, () => {
  const at = (day: string, metric: string, key: string, minutes?: number): Contribution =>
    minutes === undefined ? [day, metric, key, -1, 1, 0] : [day, metric, key, durationBucket(minutes), 1, minutes];
  const v1: StoredContributions = { scopes: ['*', 'C:X'], items: [at('2026-03-15', 'cases', ''), at('2026-03-15', 'status', 'OPEN')] };
  const v2: StoredContributions = {
    scopes: ['*', 'C:X'],
    items: [at('2026-03-15', 'cases', ''), at('2026-03-15', 'status', 'TRIAGED'), at('2026-03-15', 'TIME_TO_TRIAGE', '', 90)],
  };
  const v3: StoredContributions = { scopes: ['*', 'C:X', 'A:CA'], items: [...v2.items, at('2026-03-20', 'action.planned', 'REFER_TO_POLICE')] };
  const none: StoredContributions = { scopes: [], items: [] };
  /** Adds rows up per scope, grain, period, metric and key, dropping what sums to nothing. */
  const total = (rows: readonly RollupDelta[]) => {
    const sums = new Map<string, { n: number; minutes: number; histN: number[] }>();
    for (const row of rows) {
      const id = [row.scope, row.grain, row.period, row.metric, row.key].join('|');
      const sum = sums.get(id) ?? { n: 0, minutes: 0, histN: [] };
      sum.n += row.n;
      sum.minutes += row.minutes;
      (row.histN ?? []).forEach((v, b) => (sum.histN[b] = (sum.histN[b] ?? 0) + v));
      sums.set(id, sum);
    }
    return Object.fromEntries(
      [...sums]
        .map(([id, sum]) => [id, { ...sum, histN: sum.histN.map((v) => v ?? 0).filter((_, b, all) => all.slice(b).some((x) => x !== 0)) }] as const)
        .filter(([, sum]) => sum.n !== 0 || sum.minutes !== 0 || sum.histN.length > 0)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  };

  it('gives the sum of each change’s rollupDelta, in one sorted list, for changes of the same scopes and of new scopes', () => {
    const changes = [
      { before: none, after: v1 },
      { before: v1, after: v2 },
      { before: v2, after: v3 },
      { before: none, after: { scopes: ['*'], items: [at('2026-03-16', 'press', 'RULING_ISSUED')] } },
    ];
    const batched = rollupDeltas(changes);
    expect(total(batched)).toEqual(total(changes.flatMap(({ before, after }) => rollupDelta(before, after))));
    expect(total(batched)).toEqual(
      total([...rollupDelta(none, v3), ...rollupDelta(none, { scopes: ['*'], items: [at('2026-03-16', 'press', 'RULING_ISSUED')] })]),
    );
    const ids = batched.map((row) => [row.scope, row.grain, row.period, row.metric, row.key].join('\u0000'));
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('moves only the items that differ when the scopes stay, and nothing for a change that changes nothing', () => {
    expect(rollupDeltas([{ before: v2, after: v2 }])).toEqual([]);
    const delta = rollupDeltas([{ before: v1, after: v2 }]);
    expect(new Set(delta.map((row) => row.metric))).toEqual(new Set(['status', 'TIME_TO_TRIAGE']));
  });
});
