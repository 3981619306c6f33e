import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files of the replies (Đ6.3: the reply and what it attaches are kept with the complaint).
 * Stored as bytea in the press schema rather than in a blob store: a reply's files are bounded
 * (PRESS_ATTACHMENT_MAX_TOTAL_BYTES, at most 100 MiB, 25 MiB by default) and rare, and keeping
 * them in the row lets one transaction keep the reply, its files and the link's consumption, with
 * nothing half-kept and no orphan blob to sweep. `reply_id` is null while an outlet's upload waits
 * for its reply; the retention purge nulls `bytes` and keeps the name, type, size and SHA-256.
 */
export class ReplyAttachments1764300005100 implements MigrationInterface {
  name = 'ReplyAttachments1764300005100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE press_reply_attachment (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES press_complaint (id),
        reply_id uuid REFERENCES press_reply (id),
        position smallint NOT NULL DEFAULT 0,
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text', 'text/plain')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        bytes bytea,
        upload_ticket uuid UNIQUE,
        uploaded_by text,
        uploaded_by_agency text,
        created_at timestamptz NOT NULL,
        purged_at timestamptz,
        CHECK ((bytes IS NULL) = (purged_at IS NOT NULL)),
        CHECK (bytes IS NULL OR octet_length(bytes) = size_bytes)
      )`);
    // PDF, pictures and zipped documents are compressed already: TOAST stores them as they are.
    await runner.query(`ALTER TABLE press_reply_attachment ALTER COLUMN bytes SET STORAGE EXTERNAL`);
    await runner.query(`CREATE INDEX press_reply_attachment_reply_idx ON press_reply_attachment (reply_id, position) WHERE reply_id IS NOT NULL`);
    await runner.query(`CREATE INDEX press_reply_attachment_complaint_idx ON press_reply_attachment (complaint_id)`);
    await runner.query(`CREATE INDEX press_reply_attachment_pending_idx ON press_reply_attachment (created_at) WHERE reply_id IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE press_reply_attachment`);
  }
}
