import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Triage: the SLA policy a case keeps, its category's default severity, the officers
 * assigned, the reach a reporter estimated; and the case's deadlines (triage, decision, each
 * handling action), each with a reminder and an escalation that fire once.
 */
export class TriageAndDeadlines1764300000900 implements MigrationInterface {
  name = 'TriageAndDeadlines1764300000900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE handling_case ADD COLUMN sla jsonb, ADD COLUMN default_severity text, ADD COLUMN assigned_officers text[] NOT NULL DEFAULT '{}', ADD COLUMN triaged_at timestamptz`);
    await runner.query(`UPDATE handling_case SET default_severity = severity WHERE default_severity IS NULL`);
    await runner.query(`ALTER TABLE report ADD COLUMN estimated_reach bigint CHECK (estimated_reach >= 0)`);
    await runner.query(`
      CREATE TABLE case_deadline (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES handling_case (id),
        kind text NOT NULL CHECK (kind IN ('TRIAGE', 'DECISION', 'ACTION')),
        action_id uuid REFERENCES handling_action (id),
        phase text NOT NULL CHECK (phase IN ('REMINDER', 'ESCALATION')),
        deadline timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        cancelled_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        CHECK ((kind = 'ACTION') = (action_id IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX case_deadline_case_idx ON case_deadline (case_id)`);
    await runner.query(`CREATE INDEX case_deadline_due_idx ON case_deadline (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE case_deadline`);
    await runner.query(`ALTER TABLE report DROP COLUMN estimated_reach`);
    await runner.query(`ALTER TABLE handling_case DROP COLUMN sla, DROP COLUMN default_severity, DROP COLUMN assigned_officers, DROP COLUMN triaged_at`);
  }
}
