import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An agency's work contacts (e-mail, phone, address) for the other agencies. */
export class AgencyContacts1764300000600 implements MigrationInterface {
  name = 'AgencyContacts1764300000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE agency ADD COLUMN contacts jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE agency DROP COLUMN contacts`);
  }
}
