import { ErrorCodes } from '@phoi-hop/contracts';
import { durationBucket } from '../read-model/read-model.rules';
import { assembleStatistics, MAX_PERIOD_DAYS, percentileMinutes, periodParts, scopeOf, type RollupSum } from './statistics.rules';

describe(periodParts.name, () => {
  it('reads a half year of whole months from six monthly rows', () => {
    expect(periodParts('2026-01-01', '2026-06-30')).toEqual({
      months: ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'],
      weeks: [],
      days: [],
    });
  });

  it('reads the days before and after the whole months from daily rows', () => {
    const { months, days } = periodParts('2026-01-30', '2026-03-02');
    expect(months).toEqual(['2026-02-01']);
    expect(days).toEqual(['2026-01-30', '2026-01-31', '2026-03-01', '2026-03-02']);
  });

  it('reads a period inside one month, a leap day included, from daily rows', () => {
    expect(periodParts('2028-02-27', '2028-02-29')).toEqual({ months: [], weeks: [], days: ['2028-02-27', '2028-02-28', '2028-02-29'] });
  });

  it('reads whole ISO weeks from weekly rows, and no week that runs into a month read whole', () => {
    // 2026-01-15 is a Thursday; 2026-01-19 and 01-26 are Mondays; the week of 01-26 runs into February, read whole.
    expect(periodParts('2026-01-15', '2026-03-10')).toEqual({
      months: ['2026-02-01'],
      weeks: ['2026-01-19', '2026-03-02'],
      days: [
        '2026-01-15',
        '2026-01-16',
        '2026-01-17',
        '2026-01-18',
        '2026-01-26',
        '2026-01-27',
        '2026-01-28',
        '2026-01-29',
        '2026-01-30',
        '2026-01-31',
        '2026-03-01',
        '2026-03-09',
        '2026-03-10',
      ],
    });
    // A week across two months neither of which is read whole is read as a week.
    expect(periodParts('2026-03-28', '2026-04-06')).toEqual({ months: [], weeks: ['2026-03-30'], days: ['2026-03-28', '2026-03-29', '2026-04-06'] });
  });

  it('covers every day of a period exactly once', () => {
    const { months, weeks, days } = periodParts('2026-01-15', '2026-07-14');
    const covered = [
      ...months.flatMap((m) =>
        Array.from({ length: 31 }, (_, i) => new Date(Date.parse(`${m}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10)).filter(
          (d) => d.slice(0, 7) === m.slice(0, 7),
        ),
      ),
      ...weeks.flatMap((w) => Array.from({ length: 7 }, (_, i) => new Date(Date.parse(`${w}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10))),
      ...days,
    ].sort();
    expect(covered).toHaveLength(181);
    expect(new Set(covered).size).toBe(181);
    expect([covered[0], covered[180]]).toEqual(['2026-01-15', '2026-07-14']);
    // At most six days on each side of a whole week, at each end.
    expect(days.length).toBeLessThanOrEqual(24);
  });

  it.each([
    ['2026-03-01', '2026-02-28'],
    ['2000-01-01', '2026-01-01'],
  ])('refuses %s–%s on `to`', (from, to) => {
    expect(() => periodParts(from, to)).toThrow(expect.objectContaining({ code: ErrorCodes.BAD_USER_INPUT, field: 'to' }));
  });

  it(`accepts up to ${MAX_PERIOD_DAYS} days`, () => {
    expect(periodParts('2020-01-01', '2029-12-31').months).toHaveLength(120);
  });
});

describe(scopeOf.name, () => {
  it.each([
    [{}, '*'],
    [{ categoryCode: 'DEFAMATION' }, 'C:DEFAMATION'],
    [{ localityCode: 'LE_THUY' }, 'L:LE_THUY'],
    [{ agencyCode: 'CA' }, 'A:CA'],
  ])('%o reads scope %s', (filter, scope) => {
    expect(scopeOf(filter)).toBe(scope);
  });

  it('refuses two filters at once, naming the second', () => {
    expect(() => scopeOf({ categoryCode: 'DEFAMATION', agencyCode: 'CA' })).toThrow(
      expect.objectContaining({ code: ErrorCodes.BAD_USER_INPUT, field: 'agencyCode' }),
    );
  });
});

describe(percentileMinutes.name, () => {
  const histogram = (values: number[]) => {
    const buckets = new Map<number, { bucket: number; n: number; minutes: number }>();
    for (const v of values) {
      const b = buckets.get(durationBucket(v)) ?? { bucket: durationBucket(v), n: 0, minutes: 0 };
      b.n += 1;
      b.minutes += v;
      buckets.set(b.bucket, b);
    }
    return [...buckets.values()];
  };

  it('is the nearest-rank percentile exactly when no two durations share a bucket', () => {
    const values = [5, 60, 600, 3_000, 20_000];
    expect(percentileMinutes(histogram(values), 0.5)).toBe(600);
    expect(percentileMinutes(histogram(values), 0.9)).toBe(20_000);
    expect(percentileMinutes(histogram([42]), 0.5)).toBe(42);
  });

  it('stays within 10 % of the exact percentile when durations share buckets', () => {
    const values = Array.from({ length: 1_000 }, (_, i) => 30 + ((i * 7919) % 5_000));
    const exact = [...values].sort((a, b) => a - b)[Math.ceil(0.9 * values.length) - 1]!;
    const estimate = percentileMinutes(histogram(values), 0.9)!;
    expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.1);
  });

  it('is null with nothing measured', () => {
    expect(percentileMinutes([], 0.5)).toBeNull();
    expect(percentileMinutes([{ bucket: 3, n: 0, minutes: 0 }], 0.5)).toBeNull();
  });
});

describe(assembleStatistics.name, () => {
  const count = (metric: string, key: string, n: number): RollupSum => ({ metric, key, n, minutes: 0, histN: null, histMinutes: null });
  const twoHours = durationBucket(120);
  const rows: RollupSum[] = [
    count('cases', '', 3),
    count('category', 'DEFAMATION', 1),
    count('category', 'FALSE_INFO_PANIC', 2),
    count('status', 'CLOSED', 2),
    count('status', 'OPEN', 1),
    count('removal', 'REQUESTED', 4),
    count('removal.outcome', 'REMOVED', 3),
    count('removal.outcome', 'REFUSED', 1),
    {
      metric: 'statusTime',
      key: 'STTTT|OPEN',
      n: 1,
      minutes: 120,
      histN: Array.from({ length: twoHours + 1 }, (_, b) => (b === twoHours ? 1 : 0)),
      histMinutes: Array.from({ length: twoHours + 1 }, (_, b) => (b === twoHours ? 120 : 0)),
    },
    count('press', 'COMPLAINT_FILED', 2),
  ];

  it('lists codes by count, statuses in lifecycle order, and the compliance rate of the answered requests', () => {
    const stats = assembleStatistics('2026-01-01', '2026-06-30', {}, rows, null);
    expect(stats.casesOpened).toBe(3);
    expect(stats.byCategory).toEqual([
      { code: 'FALSE_INFO_PANIC', count: 2 },
      { code: 'DEFAMATION', count: 1 },
    ]);
    expect(stats.byStatus).toEqual([
      { status: 'OPEN', count: 1 },
      { status: 'CLOSED', count: 2 },
    ]);
    expect(stats.removals.complianceRate).toBe(0.75);
    expect(stats.statusTime).toEqual([{ agencyCode: 'STTTT', status: 'OPEN', summary: { count: 1, medianHours: 2, p90Hours: 2 }, totalHours: 2 }]);
    expect(stats.press).toEqual([{ kind: 'COMPLAINT_FILED', count: 2 }]);
  });

  it('has every measure with no value and no rate when nothing happened', () => {
    const stats = assembleStatistics('2026-01-01', '2026-01-31', {}, [], null);
    expect(stats.casesOpened).toBe(0);
    expect(stats.timeliness.map((t) => t.summary)).toEqual([
      { count: 0, medianHours: null, p90Hours: null },
      { count: 0, medianHours: null, p90Hours: null },
      { count: 0, medianHours: null, p90Hours: null },
    ]);
    expect(stats.removals.complianceRate).toBeNull();
  });
});
