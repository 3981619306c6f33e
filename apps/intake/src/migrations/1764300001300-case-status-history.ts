import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every status a case has had: from, to, why (dismissal reason, outcome summary), by which agency, when. */
export class CaseStatusHistory1764300001300 implements MigrationInterface {
  name = 'CaseStatusHistory1764300001300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_status_change (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES handling_case (id),
        from_status text,
        to_status text NOT NULL,
        reason text,
        actor_agency text,
        at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX case_status_change_case_idx ON case_status_change (case_id, id)`);
    // Cases from before the history: their current status, as of their last change.
    await runner.query(
      `INSERT INTO case_status_change (case_id, from_status, to_status, reason, at) SELECT id, NULL, status, NULL, updated_at FROM handling_case`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE case_status_change`);
  }
}
