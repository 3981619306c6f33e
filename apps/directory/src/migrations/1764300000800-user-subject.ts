import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The link between a directory user and a subject of an identity provider: a token's `sub` names
 * a user only through this link (per issuer), never by matching a username.
 */
export class UserSubject1764300000800 implements MigrationInterface {
  name = 'UserSubject1764300000800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE app_user ADD COLUMN subject_issuer text`);
    await runner.query(`ALTER TABLE app_user ADD COLUMN subject text`);
    await runner.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_subject_pair CHECK ((subject_issuer IS NULL) = (subject IS NULL))`);
    await runner.query(`CREATE UNIQUE INDEX app_user_subject_idx ON app_user (subject_issuer, subject) WHERE subject IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX app_user_subject_idx`);
    await runner.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_subject_pair`);
    await runner.query(`ALTER TABLE app_user DROP COLUMN subject`);
    await runner.query(`ALTER TABLE app_user DROP COLUMN subject_issuer`);
  }
}
