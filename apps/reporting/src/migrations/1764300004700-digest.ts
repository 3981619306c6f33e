import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Đ6.1 daily media digest: the feeds the lead agency configures with their polling state and
 * health, its keywords, and the items that matched (one per canonical URL, whatever the feed).
 */
export class Digest1764300004700 implements MigrationInterface {
  name = 'Digest1764300004700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE digest_feed (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        url text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        poll_interval_minutes int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        next_poll_at timestamptz NOT NULL DEFAULT now(),
        etag text,
        last_modified text,
        format text,
        last_polled_at timestamptz,
        last_success_at timestamptz,
        last_error_at timestamptz,
        last_error text,
        consecutive_failures int NOT NULL DEFAULT 0,
        last_item_count int NOT NULL DEFAULT 0,
        matched_item_count int NOT NULL DEFAULT 0
      )`);
    await runner.query(`CREATE UNIQUE INDEX digest_feed_url ON digest_feed (url)`);
    await runner.query(`CREATE INDEX digest_feed_due ON digest_feed (next_poll_at) WHERE enabled`);
    await runner.query(`
      CREATE TABLE digest_keywords (
        id int PRIMARY KEY CHECK (id = 1),
        keywords text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE digest_item (
        id uuid PRIMARY KEY,
        content_key text NOT NULL UNIQUE,
        canonical_url text NOT NULL,
        feed_id uuid NOT NULL REFERENCES digest_feed (id),
        link text NOT NULL,
        title text NOT NULL,
        excerpt text NOT NULL,
        published_at timestamptz,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        day date NOT NULL,
        matches jsonb NOT NULL,
        reported_case_id uuid,
        reported_report_id uuid,
        reported_at timestamptz,
        reported_by text
      )`);
    await runner.query(`CREATE INDEX digest_item_day ON digest_item (day)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE digest_item`);
    await runner.query(`DROP TABLE digest_keywords`);
    await runner.query(`DROP TABLE digest_feed`);
  }
}
