import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Correction requests to outlets (Press Law 2016 Art. 42) with their overdue deadlines, and
 * spokesperson statements on cases (Đ6.6–6.7) with every text they were published with.
 */
export class PressCorrectionsStatements1764300004500 implements MigrationInterface {
  name = 'PressCorrectionsStatements1764300004500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE press_correction (
        id uuid PRIMARY KEY,
        case_id uuid,
        case_number text,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'PUBLISHED', 'REFUSED', 'OVERDUE')),
        requester_agency text NOT NULL,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        outlet_agency text NOT NULL,
        work_title text NOT NULL,
        work_section text,
        work_published_on date NOT NULL,
        work_url text,
        what_is_wrong text NOT NULL,
        false_content text NOT NULL,
        corrected_content text NOT NULL,
        requested_text text NOT NULL,
        deadline timestamptz NOT NULL,
        overdue_at timestamptz,
        published_url text,
        published_at timestamptz,
        refusal_reasons text,
        answered_by text,
        answered_by_agency text,
        answered_at timestamptz,
        visible_agencies text[] NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX press_correction_case_idx ON press_correction (case_id) WHERE case_id IS NOT NULL`);
    await runner.query(`CREATE INDEX press_correction_list_idx ON press_correction (requested_at DESC, id DESC)`);
    await runner.query(`
      CREATE TABLE press_correction_deadline (
        id uuid PRIMARY KEY,
        correction_id uuid NOT NULL REFERENCES press_correction (id),
        kind text NOT NULL CHECK (kind IN ('OVERDUE')),
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        cancelled_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await runner.query(`CREATE INDEX press_correction_deadline_due_idx ON press_correction_deadline (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`);
    await runner.query(`
      CREATE TABLE press_statement (
        id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CORRECTED', 'WITHDRAWN')),
        agency_code text NOT NULL,
        agency_name text,
        case_ids uuid[] NOT NULL,
        case_numbers text[] NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        claim_review jsonb,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        published_at timestamptz,
        -- The last change of the public text: the feed entry's <updated>.
        updated_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        revision integer NOT NULL DEFAULT 0,
        -- Drafts: the agency only; events of the statement also go to the agencies of its cases.
        visible_agencies text[] NOT NULL
      )`);
    // The feed: published statements, newest first publication first.
    await runner.query(`CREATE INDEX press_statement_feed_idx ON press_statement (published_at DESC, id DESC) WHERE published_at IS NOT NULL`);
    await runner.query(`CREATE INDEX press_statement_cases_idx ON press_statement USING gin (case_ids)`);
    await runner.query(`
      CREATE TABLE press_statement_revision (
        statement_id uuid NOT NULL REFERENCES press_statement (id),
        revision integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        claim_review jsonb,
        note text,
        published_at timestamptz NOT NULL,
        published_by text NOT NULL,
        PRIMARY KEY (statement_id, revision)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['press_statement_revision', 'press_statement', 'press_correction_deadline', 'press_correction'])
      await runner.query(`DROP TABLE ${table}`);
  }
}
