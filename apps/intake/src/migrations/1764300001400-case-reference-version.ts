import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The version of the directory's reference data and rules a case was routed with (0: as seeded). */
export class CaseReferenceVersion1764300001400 implements MigrationInterface {
  name = 'CaseReferenceVersion1764300001400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE handling_case ADD COLUMN reference_version int`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE handling_case DROP COLUMN reference_version`);
  }
}
