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
  const [entry] = await appendAuditEntries(manager, [input]);
  return entry!;
}

/**
 * Appends several entries, in order, with one lock of the chain head and one insert: what a
 * transaction that records many changes at once (a batch of submissions) writes. Each entry keeps
 * its own actor and, when given, the trace id of the request it records.
 */
export async function appendAuditEntries(manager: EntityManager, inputs: Array<AuditInput & { traceId?: string | null }>): Promise<Array<AuditEntry & { hash: string }>> {
  if (inputs.length === 0) return [];
  const [head] = await manager.query(`SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE`);
  if (!head) throw new Error('audit_head is missing: run the service migrations');
  const activeTraceId = trace.getSpan(context.active())?.spanContext().traceId ?? null;
  const at = new Date().toISOString();
  let seq = Number(head.last_seq);
  let prevHash: string = head.last_hash;
  const written: Array<AuditEntry & { hash: string }> = [];
  const values: unknown[] = [];
  const rows: string[] = [];
  for (const input of inputs) {
    const entry: AuditEntry = {
      seq: ++seq,
      id: randomUUID(),
      at,
      actorUserId: input.actor?.userId ?? null,
      actorAgency: input.actor?.agencyCode ?? null,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      summary: input.summary ?? {},
      traceId: input.traceId !== undefined ? input.traceId : activeTraceId,
    };
    const hash = chainHash(prevHash, entry);
    const base = values.length;
    values.push(entry.seq, entry.id, entry.at, entry.actorUserId, entry.actorAgency, entry.action, entry.targetType, entry.targetId, JSON.stringify(entry.summary), entry.traceId, prevHash, hash);
    rows.push(`(${Array.from({ length: 12 }, (_, i) => `$${base + i + 1}${i === 8 ? '::jsonb' : ''}`).join(', ')})`);
    written.push({ ...entry, hash });
    prevHash = hash;
  }
  await manager.query(
    `INSERT INTO audit_log (seq, id, at, actor_user_id, actor_agency, action, target_type, target_id, summary, trace_id, prev_hash, hash) VALUES ${rows.join(', ')}`,
    values,
  );
  await manager.query(`UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1`, [seq, prevHash]);
  return written;
}
