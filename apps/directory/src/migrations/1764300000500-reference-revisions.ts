import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every administrative edit of reference data and rules, as a version taking effect on a day.
 * Localities, sectors, categories and rules are read as the seed overlaid with the versions in
 * force on the day; agencies (which carry their own validity) and SLA policies (sla_policy) are
 * written to their tables and recorded here for their history (`in_base`).
 */
export class ReferenceRevisions1764300000500 implements MigrationInterface {
  name = 'ReferenceRevisions1764300000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE reference_revision (
        id serial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('AGENCY', 'LOCALITY', 'SECTOR', 'CATEGORY', 'RULE', 'SLA')),
        code text NOT NULL,
        valid_from date NOT NULL,
        record jsonb,
        in_base boolean NOT NULL,
        reason text NOT NULL,
        actor_user text,
        actor_agency text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, code, valid_from)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE reference_revision`);
  }
}
