import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Press-ethics complaints of Đ6.3: the complaint and the article it is about, the respondent's work
 * details (restricted, purged after the appeal time), one-time reply links, replies, rulings, appeals,
 * and the reply window's reminders.
 */
export class PressInitial1764300004400 implements MigrationInterface {
  name = 'PressInitial1764300004400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE press_complaint (
        id uuid PRIMARY KEY,
        origin text NOT NULL CHECK (origin IN ('CASE_ACTION', 'AGENCY')),
        case_id uuid,
        case_number text,
        -- The REFER_TO_PRESS_ASSOCIATION action it came from: one complaint per action.
        action_id uuid UNIQUE,
        decision_id uuid,
        complainant_agency text NOT NULL,
        status text NOT NULL CHECK (status IN ('INCOMPLETE', 'INADMISSIBLE', 'AWAITING_REPLY', 'AWAITING_RULING', 'RULED', 'UNDER_APPEAL', 'CLOSED')),
        article_url text,
        outlet_name text,
        outlet_agency_code text,
        publication_date date,
        byline text,
        rule_codes text[] NOT NULL DEFAULT '{}',
        account text,
        filed_by text,
        filed_at timestamptz,
        opened_at timestamptz NOT NULL,
        inadmissibility_reasons text[] NOT NULL DEFAULT '{}',
        inadmissibility_note text,
        reply_due_at timestamptz,
        appeal_due_at timestamptz,
        closed_at timestamptz,
        respondent_purged_at timestamptz,
        visible_agencies text[] NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX press_complaint_case_idx ON press_complaint (case_id) WHERE case_id IS NOT NULL`);
    await runner.query(`CREATE INDEX press_complaint_status_idx ON press_complaint (status, opened_at)`);
    // Restricted: ethics officers only, every read audited; deleted by the retention purge.
    await runner.query(`
      CREATE TABLE press_respondent (
        complaint_id uuid PRIMARY KEY REFERENCES press_complaint (id),
        journalist_name text NOT NULL,
        journalist_email text NOT NULL,
        editor_name text,
        editor_email text
      )`);
    // One row per link sent; the id is the link's nonce, consumed in the transaction that keeps the reply.
    await runner.query(`
      CREATE TABLE press_reply_link (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES press_complaint (id),
        recipient_role text NOT NULL CHECK (recipient_role IN ('JOURNALIST', 'EDITOR')),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE press_reply (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES press_complaint (id),
        channel text NOT NULL CHECK (channel IN ('LINK', 'AGENCY_USER')),
        recipient_role text CHECK (recipient_role IN ('JOURNALIST', 'EDITOR')),
        text text NOT NULL,
        attachment_urls text[] NOT NULL DEFAULT '{}',
        submitted_by text,
        submitted_by_agency text,
        submitted_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX press_reply_complaint_idx ON press_reply (complaint_id, submitted_at)`);
    await runner.query(`
      CREATE TABLE press_ruling (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES press_complaint (id),
        outcome text NOT NULL CHECK (outcome IN ('NO_VIOLATION', 'REMINDER', 'WARNING', 'REPRIMAND', 'REFER_FOR_MEMBERSHIP_SANCTION')),
        rule_codes text[] NOT NULL,
        reasons text NOT NULL,
        ruled_by text NOT NULL,
        ruled_by_agency text NOT NULL,
        ruled_at timestamptz NOT NULL,
        -- Set when an appeal returns it for a new ruling.
        set_aside_at timestamptz
      )`);
    await runner.query(`CREATE INDEX press_ruling_complaint_idx ON press_ruling (complaint_id, ruled_at)`);
    await runner.query(`
      CREATE TABLE press_appeal (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES press_complaint (id),
        ruling_id uuid NOT NULL REFERENCES press_ruling (id),
        party text NOT NULL CHECK (party IN ('COMPLAINANT', 'RESPONDENT')),
        grounds text[] NOT NULL,
        statement text NOT NULL,
        lodged_by text NOT NULL,
        lodged_by_agency text NOT NULL,
        lodged_at timestamptz NOT NULL,
        decision text CHECK (decision IN ('UPHELD', 'OVERTURNED', 'RETURNED')),
        substituted_outcome text CHECK (substituted_outcome IN ('NO_VIOLATION', 'REMINDER', 'WARNING', 'REPRIMAND', 'REFER_FOR_MEMBERSHIP_SANCTION')),
        decision_reasons text,
        decided_by text,
        decided_by_agency text,
        decided_at timestamptz
      )`);
    // At most one appeal waiting for a decision per complaint.
    await runner.query(`CREATE UNIQUE INDEX press_appeal_open_idx ON press_appeal (complaint_id) WHERE decision IS NULL`);
    await runner.query(`
      CREATE TABLE press_deadline (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES press_complaint (id),
        kind text NOT NULL CHECK (kind IN ('REPLY_REMINDER', 'REPLY_WINDOW_CLOSED')),
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        cancelled_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await runner.query(`CREATE INDEX press_deadline_due_idx ON press_deadline (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['press_deadline', 'press_appeal', 'press_ruling', 'press_reply', 'press_reply_link', 'press_respondent', 'press_complaint'])
      await runner.query(`DROP TABLE ${table}`);
  }
}
