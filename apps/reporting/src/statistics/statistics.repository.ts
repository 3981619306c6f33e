import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RollupSum } from './statistics.rules';

/** The statistics' reads: sums of the rollup rows of a period, for one scope. */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The period's rows summed per metric and key: the rows are read by the primary key and summed
   * here (counts as they are, each duration's histogram arrays element by element), which is several
   * times cheaper than unnesting the arrays in SQL. A bucket whose count sums to zero is left empty,
   * and a duration whose rows cancelled out entirely is left out.
   */
  async sums(scope: string, parts: { months: readonly string[]; weeks: readonly string[]; days: readonly string[] }): Promise<RollupSum[]> {
    const rows: { metric: string; key: string; n: string; minutes: string; hist_n: string | null; hist_minutes: string | null }[] = await this.dataSource.query(
      `SELECT metric, key, n, minutes, hist_n::text AS hist_n, hist_minutes::text AS hist_minutes FROM rm_rollup
        WHERE scope = $1
          AND ((grain = 'M' AND period = ANY($2::date[])) OR (grain = 'W' AND period = ANY($3::date[])) OR (grain = 'D' AND period = ANY($4::date[])))`,
      [scope, parts.months, parts.weeks, parts.days],
    );
    const sums = new Map<string, RollupSum>();
    for (const row of rows) {
      const id = `${row.metric}|${row.key}`;
      let sum = sums.get(id);
      if (!sum) {
        sum = { metric: row.metric, key: row.key, n: 0, minutes: 0, histN: null, histMinutes: null };
        sums.set(id, sum);
      }
      sum.n += Number(row.n);
      sum.minutes += Number(row.minutes);
      if (row.hist_n !== null) sum.histN = addArrayText(sum.histN ?? [], row.hist_n);
      if (row.hist_minutes !== null) sum.histMinutes = addArrayText(sum.histMinutes ?? [], row.hist_minutes);
    }
    const result: RollupSum[] = [];
    for (const sum of sums.values()) {
      if (sum.n === 0 && sum.minutes === 0) continue;
      if (sum.histN) {
        const histN = sum.histN;
        const histMinutes = sum.histMinutes ?? [];
        let length = histN.length;
        while (length > 0 && histN[length - 1] === 0) length--;
        if (length === 0) {
          sum.histN = null;
          sum.histMinutes = null;
        } else {
          sum.histN = histN.slice(0, length);
          sum.histMinutes = sum.histN.map((count, bucket) => (count === 0 ? 0 : (histMinutes[bucket] ?? 0)));
        }
      } else sum.histMinutes = null;
      result.push(sum);
    }
    return result;
  }

  async lastEventAt(): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT value FROM rm_meta WHERE key = 'as_of'`)) as { value: string }[];
    return row?.value ?? null;
  }
}

/** Adds a Postgres array literal of integers (`{1,0,2}`) to `into`, element by element, growing it as needed. */
function addArrayText(into: number[], text: string): number[] {
  let index = 0;
  let value = 0;
  let negative = false;
  let digits = false;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      value = value * 10 + (code - 48);
      digits = true;
    } else if (code === 45) negative = true;
    else if (code === 44 || code === 125) {
      if (digits) {
        if (index >= into.length) into.push(0);
        into[index] = into[index]! + (negative ? -value : value);
      } else if (code === 44 && index >= into.length) into.push(0);
      index++;
      value = 0;
      negative = false;
      digits = false;
    }
  }
  return into;
}
