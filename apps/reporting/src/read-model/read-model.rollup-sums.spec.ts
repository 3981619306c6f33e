import { RollupSums } from './read-model.rollup-sums';
import { durationBucket, rollupDeltas, type Contribution, type RollupDelta, type StoredContributions } from './read-model.rules';

const count = (day: string, metric: string, key: string, n = 1): Contribution => [day, metric, key, -1, n, 0];
const duration = (day: string, metric: string, key: string, minutes: number): Contribution => [day, metric, key, durationBucket(minutes), 1, minutes];
const byId = (rows: readonly RollupDelta[]) =>
  Object.fromEntries(rows.map((row) => [[row.scope, row.grain, row.period, row.metric, row.key].join('|'), [row.n, row.minutes, row.histN, row.histMinutes]]));

describe(RollupSums.name, () => {
  const cases: StoredContributions[] = [
    { scopes: ['*', 'C:SCAM', 'A:STTTT'], items: [count('2026-03-02', 'cases', ''), duration('2026-03-02', 'TIME_TO_TRIAGE', '', 45)] },
    { scopes: ['*', 'C:SCAM', 'A:CA'], items: [count('2026-03-08', 'cases', ''), duration('2026-03-08', 'TIME_TO_TRIAGE', '', 4_000)] },
    { scopes: ['*', 'L:LE_THUY'], items: [count('2026-03-31', 'cases', ''), count('2026-04-01', 'opinion', 'REQUESTED', 3)] },
    { scopes: ['*'], items: [count('2026-03-08', 'press', 'RULING_ISSUED')] },
    { scopes: [], items: [] },
  ];

  it('sums cases into the rows rollupDelta gives from nothing, per day, ISO week and month', () => {
    const sums = new RollupSums();
    for (const contributions of cases) sums.add(contributions);
    const expected = rollupDeltas(cases.map((after) => ({ before: { scopes: [], items: [] }, after })));
    expect(byId(sums.rows())).toEqual(byId(expected));
    expect(sums.rows()).toHaveLength(expected.length);
  });

  it('adds a week’s days and a month’s days into one row each, histograms bucket by bucket', () => {
    const sums = new RollupSums();
    for (const contributions of cases) sums.add(contributions);
    const rows = byId(sums.rows());
    // 2 March (Monday) and 8 March (Sunday) are one ISO week; 31 March is in the week of 30 March.
    expect(rows['*|W|2026-03-02|cases|']).toEqual([2, 0, null, null]);
    expect(rows['*|W|2026-03-30|cases|']).toEqual([1, 0, null, null]);
    expect(rows['*|M|2026-03-01|cases|']).toEqual([3, 0, null, null]);
    const [n, minutes, histN] = rows['C:SCAM|M|2026-03-01|TIME_TO_TRIAGE|']! as [number, number, number[]];
    expect([n, minutes]).toEqual([2, 4_045]);
    expect(histN[durationBucket(45)]).toBe(1);
    expect(histN[durationBucket(4_000)]).toBe(1);
    expect(histN).toHaveLength(durationBucket(4_000) + 1);
  });
});
