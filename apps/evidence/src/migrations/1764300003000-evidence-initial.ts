import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence of Đ6.2: items with their content-addressed parts, upload tickets, signed packages, the
 * integrity check's schedule and findings, and police referrals (which hold no identity of anyone).
 */
export class EvidenceInitial1764300003000 implements MigrationInterface {
  name = 'EvidenceInitial1764300003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE evidence_item (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        case_number text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('WEB_CAPTURE', 'FILE', 'TEXT_EXCERPT')),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        mime_type text NOT NULL,
        captured_by text NOT NULL,
        captured_by_agency text NOT NULL,
        captured_at timestamptz NOT NULL,
        tool_name text NOT NULL,
        tool_version text NOT NULL,
        source_url text,
        file_name text,
        name_mismatch boolean NOT NULL DEFAULT false,
        screenshot_status text CHECK (screenshot_status IN ('TAKEN', 'UNAVAILABLE')),
        screenshot_note text,
        note text,
        visible_agencies text[] NOT NULL,
        legal_hold_reason text,
        legal_hold_at timestamptz,
        legal_hold_by text,
        integrity_status text NOT NULL DEFAULT 'OK' CHECK (integrity_status IN ('OK', 'FAILED')),
        last_verified_at timestamptz
      )`);
    await runner.query(`CREATE INDEX evidence_item_case_idx ON evidence_item (case_id, captured_at)`);
    await runner.query(`
      CREATE TABLE evidence_part (
        item_id uuid NOT NULL REFERENCES evidence_item (id),
        role text NOT NULL CHECK (role IN ('WARC', 'TEXT', 'SCREENSHOT', 'ORIGINAL')),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes bigint NOT NULL,
        mime_type text NOT NULL,
        PRIMARY KEY (item_id, role)
      )`);
    await runner.query(`CREATE INDEX evidence_part_sha_idx ON evidence_part (sha256)`);
    await runner.query(`
      CREATE TABLE upload_ticket (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        case_number text NOT NULL,
        visible_agencies text[] NOT NULL,
        file_name text NOT NULL,
        note text,
        requested_by text NOT NULL,
        requested_by_agency text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        outcome text
      )`);
    await runner.query(`
      CREATE TABLE evidence_package (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        sha256 text NOT NULL,
        size_bytes bigint NOT NULL,
        key_id text NOT NULL,
        item_ids uuid[] NOT NULL,
        visible_agencies text[] NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        created_by_agency text NOT NULL
      )`);
    // One row per scheduled run of the integrity check: claimed with SKIP LOCKED, so one replica runs it.
    await runner.query(`
      CREATE TABLE integrity_run (
        id uuid PRIMARY KEY,
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        cancelled_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        checked integer,
        failed integer
      )`);
    await runner.query(`CREATE INDEX integrity_run_due_idx ON integrity_run (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`);
    await runner.query(`INSERT INTO integrity_run (id, due_at) VALUES (gen_random_uuid(), now())`);
    // A finding stays open until the blob verifies again: the event is raised once per finding.
    await runner.query(`
      CREATE TABLE integrity_finding (
        id uuid PRIMARY KEY,
        sha256 text NOT NULL,
        failure text NOT NULL CHECK (failure IN ('MISMATCH', 'MISSING')),
        actual_sha256 text,
        detected_at timestamptz NOT NULL,
        resolved_at timestamptz
      )`);
    await runner.query(`CREATE UNIQUE INDEX integrity_finding_open_idx ON integrity_finding (sha256) WHERE resolved_at IS NULL`);
    // Đ6.2: no column for the author's or anyone's identity; the police keep those in their own systems.
    await runner.query(`
      CREATE TABLE police_referral (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        case_number text NOT NULL,
        action_id uuid NOT NULL UNIQUE,
        decision_id uuid NOT NULL,
        legal_basis jsonb NOT NULL,
        requested_at timestamptz NOT NULL,
        requested_by text NOT NULL,
        requested_by_agency text NOT NULL,
        police_agency_code text NOT NULL,
        police_reference text,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'CONCLUDED', 'DECLINED')),
        outcome_category text,
        outcome_date date,
        visible_agencies text[] NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE referral_transfer (
        referral_id uuid NOT NULL REFERENCES police_referral (id),
        package_id uuid NOT NULL REFERENCES evidence_package (id),
        received_by_agency text NOT NULL,
        transferred_at timestamptz NOT NULL,
        transferred_by text NOT NULL,
        PRIMARY KEY (referral_id, package_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['referral_transfer', 'police_referral', 'integrity_finding', 'integrity_run', 'evidence_package', 'upload_ticket', 'evidence_part', 'evidence_item']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
