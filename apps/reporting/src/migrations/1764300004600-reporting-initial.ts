import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics read models, fed from the EVENTS stream and rebuilt from it at will
 * (`npm run reporting:rebuild`): nothing here is a record of its own.
 *
 * - `rm_fact`: every event applied, keyed by its id (a second delivery inserts nothing);
 * - `rm_case`: each case's state as its facts give it, with what it adds to the rollups;
 * - `rm_rollup`: the counts and duration histograms per day, ISO week and month, per scope (all cases,
 *   or those of one category, locality or agency), so that a period's statistics read a few
 *   hundred rows whatever the number of cases. A duration's histogram is one row: `hist_n[b + 1]`
 *   durations fell in bucket b, `hist_minutes[b + 1]` their total (read-model.rules.ts).
 */
export class ReportingInitial1764300004600 implements MigrationInterface {
  name = 'ReportingInitial1764300004600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE rm_fact (
        event_id uuid PRIMARY KEY,
        case_id uuid,
        subject text NOT NULL,
        sequence bigint,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX rm_fact_case_idx ON rm_fact (case_id) WHERE case_id IS NOT NULL`);
    await runner.query(`
      CREATE TABLE rm_case (
        case_id uuid PRIMARY KEY,
        opened_day date,
        category_code text,
        locality_code text,
        lead_agency text,
        agencies text[] NOT NULL DEFAULT '{}',
        status text,
        outcome text,
        contributions jsonb NOT NULL DEFAULT '[]'::jsonb,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX rm_case_opened_idx ON rm_case (opened_day)`);
    await runner.query(`
      CREATE TABLE rm_rollup (
        scope text NOT NULL,
        grain char(1) NOT NULL CHECK (grain IN ('D', 'W', 'M')),
        period date NOT NULL,
        metric text NOT NULL,
        key text NOT NULL,
        n bigint NOT NULL,
        minutes bigint NOT NULL,
        hist_n bigint[],
        hist_minutes bigint[],
        PRIMARY KEY (scope, grain, period, metric, key)
      )`);
    // Element-wise sum of two histograms (of any lengths; null is empty): the consumer adds its deltas with it.
    await runner.query(`
      CREATE FUNCTION rm_array_add(a bigint[], b bigint[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN a IS NULL THEN b WHEN b IS NULL THEN a ELSE
          ARRAY(SELECT coalesce(a[i], 0) + coalesce(b[i], 0) FROM generate_series(1, greatest(cardinality(a), cardinality(b))) AS i) END
      $$`);
    await runner.query(`
      CREATE TABLE rm_meta (
        key text PRIMARY KEY,
        value text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP FUNCTION rm_array_add(bigint[], bigint[])`);
    await runner.query(`DROP TABLE rm_meta`);
    await runner.query(`DROP TABLE rm_rollup`);
    await runner.query(`DROP TABLE rm_case`);
    await runner.query(`DROP TABLE rm_fact`);
  }
}
