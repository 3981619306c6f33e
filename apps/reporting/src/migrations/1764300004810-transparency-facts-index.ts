import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transparency report reads the decisions and press-ethics events of a period from the facts:
 * a partial index on those few subjects, by time, so the read does not scan every fact (and the
 * consumer's other inserts pay nothing for it).
 */
export class TransparencyFactsIndex1764300004810 implements MigrationInterface {
  name = 'TransparencyFactsIndex1764300004810';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX rm_fact_transparency_idx ON rm_fact (subject, occurred_at)
        WHERE subject = 'evt.intake.case.decided' OR starts_with(subject, 'evt.press.')`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX rm_fact_transparency_idx`);
  }
}
