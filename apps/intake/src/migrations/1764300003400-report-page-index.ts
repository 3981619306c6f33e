import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case's reports read by the page and counted without reading the reports themselves: the page
 * order (submitted_at, id) is the index order, so a page is one index range with no sort, and the
 * reporter agency rides along in the index, so counting a case's reports (all of them, or a
 * reporter-only agency's own) is an index-only scan instead of a read of every report row (each
 * over a kilobyte with its MinHash signature and band keys). It replaces the (case_id,
 * submitted_at) index, a prefix of it.
 */
export class ReportPageIndex1764300003400 implements MigrationInterface {
  name = 'ReportPageIndex1764300003400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX report_case_page_idx ON report (case_id, submitted_at, id) INCLUDE (reporter_agency_code)`);
    await runner.query(`DROP INDEX report_case_idx`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX report_case_idx ON report (case_id, submitted_at)`);
    await runner.query(`DROP INDEX report_case_page_idx`);
  }
}
