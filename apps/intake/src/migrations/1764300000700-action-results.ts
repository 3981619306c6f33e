import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The result an assignee reports for a handling action, with links, and when it was done. */
export class ActionResults1764300000700 implements MigrationInterface {
  name = 'ActionResults1764300000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE handling_action ADD COLUMN result text, ADD COLUMN links jsonb NOT NULL DEFAULT '[]'::jsonb, ADD COLUMN done_at timestamptz, ADD COLUMN updated_at timestamptz`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE handling_action DROP COLUMN result, DROP COLUMN links, DROP COLUMN done_at, DROP COLUMN updated_at`);
  }
}
