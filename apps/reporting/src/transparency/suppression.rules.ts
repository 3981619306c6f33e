import type { PublishedBreakdown, PublishedCount } from '@phoi-hop/contracts';

/**
 * Small-count suppression for the public transparency report (Santa Clara Principles; DSA Art.
 * 15/24 publish aggregates only): a count from 1 to THRESHOLD − 1 is shown as "<5", so that no
 * case, agency or person can be singled out. Zero is shown: it reveals no one.
 */
export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED = '<5' as const;

export function isSmall(count: number): boolean {
  return count > 0 && count < SUPPRESSION_THRESHOLD;
}

/** One count as published: the number, or "<5". */
export function publishCount(count: number): PublishedCount {
  return isSmall(count) ? SUPPRESSED : count;
}

/**
 * A breakdown whose rows add up to its total, as published. Primary suppression hides each small
 * count; complementary suppression then hides more rows while what the hidden rows add up to
 * (the total minus the shown rows, which any reader can work out) is itself from 1 to 4: first
 * the smallest shown non-zero rows, and the total when no row is left to hide.
 */
export function publishBreakdown(rows: readonly { key: string; label: string; count: number }[], total?: number): PublishedBreakdown {
  const sum = total ?? rows.reduce((n, r) => n + r.count, 0);
  // (A small total means every non-zero row is small too, so they are all hidden with it.)
  const hidden = new Set(rows.filter((r) => isSmall(r.count)).map((r) => r.key));
  let totalHidden = isSmall(sum);
  const remainder = () => sum - rows.filter((r) => !hidden.has(r.key)).reduce((n, r) => n + r.count, 0);
  while (!totalHidden && isSmall(remainder())) {
    const next = rows.filter((r) => !hidden.has(r.key) && r.count > 0).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
    if (next) hidden.add(next.key);
    else totalHidden = true;
  }
  return {
    total: totalHidden ? SUPPRESSED : sum,
    rows: rows.map((r) => ({ key: r.key, label: r.label, count: hidden.has(r.key) ? SUPPRESSED : r.count })),
  };
}

/**
 * A rate or a median computed over `basis` items is withheld (null) when the basis is small: a
 * 100% compliance rate over 2 requests says what each of them came to.
 */
export function publishDerived<T>(value: T | null, basis: number): T | null {
  return basis < SUPPRESSION_THRESHOLD ? null : value;
}

/**
 * A share of `part` in `whole` (e.g. removed among answered), withheld when the whole is small or
 * when either side of it is: a rate with the whole known gives both counts back.
 */
export function publishRate(part: number, whole: number): number | null {
  if (whole < SUPPRESSION_THRESHOLD || isSmall(part) || isSmall(whole - part)) return null;
  return Math.round((part / whole) * 1000) / 1000;
}

/** Every count a published report shows, wherever it is: what the tests check never falls under the threshold. */
export function shownCounts(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(shownCounts);
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
      (key === 'count' || key === 'total') && typeof v === 'number' ? [v] : typeof v === 'object' ? shownCounts(v) : [],
    );
  }
  return [];
}
