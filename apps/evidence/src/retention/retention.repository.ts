import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EvidencePartRole } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

export interface ExpiredItemRow {
  id: string;
  case_id: string;
  case_number: string;
  sha256: string;
  size_bytes: string;
  visible_agencies: string[];
  closed_at: Date;
}

export interface PurgedPackageRow {
  id: string;
  case_id: string;
  sha256: string;
}

/** Case closures, items past their retention, tombstones and the queue of blobs to delete. */
@Injectable()
export class RetentionRepository {
  async recordClosure(manager: EntityManager, caseId: string, status: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO case_closure (case_id, status, closed_at) VALUES ($1, $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET status = EXCLUDED.status, closed_at = EXCLUDED.closed_at`,
      [caseId, status, at],
    );
  }

  async clearClosure(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(`DELETE FROM case_closure WHERE case_id = $1`, [caseId]);
  }

  /**
   * Items of cases closed more than `days` ago, not purged and not on legal hold, locked for the
   * purge; an item whose hold is being placed right now is locked by that and skipped (it is held).
   */
  async lockExpired(manager: EntityManager, days: number, limit: number): Promise<ExpiredItemRow[]> {
    return queryRows<ExpiredItemRow>(
      manager,
      `SELECT i.id, i.case_id, i.case_number, i.sha256, i.size_bytes, i.visible_agencies, c.closed_at
         FROM evidence_item i JOIN case_closure c ON c.case_id = i.case_id
        WHERE i.purged_at IS NULL AND i.legal_hold_reason IS NULL AND c.closed_at <= now() - make_interval(days => $1)
        ORDER BY c.closed_at, i.captured_at, i.id
        LIMIT $2
          FOR UPDATE OF i SKIP LOCKED`,
      [days, limit],
    );
  }

  /**
   * Deletes an item's content rows (parts, picture hashes, indicators, trusted timestamp) and its descriptive fields,
   * leaving the item row with its hash and size and a tombstone; returns the parts' hashes.
   */
  async purgeItem(
    manager: EntityManager,
    item: ExpiredItemRow,
    tombstone: { purgedAt: Date; purgedBy: string; runId: string; retentionDays: number },
  ): Promise<{ role: EvidencePartRole; sha256: string; sizeBytes: number }[]> {
    const parts = await queryRows<{ role: EvidencePartRole; sha256: string; size_bytes: string }>(
      manager,
      `DELETE FROM evidence_part WHERE item_id = $1 RETURNING role, sha256, size_bytes`,
      [item.id],
    );
    const kept = parts.map((p) => ({ role: p.role, sha256: p.sha256, sizeBytes: Number(p.size_bytes) })).sort((a, b) => a.role.localeCompare(b.role));
    await manager.query(`DELETE FROM image_hash WHERE item_id = $1`, [item.id]);
    await manager.query(`DELETE FROM content_indicator WHERE item_id = $1`, [item.id]);
    // Its trusted timestamp too: a granted token goes with the content, and one still pending or
    // failed is no longer requested (the authority would be asked to timestamp purged evidence).
    await manager.query(`DELETE FROM evidence_timestamp WHERE id = $1`, [item.id]);
    await manager.query(`UPDATE evidence_item SET purged_at = $2, source_url = NULL, file_name = NULL, note = NULL, screenshot_note = NULL WHERE id = $1`, [
      item.id,
      tombstone.purgedAt,
    ]);
    await manager.query(
      `INSERT INTO evidence_tombstone (item_id, case_id, sha256, size_bytes, parts, purged_at, purged_by, run_id, case_closed_at, retention_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        item.id,
        item.case_id,
        item.sha256,
        item.size_bytes,
        JSON.stringify(kept),
        tombstone.purgedAt,
        tombstone.purgedBy,
        tombstone.runId,
        item.closed_at,
        tombstone.retentionDays,
      ],
    );
    return kept;
  }

  /** Marks purged every package none of whose items is left. */
  async purgeEmptiedPackages(manager: EntityManager, at: Date): Promise<PurgedPackageRow[]> {
    return queryRows<PurgedPackageRow>(
      manager,
      `UPDATE evidence_package p SET purged_at = $1
        WHERE p.purged_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM evidence_item i WHERE i.id = ANY(p.item_ids) AND i.purged_at IS NULL)
        RETURNING p.id, p.case_id, p.sha256`,
      [at],
    );
  }

  async queueBlobDeletion(manager: EntityManager, sha256s: string[], at: Date): Promise<void> {
    if (!sha256s.length) return;
    await manager.query(`INSERT INTO blob_deletion (sha256, queued_at) SELECT DISTINCT s, $2::timestamptz FROM unnest($1::text[]) s ON CONFLICT DO NOTHING`, [
      [...new Set(sha256s)],
      at,
    ]);
  }

  /** One queued blob, locked; `referenced`: an item part or an unpurged package still holds the same bytes. */
  async claimQueuedBlob(manager: EntityManager, skip: string[]): Promise<{ sha256: string; referenced: boolean } | null> {
    const [row] = await queryRows<{ sha256: string; referenced: boolean }>(
      manager,
      `SELECT q.sha256,
              EXISTS (SELECT 1 FROM evidence_part p WHERE p.sha256 = q.sha256)
              OR EXISTS (SELECT 1 FROM evidence_package k WHERE k.sha256 = q.sha256 AND k.purged_at IS NULL) AS referenced
         FROM blob_deletion q WHERE NOT (q.sha256 = ANY($1::text[])) ORDER BY q.queued_at, q.sha256 LIMIT 1 FOR UPDATE OF q SKIP LOCKED`,
      [skip],
    );
    return row ?? null;
  }

  async dequeueBlob(manager: EntityManager, sha256: string): Promise<void> {
    await manager.query(`DELETE FROM blob_deletion WHERE sha256 = $1`, [sha256]);
  }

  async finishRun(manager: EntityManager, runId: string, purged: number, next: { id: string; dueAt: Date }): Promise<void> {
    await manager.query(`UPDATE retention_run SET purged = $2 WHERE id = $1`, [runId, purged]);
    // The next run, unless one is already waiting (a run asked for by an operator does not start a second chain).
    await manager.query(
      `INSERT INTO retention_run (id, due_at) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM retention_run WHERE fired_at IS NULL AND cancelled_at IS NULL AND id <> $3)`,
      [next.id, next.dueAt, runId],
    );
  }

  async scheduleNow(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`INSERT INTO retention_run (id, due_at) VALUES ($1, now())`, [id]);
  }
}
