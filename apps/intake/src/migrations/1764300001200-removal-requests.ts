import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A REQUEST_REMOVAL action's request to the platform: what, on which provisions, and how it went. */
export class RemovalRequests1764300001200 implements MigrationInterface {
  name = 'RemovalRequests1764300001200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE removal_request (
        action_id uuid PRIMARY KEY REFERENCES handling_action (id),
        platform text NOT NULL,
        url text NOT NULL,
        legal_basis jsonb NOT NULL,
        request_reference text,
        sent_at timestamptz,
        acknowledged_at timestamptz,
        effected_at timestamptz,
        outcome text CHECK (outcome IN ('REMOVED', 'REFUSED', 'NO_RESPONSE')),
        updated_at timestamptz NOT NULL,
        CHECK (acknowledged_at IS NULL OR (sent_at IS NOT NULL AND acknowledged_at >= sent_at)),
        CHECK (effected_at IS NULL OR (sent_at IS NOT NULL AND effected_at >= sent_at)),
        CHECK (outcome IS NULL OR sent_at IS NOT NULL),
        CHECK ((outcome = 'REMOVED') = (effected_at IS NOT NULL) OR (outcome IS NULL))
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE removal_request`);
  }
}
