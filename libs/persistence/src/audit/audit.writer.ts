import { randomUUID } from 'node:crypto';
import { context, trace } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import { SqlBatch } from '../sql-batch';
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

/** The head of a service's audit chain: the last entry's number and hash. */
export interface AuditHead {
  lastSeq: number;
  lastHash: string;
}

/** Locks the chain head until commit and reads it. */
export async function lockAuditHead(manager: EntityManager): Promise<AuditHead> {
  const [head] = await manager.query(`SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE`);
  if (!head) throw new Error('audit_head is missing: run the service migrations');
  return { lastSeq: Number(head.last_seq), lastHash: head.last_hash };
}

/**
 * Appends several entries, in order, with one lock of the chain head and one insert: what a
 * transaction that records many changes at once (a batch of submissions) writes. Each entry keeps
 * its own actor and, when given, the trace id of the request it records.
 */
export async function appendAuditEntries(manager: EntityManager, inputs: AuditEntryInput[]): Promise<Array<AuditEntry & { hash: string }>> {
  if (inputs.length === 0) return [];
  const batch = new SqlBatch();
  const written = addAuditEntries(batch, await lockAuditHead(manager), inputs);
  await batch.execute(manager);
  return written;
}

export type AuditEntryInput = AuditInput & { traceId?: string | null };

/**
 * Adds to `batch` the entries chained after `head` (which the caller locked in this transaction)
 * and the head's move: the entries are written when the batch is.
 */
export function addAuditEntries(batch: SqlBatch, head: AuditHead, inputs: AuditEntryInput[]): Array<AuditEntry & { hash: string }> {
  if (inputs.length === 0) return [];
  const activeTraceId = trace.getSpan(context.active())?.spanContext().traceId ?? null;
  const at = new Date().toISOString();
  let seq = head.lastSeq;
  let prevHash = head.lastHash;
  const written: Array<AuditEntry & { hash: string }> = [];
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
    const p = (value: unknown, cast?: string) => batch.param(value, cast);
    rows.push(
      `(${p(entry.seq, 'bigint')}, ${p(entry.id, 'uuid')}, ${p(entry.at, 'timestamptz')}, ${p(entry.actorUserId, 'text')}, ${p(entry.actorAgency, 'text')}, ${p(entry.action, 'text')}, ${p(entry.targetType, 'text')}, ${p(entry.targetId, 'text')}, ${p(JSON.stringify(entry.summary), 'jsonb')}, ${p(entry.traceId, 'text')}, ${p(prevHash, 'text')}, ${p(hash, 'text')})`,
    );
    written.push({ ...entry, hash });
    prevHash = hash;
  }
  batch.add(
    `INSERT INTO audit_log (seq, id, at, actor_user_id, actor_agency, action, target_type, target_id, summary, trace_id, prev_hash, hash) VALUES ${rows.join(', ')}`,
  );
  batch.add(`UPDATE audit_head SET last_seq = ${batch.param(seq, 'bigint')}, last_hash = ${batch.param(prevHash, 'text')} WHERE id = 1`);
  return written;
}
