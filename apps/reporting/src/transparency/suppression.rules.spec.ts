import { publishBreakdown, publishCount, publishDerived, publishRate, shownCounts, SUPPRESSED } from './suppression.rules';

const rows = (counts: Record<string, number>) => Object.entries(counts).map(([key, count]) => ({ key, label: key, count }));
const shown = (b: ReturnType<typeof publishBreakdown>) => Object.fromEntries(b.rows.map((r) => [r.key, r.count]));

describe(publishCount.name, () => {
  it.each([
    [0, 0],
    [1, SUPPRESSED],
    [4, SUPPRESSED],
    [5, 5],
    [120, 120],
  ])('%i → %s', (count, published) => {
    expect(publishCount(count)).toBe(published);
  });
});

describe(publishBreakdown.name, () => {
  it('shows every count of 5 and more when none is small', () => {
    expect(publishBreakdown(rows({ A: 10, B: 5, C: 0 }))).toEqual({ total: 15, rows: rows({ A: 10, B: 5, C: 0 }) });
  });

  it('hides a lone small count and the smallest other count, so the total cannot give it away', () => {
    const published = publishBreakdown(rows({ A: 20, B: 7, C: 3, D: 0 }));
    expect(published.total).toBe(30);
    expect(shown(published)).toEqual({ A: 20, B: SUPPRESSED, C: SUPPRESSED, D: 0 });
  });

  it('hides two small counts without hiding more: their sum is all a reader can work out', () => {
    expect(shown(publishBreakdown(rows({ A: 20, B: 2, C: 3 })))).toEqual({ A: 20, B: SUPPRESSED, C: SUPPRESSED });
  });

  it('hides the total when it is small', () => {
    expect(publishBreakdown(rows({ A: 2, B: 1 }))).toEqual({ total: SUPPRESSED, rows: rows({ A: SUPPRESSED, B: SUPPRESSED } as never) });
  });

  it('hides a small count whose only companions are zero, keeping a total that is not the rows’ sum', () => {
    // E.g. requests by legal basis: a request may cite none of the listed provisions.
    const published = publishBreakdown(rows({ A: 3, B: 0 }), 9);
    expect(published.total).toBe(9);
    expect(shown(published)).toEqual({ A: SUPPRESSED, B: 0 });
  });

  it.each([1, 2, 3, 4])('never lets total minus the shown rows equal a count under 5 (small count %i)', (small) => {
    const published = publishBreakdown(rows({ big: 40, mid: 9, small, zero: 0 }));
    const numeric = published.rows.filter((r) => typeof r.count === 'number').reduce((n, r) => n + (r.count as number), 0);
    const remainder = typeof published.total === 'number' ? published.total - numeric : null;
    expect(remainder === null || remainder === 0 || remainder >= 5).toBe(true);
    expect(shownCounts(published).every((n) => n === 0 || n >= 5)).toBe(true);
  });
});

describe(publishDerived.name, () => {
  it('withholds a rate over fewer than 5 items', () => {
    expect(publishDerived(1, 4)).toBeNull();
    expect(publishDerived(0.8, 5)).toBe(0.8);
  });
});

describe(publishRate.name, () => {
  it.each([
    [13, 19, 0.684],
    [19, 19, 1],
    [17, 19, null],
    [3, 19, null],
    [3, 4, null],
  ])('%i of %i → %s', (part, whole, rate) => {
    expect(publishRate(part, whole)).toBe(rate);
  });
});
