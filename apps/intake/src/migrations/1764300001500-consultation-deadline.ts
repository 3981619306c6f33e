import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A case in consultation has a deadline too: the consultation hours of its severity's SLA. */
export class ConsultationDeadline1764300001500 implements MigrationInterface {
  name = 'ConsultationDeadline1764300001500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE case_deadline DROP CONSTRAINT case_deadline_kind_check`);
    await runner.query(`ALTER TABLE case_deadline ADD CONSTRAINT case_deadline_kind_check CHECK (kind IN ('TRIAGE', 'DECISION', 'CONSULTATION', 'ACTION'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE case_deadline DROP CONSTRAINT case_deadline_kind_check`);
    await runner.query(`ALTER TABLE case_deadline ADD CONSTRAINT case_deadline_kind_check CHECK (kind IN ('TRIAGE', 'DECISION', 'ACTION'))`);
  }
}
