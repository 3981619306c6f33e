import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory: agencies, reference data, the responsibility rules of Đ6–Đ7, and users. */
export class DirectoryInitial1764300000100 implements MigrationInterface {
  name = 'DirectoryInitial1764300000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE province (
        code text PRIMARY KEY,
        name text NOT NULL,
        case_number_prefix text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE agency (
        code text PRIMARY KEY,
        name text NOT NULL,
        short_name text,
        kind text NOT NULL,
        parent_code text REFERENCES agency (code) DEFERRABLE INITIALLY DEFERRED,
        locality_code text,
        valid_from date,
        valid_to date,
        successor_code text REFERENCES agency (code) DEFERRABLE INITIALLY DEFERRED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to),
        CHECK (successor_code IS NULL OR successor_code <> code)
      )`);
    await runner.query(`
      CREATE TABLE locality (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        committee_agency_code text NOT NULL REFERENCES agency (code)
      )`);
    await runner.query(`
      CREATE TABLE sector (
        code text PRIMARY KEY,
        name text NOT NULL,
        department_agency_code text NOT NULL REFERENCES agency (code)
      )`);
    await runner.query(`
      CREATE TABLE category (
        code text PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        default_severity text NOT NULL CHECK (default_severity IN ('LOW','MEDIUM','HIGH','CRITICAL')),
        tags text[] NOT NULL DEFAULT '{}',
        legal_bases jsonb NOT NULL DEFAULT '[]'::jsonb
      )`);
    await runner.query(`
      CREATE TABLE responsibility_rule (
        id text PRIMARY KEY,
        position int NOT NULL,
        article text NOT NULL,
        description text NOT NULL DEFAULT '',
        condition jsonb NOT NULL,
        target jsonb NOT NULL,
        role text NOT NULL CHECK (role IN ('LEAD','PARTICIPANT','INFORMED')),
        active boolean NOT NULL DEFAULT true
      )`);
    await runner.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        agency_code text NOT NULL REFERENCES agency (code),
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['app_user', 'responsibility_rule', 'category', 'sector', 'locality', 'agency', 'province']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
