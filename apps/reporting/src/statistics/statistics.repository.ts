import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RollupSum } from './statistics.rules';

/** The statistics' reads: sums of the rollup rows of a period, for one scope. */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async sums(scope: string, months: readonly string[], days: readonly string[]): Promise<RollupSum[]> {
    const rows: { metric: string; key: string; bucket: number; n: string; minutes: string }[] = await this.dataSource.query(
      `SELECT metric, key, bucket, sum(n) AS n, sum(minutes) AS minutes
         FROM rm_rollup
        WHERE scope = $1 AND ((grain = 'M' AND period = ANY($2::date[])) OR (grain = 'D' AND period = ANY($3::date[])))
        GROUP BY metric, key, bucket
       HAVING sum(n) <> 0 OR sum(minutes) <> 0`,
      [scope, months, days],
    );
    return rows.map((row) => ({ metric: row.metric, key: row.key, bucket: Number(row.bucket), n: Number(row.n), minutes: Number(row.minutes) }));
  }

  async lastEventAt(): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT value FROM rm_meta WHERE key = 'as_of'`)) as { value: string }[];
    return row?.value ?? null;
  }
}
