import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference data of the press service (Đ6.3): the press association's rules, article by article, and the province's public holidays. */
export class PressRulesAndHolidays1764300004410 implements MigrationInterface {
  name = 'PressRulesAndHolidays1764300004410';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE press_rule (
        code text PRIMARY KEY,
        rule_set text NOT NULL CHECK (rule_set IN ('JOURNALIST_ETHICS', 'SOCIAL_NETWORK_CONDUCT')),
        article text NOT NULL,
        title text NOT NULL,
        text text NOT NULL,
        source text NOT NULL,
        effective_from date,
        effective_to date,
        successor_code text,
        needs_review boolean NOT NULL DEFAULT false
      )`);
    await runner.query(`
      CREATE TABLE public_holiday (
        day date PRIMARY KEY,
        name text NOT NULL,
        needs_review boolean NOT NULL DEFAULT false
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE public_holiday`);
    await runner.query(`DROP TABLE press_rule`);
  }
}
