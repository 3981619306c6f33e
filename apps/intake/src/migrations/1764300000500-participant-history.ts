import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Participants keep their history: when an agency left a case and who took over (reorganisations). */
export class ParticipantHistory1764300000500 implements MigrationInterface {
  name = 'ParticipantHistory1764300000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE case_participant ADD COLUMN ended_at timestamptz, ADD COLUMN replaced_by text`);
    await runner.query(`CREATE INDEX case_participant_active_agency_idx ON case_participant (agency_code) WHERE ended_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX case_participant_active_agency_idx`);
    await runner.query(`ALTER TABLE case_participant DROP COLUMN ended_at, DROP COLUMN replaced_by`);
  }
}
