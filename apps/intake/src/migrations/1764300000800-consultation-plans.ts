import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The handling plans agreed in consultations (from the consultation service's events), and which one a decision followed. */
export class ConsultationPlans1764300000800 implements MigrationInterface {
  name = 'ConsultationPlans1764300000800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE consultation_plan (
        consultation_id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES handling_case (id),
        summary text NOT NULL,
        plan jsonb NOT NULL,
        resolved_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX consultation_plan_case_idx ON consultation_plan (case_id)`);
    await runner.query(`ALTER TABLE decision ADD COLUMN consultation_id uuid`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE decision DROP COLUMN consultation_id`);
    await runner.query(`DROP TABLE consultation_plan`);
  }
}
