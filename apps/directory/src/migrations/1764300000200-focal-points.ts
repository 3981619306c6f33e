import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Đ4.3: focal-point officers per agency, with a deputy; work contacts only. */
export class FocalPoints1764300000200 implements MigrationInterface {
  name = 'FocalPoints1764300000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE focal_point (
        id uuid PRIMARY KEY,
        agency_code text NOT NULL REFERENCES agency (code),
        display_name text NOT NULL,
        title text NOT NULL,
        work_phone text,
        work_email text,
        deputy_id uuid REFERENCES focal_point (id),
        active boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (deputy_id IS NULL OR deputy_id <> id)
      )`);
    await runner.query(`CREATE INDEX focal_point_agency_idx ON focal_point (agency_code)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE focal_point`);
  }
}
