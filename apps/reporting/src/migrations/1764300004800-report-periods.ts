import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report periods (Đ7.3–7.4): the period the lead agency opens, each agency's section with every
 * version it saved, and the period's reminders and escalation for the deadline scheduler.
 * Unlike the read models these are records of their own: a rebuild never touches them.
 */
export class ReportPeriods1764300004800 implements MigrationInterface {
  name = 'ReportPeriods1764300004800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE report_period (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('SIX_MONTHLY', 'ANNUAL', 'AD_HOC')),
        title text NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL CHECK (period_to >= period_from),
        deadline timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
        opened_at timestamptz NOT NULL,
        opened_by text NOT NULL,
        opened_by_agency text NOT NULL,
        closed_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE report_section (
        period_id uuid NOT NULL REFERENCES report_period (id),
        agency_code text NOT NULL,
        status text NOT NULL DEFAULT 'NOT_STARTED' CHECK (status IN ('NOT_STARTED', 'DRAFT', 'SUBMITTED')),
        submitted_at timestamptz,
        reminded_at timestamptz,
        escalated_at timestamptz,
        PRIMARY KEY (period_id, agency_code)
      )`);
    await runner.query(`
      CREATE TABLE report_section_version (
        period_id uuid NOT NULL,
        agency_code text NOT NULL,
        version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED')),
        accomplishments text NOT NULL,
        difficulties text NOT NULL,
        proposals text NOT NULL,
        saved_at timestamptz NOT NULL,
        saved_by text NOT NULL,
        late boolean NOT NULL DEFAULT false,
        PRIMARY KEY (period_id, agency_code, version),
        FOREIGN KEY (period_id, agency_code) REFERENCES report_section (period_id, agency_code)
      )`);
    await runner.query(`
      CREATE TABLE report_period_deadline (
        id uuid PRIMARY KEY,
        period_id uuid NOT NULL REFERENCES report_period (id),
        kind text NOT NULL CHECK (kind IN ('REMINDER', 'ESCALATION')),
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        cancelled_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The scheduler's scan: only deadlines still to fire.
    await runner.query(`CREATE INDEX report_period_deadline_due_idx ON report_period_deadline (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE report_period_deadline`);
    await runner.query(`DROP TABLE report_section_version`);
    await runner.query(`DROP TABLE report_section`);
    await runner.query(`DROP TABLE report_period`);
  }
}
