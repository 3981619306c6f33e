import { AUDIT_COLUMNS, GENESIS_HASH, auditEntryOf, chainHash } from './audit-hash';

export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface AuditVerification {
  schema: string;
  ok: boolean;
  checked: number;
  /** The first link that does not hold, and why. */
  broken?: { seq: number; id: string; reason: string };
}

const BATCH = 1000;

/**
 * Recomputes the whole chain of one schema's audit log, in order, and names the first broken link.
 * It checks the chain up to the head it reads first, so entries appended while it runs (a live
 * service) are left for the next run instead of reported as a mismatch.
 */
export async function verifyAuditChain(db: Queryable, schema: string): Promise<AuditVerification> {
  const quoted = `"${schema.replace(/"/g, '')}"`;
  const head = (await db.query(`SELECT last_seq, last_hash FROM ${quoted}.audit_head WHERE id = 1`)).rows[0];
  const lastSeq = head ? Number(head['last_seq']) : null;
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const { rows } = await db.query(
      `SELECT ${AUDIT_COLUMNS}
         FROM ${quoted}.audit_log WHERE seq >= $1 AND ($2::bigint IS NULL OR seq <= $2) ORDER BY seq LIMIT ${BATCH}`,
      [expectedSeq, lastSeq],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row['seq']);
      const id = String(row['id']);
      const fail = (reason: string): AuditVerification => ({ schema, ok: false, checked, broken: { seq, id, reason } });
      if (seq !== expectedSeq) return fail(`sequence jumps from ${expectedSeq - 1} to ${seq}: entries are missing`);
      if (row['prev_hash'] !== previousHash) return fail('previous hash does not match the link before it');
      const entry = auditEntryOf(row);
      const hash = chainHash(previousHash, entry);
      if (hash !== row['hash']) return fail('content does not match its hash: the entry was altered');
      previousHash = hash;
      expectedSeq++;
      checked++;
    }
  }
  if (head && (lastSeq !== expectedSeq - 1 || head['last_hash'] !== previousHash)) {
    return {
      schema,
      ok: false,
      checked,
      broken: { seq: expectedSeq, id: '', reason: `chain head points to ${String(lastSeq)} but the log ends at ${expectedSeq - 1}: entries were removed` },
    };
  }
  return { schema, ok: true, checked };
}

/** Schemas of this database that hold an audit log. */
export async function auditedSchemas(db: Queryable): Promise<string[]> {
  const { rows } = await db.query(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'audit_log' ORDER BY table_schema`);
  return rows.map((r) => String(r['table_schema']));
}
