import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity and access: when and why a user was disabled, and the API keys of machine clients
 * (only the SHA-256 of each secret is kept; the secret is shown once, at creation).
 */
export class Identity1764300000400 implements MigrationInterface {
  name = 'Identity1764300000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE app_user ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await runner.query(`ALTER TABLE app_user ADD COLUMN disabled_at timestamptz`);
    await runner.query(`ALTER TABLE app_user ADD COLUMN disabled_reason text`);
    await runner.query(`CREATE INDEX app_user_agency_idx ON app_user (agency_code, username)`);
    await runner.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        agency_code text NOT NULL REFERENCES agency (code),
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        secret_hash text NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by text,
        revoked_reason text
      )`);
    await runner.query(`CREATE INDEX api_key_agency_idx ON api_key (agency_code, created_at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE api_key`);
    await runner.query(`DROP INDEX app_user_agency_idx`);
    await runner.query(`ALTER TABLE app_user DROP COLUMN disabled_reason, DROP COLUMN disabled_at, DROP COLUMN updated_at`);
  }
}
