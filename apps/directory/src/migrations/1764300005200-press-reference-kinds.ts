import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administrators edit the press rules and the public holidays (Đ6.3) like the other reference
 * data. Both are written to their own tables at once (a rule carries its own effective days, a
 * holiday is its own day), so their revisions are history only and one record may have several
 * edits on one day; the other kinds keep one version per record and day.
 */
export class PressReferenceKinds1764300005200 implements MigrationInterface {
  name = 'PressReferenceKinds1764300005200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE reference_revision DROP CONSTRAINT reference_revision_kind_check`);
    await runner.query(
      `ALTER TABLE reference_revision ADD CONSTRAINT reference_revision_kind_check
         CHECK (kind IN ('AGENCY', 'LOCALITY', 'SECTOR', 'CATEGORY', 'RULE', 'SLA', 'PRESS_RULE', 'PUBLIC_HOLIDAY'))`,
    );
    await runner.query(`ALTER TABLE reference_revision DROP CONSTRAINT reference_revision_kind_code_valid_from_key`);
    await runner.query(
      `CREATE UNIQUE INDEX reference_revision_version_of_day ON reference_revision (kind, code, valid_from) WHERE kind NOT IN ('PRESS_RULE', 'PUBLIC_HOLIDAY')`,
    );
    await runner.query(`CREATE INDEX reference_revision_record ON reference_revision (kind, code)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX reference_revision_record`);
    await runner.query(`DELETE FROM reference_revision WHERE kind IN ('PRESS_RULE', 'PUBLIC_HOLIDAY')`);
    await runner.query(`DROP INDEX reference_revision_version_of_day`);
    await runner.query(`ALTER TABLE reference_revision ADD CONSTRAINT reference_revision_kind_code_valid_from_key UNIQUE (kind, code, valid_from)`);
    await runner.query(`ALTER TABLE reference_revision DROP CONSTRAINT reference_revision_kind_check`);
    await runner.query(
      `ALTER TABLE reference_revision ADD CONSTRAINT reference_revision_kind_check CHECK (kind IN ('AGENCY', 'LOCALITY', 'SECTOR', 'CATEGORY', 'RULE', 'SLA'))`,
    );
  }
}
