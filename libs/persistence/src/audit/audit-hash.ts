import { createHash } from 'node:crypto';

/** The first link's "previous hash". */
export const GENESIS_HASH = '0'.repeat(64);

/** What an audit entry records (no secrets: summaries are written by the caller for people). */
export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actorUserId: string | null;
  actorAgency: string | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: Record<string, unknown>;
  traceId: string | null;
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
