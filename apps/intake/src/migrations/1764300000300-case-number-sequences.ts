import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case numbers come from per-year sequences (case_number_<year>) instead of a counter row, whose
 * lock serialised every new case until commit. Existing counters carry over.
 */
export class CaseNumberSequences1764300000300 implements MigrationInterface {
  name = 'CaseNumberSequences1764300000300';

  async up(runner: QueryRunner): Promise<void> {
    const counters: { year: number; last_seq: number }[] = await runner.query(`SELECT year, last_seq FROM case_counter`);
    for (const { year, last_seq } of counters) {
      await runner.query(`CREATE SEQUENCE IF NOT EXISTS case_number_${Number(year)} AS integer MINVALUE 1`);
      await runner.query(`SELECT setval('case_number_${Number(year)}', $1)`, [last_seq]);
    }
    await runner.query(`DROP TABLE case_counter`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE case_counter (year int PRIMARY KEY, last_seq int NOT NULL)`);
  }
}
