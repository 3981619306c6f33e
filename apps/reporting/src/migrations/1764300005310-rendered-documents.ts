import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rendered documents kept for the few minutes of their signed download address, so that any
 * replica serves them and a document larger than a NATS message reaches its reader.
 */
export class RenderedDocuments1764300005310 implements MigrationInterface {
  name = 'RenderedDocuments1764300005310';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE rendered_document (
        id uuid PRIMARY KEY,
        file_name text NOT NULL,
        mime_type text NOT NULL,
        sha256 text NOT NULL,
        byte_length integer NOT NULL,
        content bytea NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX rendered_document_expiry_idx ON rendered_document (expires_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE rendered_document`);
  }
}
