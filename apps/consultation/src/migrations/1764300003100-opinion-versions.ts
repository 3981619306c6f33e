import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every written opinion an agency gives on a consultation is kept (Đ4.2: an agency may revise its
 * opinion before the resolution; what it said first stays on the record). The invitation keeps
 * showing the latest; the opinions already given become version 1.
 */
export class OpinionVersions1764300003100 implements MigrationInterface {
  name = 'OpinionVersions1764300003100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE consultation_opinion (
        consultation_id uuid NOT NULL,
        agency_code text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        position text NOT NULL CHECK (position IN ('AGREE', 'DISAGREE', 'ALTERNATIVE')),
        reasoning text NOT NULL,
        alternative_proposal text,
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        responded_at timestamptz NOT NULL,
        responded_by text,
        late boolean NOT NULL DEFAULT false,
        PRIMARY KEY (consultation_id, agency_code, version),
        FOREIGN KEY (consultation_id, agency_code) REFERENCES consultation_invitation (consultation_id, agency_code)
      )`);
    await runner.query(`
      INSERT INTO consultation_opinion (consultation_id, agency_code, version, position, reasoning, alternative_proposal, attachments, responded_at, responded_by, late)
      SELECT consultation_id, agency_code, 1, position, coalesce(reasoning, ''), alternative_proposal, attachments, responded_at, responded_by, late
        FROM consultation_invitation WHERE responded_at IS NOT NULL AND position IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE consultation_opinion`);
  }
}
