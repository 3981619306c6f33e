import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public sources of reported content and the cases they appear in. Public information only: the
 * table has no column for a real name, identity number, address or phone number.
 */
export class PublicSources1764300003100 implements MigrationInterface {
  name = 'PublicSources1764300003100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE public_source (
        id uuid PRIMARY KEY,
        platform text NOT NULL CHECK (platform IN ('FACEBOOK', 'YOUTUBE', 'TIKTOK', 'WEB')),
        kind text NOT NULL CHECK (kind IN ('PAGE', 'GROUP', 'CHANNEL', 'ACCOUNT', 'WEBSITE')),
        handle text NOT NULL,
        url text NOT NULL,
        display_name text,
        edited_at timestamptz,
        edited_by text,
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        UNIQUE (platform, kind, handle)
      )`);
    await runner.query(`
      CREATE TABLE public_source_case (
        source_id uuid NOT NULL REFERENCES public_source (id),
        case_id uuid NOT NULL,
        visible_agencies text[] NOT NULL,
        first_seen_at timestamptz NOT NULL,
        PRIMARY KEY (source_id, case_id)
      )`);
    await runner.query(`CREATE INDEX public_source_case_case_idx ON public_source_case (case_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE public_source_case`);
    await runner.query(`DROP TABLE public_source`);
  }
}
