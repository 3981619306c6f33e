import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How long a consultation may run per severity (Đ3.2); versions without it set no limit. */
export class SlaConsultationHours1764300000700 implements MigrationInterface {
  name = 'SlaConsultationHours1764300000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE sla_policy ADD COLUMN consultation_hours numeric CHECK (consultation_hours > 0)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE sla_policy DROP COLUMN consultation_hours`);
  }
}
