import { randomUUID } from 'node:crypto';
import { context, trace } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import { chainHash, type AuditEntry } from './audit-hash';

export interface AuditInput {
  actor: { userId: string; agencyCode: string } | null;
  action: string;
  targetType: string;
  targetId: string;
  /** A before/after summary for people; never tokens, passwords or document contents. */
  summary?: Record<string, unknown>;
}

/**
 * Appends an audit entry inside the caller's transaction: the entry exists if and only if the
 * change it records committed. Writers lock the chain head, so links are appended in order.
 */
export async function appendAudit(manager: EntityManager, input: AuditInput): Promise<AuditEntry & { hash: string }> {
  const [head] = await manager.query(`SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE`);
  if (!head) throw new Error('audit_head is missing: run the service migrations');
  const spanContext = trace.getSpan(context.active())?.spanContext();
  const entry: AuditEntry = {
    seq: Number(head.last_seq) + 1,
    id: randomUUID(),
    at: new Date().toISOString(),
    actorUserId: input.actor?.userId ?? null,
    actorAgency: input.actor?.agencyCode ?? null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    summary: input.summary ?? {},
    traceId: spanContext?.traceId ?? null,
  };
  const hash = chainHash(head.last_hash, entry);
  await manager.query(
    `INSERT INTO audit_log (seq, id, at, actor_user_id, actor_agency, action, target_type, target_id, summary, trace_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12)`,
    [entry.seq, entry.id, entry.at, entry.actorUserId, entry.actorAgency, entry.action, entry.targetType, entry.targetId, JSON.stringify(entry.summary), entry.traceId, head.last_hash, hash],
  );
  await manager.query(`UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1`, [entry.seq, hash]);
  return { ...entry, hash };
}
