import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies' notification subscriptions and the deliveries owed to them (with retries and dead letters). */
export class NotificationInitial1764300002000 implements MigrationInterface {
  name = 'NotificationInitial1764300002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE subscription (
        id uuid PRIMARY KEY,
        agency_code text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
        target text NOT NULL,
        event_types text[] NOT NULL DEFAULT '{}',
        secret text,
        active boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_by text,
        revoked_at timestamptz,
        CHECK ((channel = 'WEBHOOK') = (secret IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX subscription_agency_idx ON subscription (agency_code) WHERE active`);
    await runner.query(`
      CREATE TABLE delivery (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES subscription (id),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        agency_code text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD', 'CANCELLED')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text,
        last_status_code int,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        UNIQUE (subscription_id, event_id)
      )`);
    await runner.query(`CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE status = 'PENDING'`);
    await runner.query(
      `CREATE INDEX delivery_failed_idx ON delivery (agency_code, created_at DESC, id DESC) WHERE status = 'DEAD' OR (status = 'PENDING' AND attempts > 0)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE delivery`);
    await runner.query(`DROP TABLE subscription`);
  }
}
