import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live consumer updates rollup and case rows in place, thousands per second: pages kept a
 * quarter free let Postgres write the new row version beside the old one (a HOT update, no new entry
 * in the five-column primary key), which halves an upsert's cost beside a million cases. It applies
 * to pages written from now on: a rebuild (`npm run reporting:rebuild`) rewrites every row.
 * `rm_array_add` adds two histograms by walking both at once instead of by subscript.
 */
export class ReadModelWriteRoom1764300005400 implements MigrationInterface {
  name = 'ReadModelWriteRoom1764300005400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE rm_rollup SET (fillfactor = 75)`);
    await runner.query(`ALTER TABLE rm_case SET (fillfactor = 80)`);
    await runner.query(`
      CREATE OR REPLACE FUNCTION rm_array_add(a bigint[], b bigint[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN a IS NULL THEN b WHEN b IS NULL THEN a ELSE
          ARRAY(SELECT coalesce(x, 0) + coalesce(y, 0) FROM unnest(a, b) AS u(x, y)) END
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION rm_array_add(a bigint[], b bigint[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN a IS NULL THEN b WHEN b IS NULL THEN a ELSE
          ARRAY(SELECT coalesce(a[i], 0) + coalesce(b[i], 0) FROM generate_series(1, greatest(cardinality(a), cardinality(b))) AS i) END
      $$`);
    await runner.query(`ALTER TABLE rm_case RESET (fillfactor)`);
    await runner.query(`ALTER TABLE rm_rollup RESET (fillfactor)`);
  }
}
