import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which case a case was split out of (its first report left that case, judged other content). */
export class ReportSplit1764300001100 implements MigrationInterface {
  name = 'ReportSplit1764300001100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE handling_case ADD COLUMN split_from uuid REFERENCES handling_case (id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE handling_case DROP COLUMN split_from`);
  }
}
