import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * LSH band keys move from a GIN-indexed array to one row per (band key, report) with a btree
 * index: `band_key = ANY($1)` is 32 index probes whatever the table size, where the planner's
 * estimate for `band_keys && $1` made it scan the whole table. No foreign key: 32 key checks per
 * report cost more than the insert; rows are written with their report, in its transaction.
 */
export class ReportBandIndex1764300000400 implements MigrationInterface {
  name = 'ReportBandIndex1764300000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE report_band (
        band_key bigint NOT NULL,
        report_id uuid NOT NULL,
        PRIMARY KEY (band_key, report_id)
      )`);
    await runner.query(`INSERT INTO report_band (band_key, report_id) SELECT DISTINCT unnest(band_keys), id FROM report`);
    // Keep statistics fresh on the fast-growing lookup tables, so the planner keeps probing indexes.
    for (const table of ['report_band', 'report', 'handling_case']) {
      await runner.query(`ALTER TABLE ${table} SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 200)`);
    }
    await runner.query(`DROP INDEX report_band_keys_idx`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX report_band_keys_idx ON report USING gin (band_keys)`);
    await runner.query(`DROP TABLE report_band`);
  }
}
