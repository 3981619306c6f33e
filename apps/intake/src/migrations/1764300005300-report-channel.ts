import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each report reached the platform (an agency, the lead agency's media monitoring, the
 * Ministry's systems, a tip). Every report so far came from an agency: the default fills them
 * without rewriting the table (a constant default is stored in the catalogue, PostgreSQL 11+).
 */
export class ReportChannel1764300005300 implements MigrationInterface {
  name = 'ReportChannel1764300005300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE report ADD COLUMN channel text NOT NULL DEFAULT 'AGENCY'`);
    await runner.query(
      `ALTER TABLE report ADD CONSTRAINT report_channel_check CHECK (channel IN ('AGENCY', 'MEDIA_MONITORING', 'MINISTRY_SYSTEM', 'PUBLIC_TIP'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE report DROP COLUMN channel`);
  }
}
