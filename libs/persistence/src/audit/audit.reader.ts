import type { DataSource } from 'typeorm';
import type { AuditEntryDto, AuditTrailRequest, AuditTrailResponse } from '@phoi-hop/contracts';

/** The audit entries of one target in a service's chain, newest first, by pages. */
export async function readAuditTrail(dataSource: DataSource, service: string, request: AuditTrailRequest): Promise<AuditTrailResponse> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT seq, id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_user_id, actor_agency,
            action, target_type, target_id, summary, trace_id, hash
       FROM audit_log
      WHERE target_id = $1 AND ($2::bigint IS NULL OR seq < $2)
      ORDER BY seq DESC LIMIT $3`,
    [request.targetId, request.beforeSeq ?? null, request.first + 1],
  );
  const entries = rows.slice(0, request.first).map<AuditEntryDto>((row) => ({
    service,
    seq: Number(row['seq']),
    id: String(row['id']),
    at: String(row['at']),
    actorUserId: (row['actor_user_id'] as string | null) ?? null,
    actorAgency: (row['actor_agency'] as string | null) ?? null,
    action: String(row['action']),
    targetType: String(row['target_type']),
    targetId: String(row['target_id']),
    summary: row['summary'] as Record<string, unknown>,
    traceId: (row['trace_id'] as string | null) ?? null,
    hash: String(row['hash']),
  }));
  return { entries, hasMore: rows.length > request.first };
}
