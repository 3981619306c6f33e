import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RFC 3161 trusted timestamps of items' hashes: one row per item stored while a time-stamping
 * authority was configured, with the token (DER) once granted and verified. Rows are also the
 * schedule of the requests still to make (claimed with SKIP LOCKED, so one replica makes each).
 */
export class EvidenceTimestamps1764300004200 implements MigrationInterface {
  name = 'EvidenceTimestamps1764300004200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE evidence_timestamp (
        id uuid PRIMARY KEY REFERENCES evidence_item (id) ON DELETE CASCADE,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        status text NOT NULL CHECK (status IN ('PENDING', 'VERIFIED', 'FAILED')),
        token bytea,
        gen_time timestamptz,
        tsa_name text,
        serial_number text,
        policy text,
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        cancelled_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        CHECK ((status = 'VERIFIED') = (token IS NOT NULL AND gen_time IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX evidence_timestamp_due_idx ON evidence_timestamp (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE evidence_timestamp`);
  }
}
