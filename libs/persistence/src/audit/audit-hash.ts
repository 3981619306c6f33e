import type { AuditEntryDto } from '@phoi-hop/contracts';
import { createHash } from 'node:crypto';

/** The first link's "previous hash". */
export const GENESIS_HASH = '0'.repeat(64);

/** What an audit entry records (no secrets: summaries are written by the caller for people). */
export type AuditEntry = Omit<AuditEntryDto, 'service' | 'hash'>;

/** The columns of an entry as stored, with the time in the exact form that was hashed. */
export const AUDIT_COLUMNS = `seq, id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_user_id, actor_agency,
  action, target_type, target_id, summary, trace_id, prev_hash, hash`;

/** An entry from a row selected with AUDIT_COLUMNS. */
export function auditEntryOf(row: Record<string, unknown>): AuditEntry {
  return {
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
  };
}

/** JSON with object keys sorted at every depth: the same entry always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Each link covers the previous hash and the canonical entry. */
export function chainHash(previousHash: string, entry: AuditEntry): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(entry)).digest('hex');
}
