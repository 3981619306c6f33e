import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Consultations (Đ4.2, Đ5.3), the invited agencies' opinions or attendance, and their deadlines. */
export class ConsultationInitial1764300001000 implements MigrationInterface {
  name = 'ConsultationInitial1764300001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE consultation (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        case_number text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('MEETING', 'WRITTEN')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'CANCELLED')),
        subject text NOT NULL,
        proposed_handling text,
        deadline timestamptz,
        meeting_at timestamptz,
        location text,
        link text,
        lead_agency_code text NOT NULL,
        severity text NOT NULL,
        visible_agencies text[] NOT NULL,
        minutes text,
        dissenting_views jsonb NOT NULL DEFAULT '[]'::jsonb,
        resolution_summary text,
        resolution_plan jsonb,
        resolved_at timestamptz,
        resolved_by text,
        opened_at timestamptz NOT NULL,
        opened_by text NOT NULL,
        opened_by_agency text NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((mode = 'WRITTEN' AND deadline IS NOT NULL) OR (mode = 'MEETING' AND meeting_at IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX consultation_case_idx ON consultation (case_id, opened_at)`);
    await runner.query(`
      CREATE TABLE consultation_invitation (
        consultation_id uuid NOT NULL REFERENCES consultation (id),
        agency_code text NOT NULL,
        position text CHECK (position IN ('AGREE', 'DISAGREE', 'ALTERNATIVE')),
        reasoning text,
        alternative_proposal text,
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        responded_at timestamptz,
        responded_by text,
        late boolean NOT NULL DEFAULT false,
        reminded_at timestamptz,
        escalated_at timestamptz,
        present boolean,
        representative text,
        PRIMARY KEY (consultation_id, agency_code)
      )`);
    await runner.query(`
      CREATE TABLE consultation_deadline (
        id uuid PRIMARY KEY,
        consultation_id uuid NOT NULL REFERENCES consultation (id),
        kind text NOT NULL CHECK (kind IN ('REMINDER', 'ESCALATION')),
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        cancelled_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The scheduler's scan: only deadlines still to fire.
    await runner.query(`CREATE INDEX consultation_deadline_due_idx ON consultation_deadline (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE consultation_deadline`);
    await runner.query(`DROP TABLE consultation_invitation`);
    await runner.query(`DROP TABLE consultation`);
  }
}
