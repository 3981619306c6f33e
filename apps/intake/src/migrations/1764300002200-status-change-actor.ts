import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who changed a case's status, as a person (the directory user's id), beside their agency; null for older rows and for the platform itself. */
export class StatusChangeActor1764300002200 implements MigrationInterface {
  name = 'StatusChangeActor1764300002200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE case_status_change ADD COLUMN actor_user_id text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE case_status_change DROP COLUMN actor_user_id`);
  }
}
