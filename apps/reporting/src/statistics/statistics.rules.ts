import {
  AppealDecisions,
  CaseDeadlineKinds,
  CaseOutcomes,
  CaseStatuses,
  ConsultationModes,
  HandlingActionTypes,
  PressEventKinds,
  RemovalOutcomes,
  ReportChannels,
  RulingOutcomes,
  TimelinessMeasures,
  type CaseOutcome,
  type CaseStatus,
  type DurationSummaryDto,
  type HandlingActionTypeCode,
  type StatisticsDto,
  type StatisticsFilter,
} from '@phoi-hop/contracts';
import { StatisticsError } from './statistics.errors';

/** Longest period a statistics request may cover (ten years of days). */
export const MAX_PERIOD_DAYS = 3_660;

/** One summed rollup row of a period: a count, or a duration with its histogram (index = bucket). */
export interface RollupSum {
  metric: string;
  key: string;
  n: number;
  minutes: number;
  histN: number[] | null;
  histMinutes: number[] | null;
}

export interface Bucket {
  bucket: number;
  n: number;
  minutes: number;
}

/** The rollup scope a filter reads: all cases, or those of one category, locality or agency. */
export function scopeOf(filter: StatisticsFilter): string {
  const given = [
    ['categoryCode', filter.categoryCode, 'C'],
    ['localityCode', filter.localityCode, 'L'],
    ['agencyCode', filter.agencyCode, 'A'],
  ].filter(([, value]) => value !== undefined && value !== '');
  if (given.length > 1) throw StatisticsError.badInput(given[1]![0]!, 'Filter by one of category, locality or agency at a time');
  const [only] = given;
  return only ? `${only[2]}:${only[1]}` : '*';
}

const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;
const nextMonth = (month: string): string => {
  const date = new Date(`${month}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
};

/**
 * The rollup periods that make up `from`–`to` (both included), fewest rows first: the whole months
 * inside it from the monthly rows, then whole ISO weeks (Monday to Sunday) from the weekly rows,
 * the days left from the daily rows. A week that runs into a month read whole is not taken.
 */
export function periodParts(from: string, to: string): { months: string[]; weeks: string[]; days: string[] } {
  if (from > to) throw StatisticsError.badInput('to', 'The period ends before it starts');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_PERIOD_DAYS)
    throw StatisticsError.badInput('to', `A period covers at most ${MAX_PERIOD_DAYS} days`);
  const wholeMonth = (day: string) => day === monthOf(day) && addDays(nextMonth(day), -1) <= to;
  const months: string[] = [];
  const weeks: string[] = [];
  const days: string[] = [];
  let day = from;
  while (day <= to) {
    if (wholeMonth(day)) {
      months.push(day);
      day = nextMonth(day);
      continue;
    }
    const sunday = addDays(day, 6);
    const isMonday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
    const runsIntoWholeMonth = sunday.slice(0, 7) !== day.slice(0, 7) && wholeMonth(monthOf(sunday));
    if (isMonday && sunday <= to && !runsIntoWholeMonth) {
      weeks.push(day);
      day = addDays(day, 7);
    } else {
      days.push(day);
      day = addDays(day, 1);
    }
  }
  return { months, weeks, days };
}

/**
 * The p-th percentile (nearest rank) of a histogram: the mean of the bucket holding that rank, so
 * exact when no two durations share a bucket, and within the bucket's 10 % otherwise.
 */
export function percentileMinutes(buckets: readonly Bucket[], p: number): number | null {
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((sum, b) => sum + b.n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const b of sorted) {
    seen += b.n;
    if (seen >= rank) return b.minutes / b.n;
  }
  return null;
}

const hours = (minutes: number | null): number | null => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);

/** The histogram of a summed duration row. */
export function bucketsOf(row: RollupSum | undefined): Bucket[] {
  const n = row?.histN ?? [];
  return n.map((count, bucket) => ({ bucket, n: count, minutes: row?.histMinutes?.[bucket] ?? 0 }));
}

export function durationSummary(buckets: readonly Bucket[]): DurationSummaryDto {
  return {
    count: buckets.reduce((sum, b) => sum + b.n, 0),
    medianHours: hours(percentileMinutes(buckets, 0.5)),
    p90Hours: hours(percentileMinutes(buckets, 0.9)),
  };
}

const byCount = <T extends { count: number }>(a: T & { code?: string }, b: T & { code?: string }): number =>
  b.count - a.count || String(a.code ?? '').localeCompare(String(b.code ?? ''));

/** The statistics of a period from its summed rollup rows. */
export function assembleStatistics(from: string, to: string, filter: StatisticsFilter, rows: readonly RollupSum[], lastEventAt: string | null): StatisticsDto {
  const counts = new Map<string, number>();
  const durations = new Map<string, RollupSum>();
  for (const row of rows) {
    if (row.histN) durations.set(`${row.metric}|${row.key}`, row);
    else counts.set(`${row.metric}|${row.key}`, row.n);
  }
  const count = (metric: string, key: string): number => counts.get(`${metric}|${key}`) ?? 0;
  const keysOf = (metric: string): string[] =>
    [...counts.entries()].filter(([id, n]) => id.startsWith(`${metric}|`) && n !== 0).map(([id]) => id.slice(metric.length + 1));
  const codes = (metric: string) =>
    keysOf(metric)
      .map((code) => ({ code, count: count(metric, code) }))
      .sort(byCount);
  const durationKeys = (metric: string): string[] =>
    [...durations.keys()]
      .filter((id) => id.startsWith(`${metric}|`))
      .map((id) => id.slice(metric.length + 1))
      .sort();
  const summary = (metric: string, key = '') => durationSummary(bucketsOf(durations.get(`${metric}|${key}`)));
  const appealsDecided = AppealDecisions.reduce((sum, decision) => sum + count('press.appeal', decision), 0);
  const removalAnswered = RemovalOutcomes.reduce((sum, outcome) => sum + count('removal.outcome', outcome), 0);
  return {
    from,
    to,
    filter,
    casesOpened: count('cases', ''),
    byCategory: codes('category'),
    byLocality: codes('locality'),
    byChannel: ReportChannels.map((channel) => ({ channel, count: count('channel', channel) })).filter((c) => c.count !== 0),
    byLeadAgency: codes('lead'),
    byParticipatingAgency: codes('participant'),
    byStatus: CaseStatuses.map((status) => ({ status, count: count('status', status) })).filter((s) => s.count !== 0),
    byOutcome: CaseOutcomes.map((outcome: CaseOutcome) => ({ outcome, count: count('outcome', outcome) })).filter((s) => s.count !== 0),
    timeliness: TimelinessMeasures.map((measure) => ({ measure, summary: summary(measure) })),
    overdue: CaseDeadlineKinds.map((kind) => ({ kind, count: count('overdue', kind) })).filter((o) => o.count !== 0),
    consultations: {
      held: ConsultationModes.map((mode) => ({ mode, count: count('consultation', mode) })).filter((h) => h.count !== 0),
      resolved: count('consultation.resolved', ''),
      opinionsRequested: count('opinion', 'REQUESTED'),
      answeredOnTime: count('opinion', 'ON_TIME'),
      answeredLate: count('opinion', 'LATE'),
    },
    actions: HandlingActionTypes.map((type) => ({
      type,
      planned: count('action.planned', type),
      done: count('action.done', type),
      doneOnTime: count('action.onTime', type),
    })).filter((a) => a.planned !== 0),
    removals: {
      requested: count('removal', 'REQUESTED'),
      outcomes: RemovalOutcomes.map((outcome) => ({ outcome, count: count('removal.outcome', outcome) })).filter((o) => o.count !== 0),
      complianceRate: removalAnswered === 0 ? null : Math.round((count('removal.outcome', 'REMOVED') / removalAnswered) * 10_000) / 10_000,
      timeToEffect: summary('removal.effect'),
    },
    press: PressEventKinds.map((kind) => ({ kind, count: count('press', kind) })).filter((p) => p.count !== 0),
    pressOutcomes: {
      rulings: RulingOutcomes.map((outcome) => ({ outcome, count: count('press.ruling', outcome) })).filter((r) => r.count !== 0),
      appeals: AppealDecisions.map((decision) => ({ decision, count: count('press.appeal', decision) })).filter((a) => a.count !== 0),
      appealsDecided,
      reversals: count('press.appeal', 'OVERTURNED'),
      reversalRate: appealsDecided === 0 ? null : Math.round((count('press.appeal', 'OVERTURNED') / appealsDecided) * 10_000) / 10_000,
    },
    statusTime: durationKeys('statusTime').map((key) => {
      const [agencyCode, status] = key.split('|') as [string, CaseStatus];
      return { agencyCode, status, summary: summary('statusTime', key), totalHours: hours(durations.get(`statusTime|${key}`)!.minutes)! };
    }),
    actionTime: durationKeys('actionTime').map((key) => {
      const [agencyCode, type] = key.split('|') as [string, HandlingActionTypeCode];
      return { agencyCode, type, summary: summary('actionTime', key) };
    }),
    lastEventAt,
  };
}
