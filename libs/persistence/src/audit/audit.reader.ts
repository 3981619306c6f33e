import type { DataSource } from 'typeorm';
import type { AuditEntryDto, AuditTrailRequest, AuditTrailResponse } from '@phoi-hop/contracts';
import { AUDIT_COLUMNS, auditEntryOf } from './audit-hash';

/** The audit entries of one target in a service's chain, newest first, by pages. */
export async function readAuditTrail(dataSource: DataSource, service: string, request: AuditTrailRequest): Promise<AuditTrailResponse> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT ${AUDIT_COLUMNS}
       FROM audit_log
      WHERE target_id = $1 AND ($2::bigint IS NULL OR seq < $2)
      ORDER BY seq DESC LIMIT $3`,
    [request.targetId, request.beforeSeq ?? null, request.first + 1],
  );
  const [count] = (await dataSource.query(`SELECT count(*)::int AS total FROM audit_log WHERE target_id = $1`, [request.targetId])) as { total: number }[];
  const entries = rows.slice(0, request.first).map<AuditEntryDto>((row) => ({ ...auditEntryOf(row), service, hash: String(row['hash']) }));
  return { entries, hasMore: rows.length > request.first, totalCount: count?.total ?? 0 };
}
