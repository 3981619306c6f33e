import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The SLA policy per severity, versioned by the day it takes effect: a case keeps the version that applied. */
export class SlaPolicy1764300000300 implements MigrationInterface {
  name = 'SlaPolicy1764300000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE sla_policy (
        severity text NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        valid_from date NOT NULL,
        triage_hours numeric NOT NULL CHECK (triage_hours > 0),
        decision_hours numeric NOT NULL CHECK (decision_hours > 0),
        PRIMARY KEY (severity, valid_from)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE sla_policy`);
  }
}
