import { randomUUID } from 'node:crypto';
import { ErrorCodes, EventSubjects, provinceDay, type EventEnvelope, type ReportChannel, type StatisticsDto } from '@phoi-hop/contracts';
import { createReportingTestbed, type ReportingTestbed } from '../app/reporting.medium-testbed';
import { redeliveredShuffled, seededRandom, syntheticEvents, syntheticPressEvents } from '@phoi-hop/testing';
import { StatisticsService } from './statistics.service';

const START = new Date('2026-01-01T01:00:00Z');
const synthetic = (seed: number, count: number) => syntheticEvents(seed, count, { start: START, spanDays: 150 });
const press = (seed: number, count: number) => syntheticPressEvents(seededRandom(seed), count, { start: START, spanDays: 150 });

/**
 * One case, by hand: opened 1 March 08:00 (+7), triaged after 2 h, decided after 26 h with a removal
 * request, closed. Without a channel its opening report is as events before channels were: no channel.
 */
function handCase(channel?: ReportChannel): EventEnvelope[] {
  const caseId = randomUUID();
  const actionId = randomUUID();
  let sequence = 0;
  const envelope = (type: string, occurredAt: string, data: unknown): EventEnvelope => ({
    id: randomUUID(),
    type,
    occurredAt,
    aggregateId: caseId,
    sequence: ++sequence,
    visibleTo: ['STTTT'],
    data,
  });
  const openedAt = '2026-03-01T01:00:00.000Z';
  return [
    envelope(EventSubjects.intake.caseOpened, openedAt, {
      reportId: randomUUID(),
      case: {
        id: caseId,
        number: 'QB-2026-000001',
        status: 'OPEN',
        categoryCode: 'FALSE_INFO_PANIC',
        localityCode: 'LE_THUY',
        openedAt,
        ...(channel ? { reports: [{ id: randomUUID(), channel }] } : {}),
        participants: [
          { agencyCode: 'STTTT', role: 'LEAD' },
          { agencyCode: 'SYT', role: 'PARTICIPANT' },
        ],
      },
    }),
    envelope(EventSubjects.intake.caseStatusChanged, '2026-03-01T03:00:00.000Z', { caseId, from: 'OPEN', to: 'TRIAGED' }),
    envelope(EventSubjects.intake.caseDecided, '2026-03-02T03:00:00.000Z', {
      caseId,
      decisionId: randomUUID(),
      finding: 'FALSE',
      provisions: [],
      actions: [{ id: actionId, type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: '2026-03-05', status: 'PLANNED' }],
    }),
    envelope(EventSubjects.intake.actionUpdated, '2026-03-03T03:00:00.000Z', {
      caseId,
      action: { id: actionId, type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: '2026-03-05', status: 'DONE', result: null },
      removal: { sentAt: '2026-03-02T05:00:00.000Z', effectedAt: '2026-03-02T17:00:00.000Z', outcome: 'REMOVED' },
    }),
    envelope(EventSubjects.intake.caseStatusChanged, '2026-03-04T03:00:00.000Z', { caseId, from: 'ACTING', to: 'CLOSED' }),
  ];
}

/** Press-ethics rulings and appeal decisions as the press service publishes them: three rulings of two outcomes, one appeal overturned, one upheld. */
function handPress(): EventEnvelope[] {
  const complaints = [randomUUID(), randomUUID(), randomUUID()];
  const envelope = (type: string, occurredAt: string, complaintId: string, data: Record<string, unknown>): EventEnvelope => ({
    id: randomUUID(),
    type,
    occurredAt,
    aggregateId: complaintId,
    visibleTo: ['HNB'],
    data: { complaintId, caseId: null, caseNumber: null, complainantAgencyCode: 'STTTT', ...data },
  });
  const [c1, c2, c3] = complaints as [string, string, string];
  return [
    envelope(EventSubjects.press.ruled, '2026-03-05T02:00:00.000Z', c1, { status: 'RULED', outcome: 'WARNING' }),
    envelope(EventSubjects.press.ruled, '2026-03-06T02:00:00.000Z', c2, { status: 'RULED', outcome: 'WARNING' }),
    envelope(EventSubjects.press.ruled, '2026-03-07T02:00:00.000Z', c3, { status: 'RULED', outcome: 'NO_VIOLATION' }),
    envelope(EventSubjects.press.appealDecided, '2026-03-20T02:00:00.000Z', c1, { status: 'CLOSED', decision: 'OVERTURNED', outcome: 'REMINDER' }),
    envelope(EventSubjects.press.appealDecided, '2026-03-21T02:00:00.000Z', c2, { status: 'CLOSED', decision: 'UPHELD', outcome: 'WARNING' }),
  ];
}

describe(StatisticsService.name, () => {
  let bed: ReportingTestbed;
  let sut: StatisticsService;

  beforeAll(async () => {
    bed = await createReportingTestbed();
    sut = bed.get(StatisticsService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  beforeEach(async () => {
    await bed.truncate();
  });

  describe('forPeriod', () => {
    it('gives the counts, durations and rates of one case as it happened', async () => {
      await bed.apply(handCase());
      const stats = await sut.forPeriod('2026-03-01', '2026-03-31');
      expect(stats.casesOpened).toBe(1);
      expect(stats.byCategory).toEqual([{ code: 'FALSE_INFO_PANIC', count: 1 }]);
      expect(stats.byLocality).toEqual([{ code: 'LE_THUY', count: 1 }]);
      expect(stats.byChannel).toEqual([{ channel: 'AGENCY', count: 1 }]);
      expect(stats.byLeadAgency).toEqual([{ code: 'STTTT', count: 1 }]);
      expect(stats.byParticipatingAgency).toEqual([{ code: 'SYT', count: 1 }]);
      expect(stats.byStatus).toEqual([{ status: 'CLOSED', count: 1 }]);
      expect(stats.byOutcome).toEqual([{ outcome: 'FALSE', count: 1 }]);
      expect(stats.timeliness).toEqual([
        { measure: 'TIME_TO_TRIAGE', summary: { count: 1, medianHours: 2, p90Hours: 2 } },
        { measure: 'TIME_TO_DECISION', summary: { count: 1, medianHours: 26, p90Hours: 26 } },
        { measure: 'TIME_TO_CLOSE', summary: { count: 1, medianHours: 74, p90Hours: 74 } },
      ]);
      expect(stats.actions).toEqual([{ type: 'REQUEST_REMOVAL', planned: 1, done: 1, doneOnTime: 1 }]);
      expect(stats.removals).toEqual({
        requested: 1,
        outcomes: [{ outcome: 'REMOVED', count: 1 }],
        complianceRate: 1,
        timeToEffect: { count: 1, medianHours: 12, p90Hours: 12 },
      });
      // OPEN 2 h, TRIAGED 24 h (DECIDED lasted no time: ACTING came in the same commit), ACTING 48 h; CLOSED is not a step.
      expect(stats.statusTime.map((s) => [s.agencyCode, s.status, s.totalHours])).toEqual([
        ['STTTT', 'ACTING', 48],
        ['STTTT', 'OPEN', 2],
        ['STTTT', 'TRIAGED', 24],
      ]);
      expect(stats.lastEventAt).toBe('2026-03-04T03:00:00.000Z');
      // The case opened in March: February knows nothing of it.
      expect((await sut.forPeriod('2026-02-01', '2026-02-28')).casesOpened).toBe(0);
    });

    it('counts cases by the channel of the report that opened them, media monitoring apart from agencies', async () => {
      await bed.apply([...handCase('MEDIA_MONITORING'), ...handCase('MEDIA_MONITORING'), ...handCase('AGENCY'), ...handCase()]);
      const stats = await sut.forPeriod('2026-03-01', '2026-03-31');
      expect(stats.casesOpened).toBe(4);
      expect(stats.byChannel).toEqual([
        { channel: 'AGENCY', count: 2 },
        { channel: 'MEDIA_MONITORING', count: 2 },
      ]);
    });

    it('gives the same statistics whatever the order and however often events arrive, a case’s opening last included', async () => {
      const events = [...synthetic(7, 60), ...press(7, 15)];
      await bed.apply(events);
      const inOrder = await sut.forPeriod('2026-01-01', '2026-06-30');
      await bed.truncate();
      await bed.apply(redeliveredShuffled(events, 11));
      const shuffled = await sut.forPeriod('2026-01-01', '2026-06-30');
      await bed.truncate();
      await bed.apply([...events].reverse());
      const reversed = await sut.forPeriod('2026-01-01', '2026-06-30');
      expect(inOrder.casesOpened).toBe(60);
      expect(shuffled).toEqual(inOrder);
      expect(reversed).toEqual(inOrder);
    });

    it('counts what an independent reading of the events counts: cases by category and day, press events by kind', async () => {
      const events = [...synthetic(3, 100), ...press(3, 25)];
      await bed.apply(events);
      const from = '2026-02-10';
      const to = '2026-04-20';
      const inPeriod = (at: string) => provinceDay(new Date(at)) >= from && provinceDay(new Date(at)) <= to;
      const opened = events.filter((e) => e.type === EventSubjects.intake.caseOpened && inPeriod(e.occurredAt));
      const byCategory = new Map<string, number>();
      for (const e of opened) {
        const code = (e.data as { case: { categoryCode: string } }).case.categoryCode;
        byCategory.set(code, (byCategory.get(code) ?? 0) + 1);
      }
      const complaints = events.filter((e) => e.type === 'evt.press.complaint.filed' && inPeriod(e.occurredAt)).length;
      const stats = await sut.forPeriod(from, to);
      expect(stats.casesOpened).toBe(opened.length);
      expect(Object.fromEntries(stats.byCategory.map((c) => [c.code, c.count]))).toEqual(Object.fromEntries(byCategory));
      expect(stats.press.find((p) => p.kind === 'COMPLAINT_FILED')?.count ?? 0).toBe(complaints);
    });

    it('counts press rulings by outcome and appeals by decision, with the reversal rate, however often and in whatever order they arrive', async () => {
      const events = handPress();
      const expected = {
        rulings: [
          { outcome: 'NO_VIOLATION', count: 1 },
          { outcome: 'WARNING', count: 2 },
        ],
        appeals: [
          { decision: 'UPHELD', count: 1 },
          { decision: 'OVERTURNED', count: 1 },
        ],
        appealsDecided: 2,
        reversals: 1,
        reversalRate: 0.5,
      };
      await bed.apply(events);
      const inOrder = await sut.forPeriod('2026-03-01', '2026-03-31');
      expect(inOrder.pressOutcomes).toEqual(expected);
      expect(inOrder.press).toEqual([
        { kind: 'RULING_ISSUED', count: 3 },
        { kind: 'APPEAL_DECIDED', count: 2 },
      ]);
      await bed.truncate();
      await bed.apply([...events].reverse());
      await bed.apply(redeliveredShuffled(events, 5));
      const again = await sut.forPeriod('2026-03-01', '2026-03-31');
      expect(again.pressOutcomes).toEqual(expected);
      expect(again.press).toEqual(inOrder.press);
      // Only the appeals fall after 15 March: the rate follows the period.
      expect((await sut.forPeriod('2026-03-15', '2026-03-31')).pressOutcomes).toEqual({ ...expected, rulings: [] });
      expect((await sut.forPeriod('2026-02-01', '2026-02-28')).pressOutcomes).toEqual({
        rulings: [],
        appeals: [],
        appealsDecided: 0,
        reversals: 0,
        reversalRate: null,
      });
    });

    it('narrows to one category, locality or agency, each a part of the whole', async () => {
      await bed.apply(synthetic(5, 80));
      const all = await sut.forPeriod('2026-01-01', '2026-06-30');
      const category = all.byCategory[0]!;
      const locality = all.byLocality[0]!;
      const agency = all.byParticipatingAgency[0]!;
      const ofCategory: StatisticsDto = await sut.forPeriod('2026-01-01', '2026-06-30', { categoryCode: category.code });
      expect(ofCategory.casesOpened).toBe(category.count);
      expect(ofCategory.byCategory).toEqual([category]);
      expect((await sut.forPeriod('2026-01-01', '2026-06-30', { localityCode: locality.code })).casesOpened).toBe(locality.count);
      expect((await sut.forPeriod('2026-01-01', '2026-06-30', { agencyCode: agency.code })).casesOpened).toBe(agency.count);
      expect((await sut.forPeriod('2026-01-01', '2026-06-30', { agencyCode: 'NO_SUCH_AGENCY' })).casesOpened).toBe(0);
    });

    it('adds whole months and the days around them alike', async () => {
      await bed.apply(synthetic(9, 80));
      const parts = await Promise.all([
        sut.forPeriod('2026-01-15', '2026-01-31'),
        sut.forPeriod('2026-02-01', '2026-03-31'),
        sut.forPeriod('2026-04-01', '2026-04-10'),
      ]);
      const whole = await sut.forPeriod('2026-01-15', '2026-04-10');
      expect(whole.casesOpened).toBe(parts.reduce((sum, p) => sum + p.casesOpened, 0));
    });

    it.each([
      [{ from: '2026-03-01', to: '2026-02-01', filter: {} }, 'to'],
      [{ from: '2000-01-01', to: '2026-02-01', filter: {} }, 'to'],
      [{ from: '2026-01-01', to: '2026-02-01', filter: { categoryCode: 'DEFAMATION', localityCode: 'LE_THUY' } }, 'localityCode'],
    ])('refuses %o with BAD_USER_INPUT on %s', async ({ from, to, filter }, field) => {
      await expect(sut.forPeriod(from, to, filter)).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT, field });
    });
  });
});
