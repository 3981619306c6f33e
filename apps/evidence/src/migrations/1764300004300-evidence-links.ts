import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What links evidence across cases, and its end: perceptual hashes of pictures, indicators printed
 * in published content (never resolved to a person: no column for an owner or holder), the
 * closures of cases that start the retention period, the retention purge's runs and tombstones.
 */
export class EvidenceLinks1764300004300 implements MigrationInterface {
  name = 'EvidenceLinks1764300004300';

  async up(runner: QueryRunner): Promise<void> {
    // 64-bit pHash per picture of an item: an uploaded image, a capture's screenshot, the images on a captured page.
    await runner.query(`
      CREATE TABLE image_hash (
        item_id uuid NOT NULL REFERENCES evidence_item (id),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        source text NOT NULL CHECK (source IN ('ORIGINAL', 'SCREENSHOT', 'PAGE_IMAGE')),
        phash bit(64) NOT NULL,
        PRIMARY KEY (item_id, sha256)
      )`);
    await runner.query(`
      CREATE TABLE content_indicator (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('DOMAIN', 'PHONE', 'BANK_ACCOUNT', 'EMAIL')),
        value_shown text NOT NULL,
        normalized_value text NOT NULL,
        case_id uuid NOT NULL,
        item_id uuid NOT NULL REFERENCES evidence_item (id),
        origin text NOT NULL CHECK (origin IN ('DERIVED', 'OFFICER')),
        added_by text NOT NULL,
        added_by_agency text NOT NULL,
        added_at timestamptz NOT NULL,
        UNIQUE (item_id, kind, normalized_value)
      )`);
    await runner.query(`CREATE INDEX content_indicator_value_idx ON content_indicator (kind, normalized_value)`);
    await runner.query(`CREATE INDEX content_indicator_case_idx ON content_indicator (case_id)`);
    // A case closed or dismissed (from intake's events); reopening deletes the row and stops the clock.
    await runner.query(`
      CREATE TABLE case_closure (
        case_id uuid PRIMARY KEY,
        status text NOT NULL,
        closed_at timestamptz NOT NULL
      )`);
    await runner.query(`ALTER TABLE evidence_item ADD COLUMN purged_at timestamptz`);
    await runner.query(`ALTER TABLE evidence_package ADD COLUMN purged_at timestamptz`);
    // What remains of a purged item: its hashes and sizes, when, by what and why.
    await runner.query(`
      CREATE TABLE evidence_tombstone (
        item_id uuid PRIMARY KEY REFERENCES evidence_item (id),
        case_id uuid NOT NULL,
        sha256 text NOT NULL,
        size_bytes bigint NOT NULL,
        parts jsonb NOT NULL,
        purged_at timestamptz NOT NULL,
        purged_by text NOT NULL,
        run_id uuid NOT NULL,
        case_closed_at timestamptz NOT NULL,
        retention_days integer NOT NULL
      )`);
    // Blobs no longer referenced, deleted after the purge commits (a crash leaves them queued, never half-purged rows).
    await runner.query(`CREATE TABLE blob_deletion (sha256 text PRIMARY KEY, queued_at timestamptz NOT NULL)`);
    // One row per scheduled purge: claimed with SKIP LOCKED, so one replica runs it.
    await runner.query(`
      CREATE TABLE retention_run (
        id uuid PRIMARY KEY,
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        cancelled_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        purged integer
      )`);
    await runner.query(`CREATE INDEX retention_run_due_idx ON retention_run (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`);
    await runner.query(`INSERT INTO retention_run (id, due_at) VALUES (gen_random_uuid(), now())`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['retention_run', 'blob_deletion', 'evidence_tombstone', 'case_closure', 'content_indicator', 'image_hash']) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`ALTER TABLE evidence_package DROP COLUMN purged_at`);
    await runner.query(`ALTER TABLE evidence_item DROP COLUMN purged_at`);
  }
}
