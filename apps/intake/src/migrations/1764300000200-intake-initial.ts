import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, their reports and participants, and the per-year case counter. */
export class IntakeInitial1764300000200 implements MigrationInterface {
  name = 'IntakeInitial1764300000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_counter (
        year int PRIMARY KEY,
        last_seq int NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE handling_case (
        id uuid PRIMARY KEY,
        year int NOT NULL,
        seq int NOT NULL,
        number text NOT NULL UNIQUE,
        status text NOT NULL,
        category_code text NOT NULL,
        severity text NOT NULL,
        locality_code text,
        sector_code text,
        reporter_agency_code text NOT NULL,
        visible_agencies text[] NOT NULL,
        possible_duplicates jsonb NOT NULL DEFAULT '[]'::jsonb,
        legal_bases jsonb NOT NULL DEFAULT '[]'::jsonb,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (year, seq)
      )`);
    await runner.query(`CREATE INDEX handling_case_visible_idx ON handling_case USING gin (visible_agencies)`);
    await runner.query(`CREATE INDEX handling_case_opened_idx ON handling_case (opened_at DESC, id DESC)`);
    await runner.query(`
      CREATE TABLE case_participant (
        case_id uuid NOT NULL REFERENCES handling_case (id),
        agency_code text NOT NULL,
        role text NOT NULL,
        basis text NOT NULL,
        assigned_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, agency_code)
      )`);
    await runner.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES handling_case (id),
        url text NOT NULL,
        canonical_url text NOT NULL,
        content_key text NOT NULL,
        excerpt text NOT NULL,
        category_code text NOT NULL,
        locality_code text,
        sector_code text,
        observed_at timestamptz,
        note text,
        reporter_agency_code text NOT NULL,
        reporter_user_id text NOT NULL,
        submitted_at timestamptz NOT NULL,
        minhash bytea NOT NULL,
        band_keys bigint[] NOT NULL,
        similarity real
      )`);
    await runner.query(`CREATE INDEX report_case_idx ON report (case_id, submitted_at)`);
    await runner.query(`CREATE INDEX report_content_key_idx ON report (content_key)`);
    await runner.query(`CREATE INDEX report_band_keys_idx ON report USING gin (band_keys)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['report', 'case_participant', 'handling_case', 'case_counter']) await runner.query(`DROP TABLE ${table}`);
  }
}
