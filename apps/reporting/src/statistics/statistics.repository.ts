import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RollupSum } from './statistics.rules';

/** The statistics' reads: sums of the rollup rows of a period, for one scope. */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The period's rows summed per metric and key, in one statement: counts as they are, each
   * duration's histogram arrays unnested and summed per bucket (empty buckets left out).
   */
  async sums(scope: string, parts: { months: readonly string[]; weeks: readonly string[]; days: readonly string[] }): Promise<RollupSum[]> {
    const rows: { metric: string; key: string; bucket: number | null; n: string; minutes: string }[] = await this.dataSource.query(
      `WITH r AS (
         SELECT metric, key, n, minutes, hist_n, hist_minutes FROM rm_rollup
          WHERE scope = $1
            AND ((grain = 'M' AND period = ANY($2::date[])) OR (grain = 'W' AND period = ANY($3::date[])) OR (grain = 'D' AND period = ANY($4::date[])))
       )
       SELECT metric, key, NULL::int AS bucket, sum(n) AS n, sum(minutes) AS minutes FROM r GROUP BY metric, key HAVING sum(n) <> 0 OR sum(minutes) <> 0
       UNION ALL
       SELECT metric, key, (h.i - 1)::int, sum(h.n), sum(h.m)
         FROM r CROSS JOIN LATERAL unnest(r.hist_n, r.hist_minutes) WITH ORDINALITY AS h(n, m, i)
        WHERE r.hist_n IS NOT NULL AND (h.n <> 0 OR h.m <> 0)
        GROUP BY metric, key, h.i HAVING sum(h.n) <> 0`,
      [scope, parts.months, parts.weeks, parts.days],
    );
    const sums = new Map<string, RollupSum>();
    for (const row of rows) {
      const id = `${row.metric}|${row.key}`;
      const sum = sums.get(id) ?? { metric: row.metric, key: row.key, n: 0, minutes: 0, histN: null, histMinutes: null };
      sums.set(id, sum);
      if (row.bucket === null) {
        sum.n = Number(row.n);
        sum.minutes = Number(row.minutes);
        continue;
      }
      sum.histN ??= [];
      sum.histMinutes ??= [];
      while (sum.histN.length <= row.bucket) {
        sum.histN.push(0);
        sum.histMinutes.push(0);
      }
      sum.histN[row.bucket] = Number(row.n);
      sum.histMinutes[row.bucket] = Number(row.minutes);
    }
    // A duration whose rows cancelled out has no count row left: nothing to show.
    return [...sums.values()].filter((sum) => sum.n !== 0 || sum.minutes !== 0);
  }

  async lastEventAt(): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT value FROM rm_meta WHERE key = 'as_of'`)) as { value: string }[];
    return row?.value ?? null;
  }
}
