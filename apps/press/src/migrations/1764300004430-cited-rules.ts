import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The rules a complaint cites as the reference data held them when it was filed (shown on the reply page, which has no caller to ask the directory as). */
export class CitedRules1764300004430 implements MigrationInterface {
  name = 'CitedRules1764300004430';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE press_complaint ADD COLUMN cited_rules jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE press_complaint DROP COLUMN cited_rules`);
  }
}
