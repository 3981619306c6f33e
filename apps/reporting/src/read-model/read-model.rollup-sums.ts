import { weekOfDay, type RollupDelta, type StoredContributions } from './read-model.rules';

interface Sum {
  n: number;
  minutes: number;
  histN: number[] | null;
  histMinutes: number[] | null;
}

function addInto(sum: Sum, n: number, minutes: number, bucket: number): void {
  sum.n += n;
  sum.minutes += minutes;
  if (bucket < 0) return;
  const histN = (sum.histN ??= []);
  const histMinutes = (sum.histMinutes ??= []);
  for (let b = histN.length; b <= bucket; b++) {
    histN.push(0);
    histMinutes.push(0);
  }
  histN[bucket]! += n;
  histMinutes[bucket]! += minutes;
}

function addSum(into: Sum, from: Sum): void {
  into.n += from.n;
  into.minutes += from.minutes;
  if (!from.histN) return;
  const histN = (into.histN ??= []);
  const histMinutes = (into.histMinutes ??= []);
  for (let b = histN.length; b < from.histN.length; b++) {
    histN.push(0);
    histMinutes.push(0);
  }
  for (let b = 0; b < from.histN.length; b++) {
    histN[b]! += from.histN[b]!;
    histMinutes[b]! += from.histMinutes![b]!;
  }
}

/**
 * The rollups of many cases summed in memory (a rebuild's): the rows `rollupDelta` gives from
 * nothing to each case's contributions, added up. Contributions are summed per scope, day, metric
 * and key under small integer ids (a rebuild adds some hundred million of them per million cases,
 * and building a text key for each cost most of its time); the weeks and months are summed from the
 * days' sums at the end.
 */
export class RollupSums {
  private readonly scopeIds = new Map<string, number>();
  private readonly scopes: string[] = [];
  private readonly dayIds = new Map<string, number>();
  private readonly days: string[] = [];
  /** metric → key → id */
  private readonly metricKeyIds = new Map<string, Map<string, number>>();
  private readonly metricKeys: [metric: string, key: string][] = [];
  /** [scope id][day id] → metric-and-key id → sum */
  private readonly sums: (Map<number, Sum> | undefined)[][] = [];

  add(contributions: StoredContributions): void {
    if (contributions.scopes.length === 0 || contributions.items.length === 0) return;
    const scopeIds = contributions.scopes.map((scope) => this.idOf(this.scopeIds, this.scopes, scope));
    for (const [at, metric, key, bucket, n, minutes] of contributions.items) {
      const day = this.idOf(this.dayIds, this.days, at);
      const metricKey = this.metricKeyId(metric, key);
      for (const scope of scopeIds) {
        const byDay = (this.sums[scope] ??= []);
        const byMetricKey = (byDay[day] ??= new Map());
        let sum = byMetricKey.get(metricKey);
        if (!sum) {
          sum = { n: 0, minutes: 0, histN: null, histMinutes: null };
          byMetricKey.set(metricKey, sum);
        }
        addInto(sum, n, minutes, bucket);
      }
    }
  }

  /** The rows to write: per day, ISO week and month (in no particular order). */
  rows(): RollupDelta[] {
    const out: RollupDelta[] = [];
    for (let scopeId = 0; scopeId < this.sums.length; scopeId++) {
      const byDay = this.sums[scopeId];
      if (!byDay) continue;
      const scope = this.scopes[scopeId]!;
      const longer = new Map<string, Map<number, Sum>>();
      for (let dayId = 0; dayId < byDay.length; dayId++) {
        const byMetricKey = byDay[dayId];
        if (!byMetricKey) continue;
        const day = this.days[dayId]!;
        for (const period of [`W${weekOfDay(day)}`, `M${day.slice(0, 7)}-01`]) {
          let sums = longer.get(period);
          if (!sums) longer.set(period, (sums = new Map()));
          for (const [metricKey, sum] of byMetricKey) {
            let into = sums.get(metricKey);
            if (!into) sums.set(metricKey, (into = { n: 0, minutes: 0, histN: null, histMinutes: null }));
            addSum(into, sum);
          }
        }
        this.emit(out, scope, 'D', day, byMetricKey);
      }
      for (const [period, sums] of longer) this.emit(out, scope, period[0] as 'W' | 'M', period.slice(1), sums);
    }
    return out;
  }

  private emit(out: RollupDelta[], scope: string, grain: 'D' | 'W' | 'M', period: string, sums: Map<number, Sum>): void {
    for (const [metricKey, sum] of sums) {
      const [metric, key] = this.metricKeys[metricKey]!;
      out.push({ scope, grain, period, metric, key, n: sum.n, minutes: sum.minutes, histN: sum.histN, histMinutes: sum.histMinutes });
    }
  }

  private metricKeyId(metric: string, key: string): number {
    let keys = this.metricKeyIds.get(metric);
    if (!keys) this.metricKeyIds.set(metric, (keys = new Map()));
    let id = keys.get(key);
    if (id === undefined) {
      id = this.metricKeys.length;
      this.metricKeys.push([metric, key]);
      keys.set(key, id);
    }
    return id;
  }

  private idOf(ids: Map<string, number>, values: string[], value: string): number {
    let id = ids.get(value);
    if (id === undefined) {
      id = values.length;
      values.push(value);
      ids.set(value, id);
    }
    return id;
  }
}
