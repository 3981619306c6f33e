import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Decisions with their statement of reasons and grounds (Đ3.2, Đ5), and the handling actions they plan. */
export class Decisions1764300000600 implements MigrationInterface {
  name = 'Decisions1764300000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE decision (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES handling_case (id),
        finding text NOT NULL,
        provisions jsonb NOT NULL,
        assessment jsonb,
        statement_of_reasons text NOT NULL,
        decided_by text NOT NULL,
        decided_by_agency text NOT NULL,
        decided_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX decision_case_idx ON decision (case_id, decided_at)`);
    await runner.query(`
      CREATE TABLE handling_action (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES handling_case (id),
        decision_id uuid NOT NULL REFERENCES decision (id),
        type text NOT NULL,
        assignee_agency_code text NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'PLANNED',
        details text,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX handling_action_case_idx ON handling_action (case_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE handling_action`);
    await runner.query(`DROP TABLE decision`);
  }
}
