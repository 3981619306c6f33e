import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which case a merged case went into. */
export class CaseMerge1764300001000 implements MigrationInterface {
  name = 'CaseMerge1764300001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE handling_case ADD COLUMN merged_into uuid REFERENCES handling_case (id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE handling_case DROP COLUMN merged_into`);
  }
}
