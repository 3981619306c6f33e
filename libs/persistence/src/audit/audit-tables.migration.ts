import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service's tamper-evident audit log: hash-chained entries, append-only (a trigger refuses
 * UPDATE, DELETE and TRUNCATE), and a one-row chain head that writers lock to append in order.
 */
export class CreateAuditTables1764300000050 implements MigrationInterface {
  name = 'CreateAuditTables1764300000050';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        at timestamptz NOT NULL,
        actor_user_id text,
        actor_agency text,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        summary jsonb NOT NULL,
        trace_id text,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await runner.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_id, seq)`);
    await runner.query(`CREATE TABLE audit_head (id int PRIMARY KEY CHECK (id = 1), last_seq bigint NOT NULL, last_hash text NOT NULL)`);
    await runner.query(`INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
    await runner.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await runner.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE audit_log`);
    await runner.query(`DROP TABLE audit_head`);
    await runner.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
