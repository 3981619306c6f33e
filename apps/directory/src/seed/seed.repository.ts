import type { EntityManager } from 'typeorm';

/** One seeder at a time across replicas, until the caller's transaction ends. */
export async function lockSeeding(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('directory:seed'))`);
}

/** Inserts the rows that are not there yet (by `conflict`); returns how many were inserted. */
export async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][], conflict: string): Promise<number> {
  if (rows.length === 0) return 0;
  const params: unknown[] = [];
  const tuples = rows.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
  const result: unknown[] = await manager.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (${conflict}) DO NOTHING RETURNING 1`,
    params,
  );
  return result.length;
}

/** Gives an SLA version without consultation hours the ones given (a version that has them keeps its own). */
export async function fillConsultationHours(manager: EntityManager, severity: string, validFrom: string, hours: number): Promise<void> {
  await manager.query(`UPDATE sla_policy SET consultation_hours = $3 WHERE severity = $1 AND valid_from = $2 AND consultation_hours IS NULL`, [severity, validFrom, hours]);
}
