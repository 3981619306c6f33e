import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '@phoi-hop/persistence';

/** A stored blob (item part or package) with the items and cases that hold it. */
export interface StoredBlobRow {
  sha256: string;
  /** null when only packages hold it. */
  item_ids: string[] | null;
  case_ids: string[];
}

/** The integrity check's runs and findings, and the verification state it leaves on items. */
@Injectable()
export class IntegrityRepository {
  /** A run due now (outside any transaction: the poller claims it). */
  async scheduleNow(manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO integrity_run (id, due_at) VALUES ($1, now())`, [randomUUID()]);
  }

  /** Every stored blob once, whoever holds it, in hash order. */
  async storedBlobs(manager: EntityManager): Promise<StoredBlobRow[]> {
    return queryRows<StoredBlobRow>(
      manager,
      `SELECT sha256, array_agg(DISTINCT item_id) FILTER (WHERE item_id IS NOT NULL) AS item_ids, array_agg(DISTINCT case_id) AS case_ids FROM (
         SELECT p.sha256, p.item_id, i.case_id FROM evidence_part p JOIN evidence_item i ON i.id = p.item_id
         UNION ALL SELECT sha256, NULL, case_id FROM evidence_package WHERE purged_at IS NULL) b
       GROUP BY sha256 ORDER BY sha256`,
    );
  }

  /** The blob verified again: its open finding, if any, is resolved. */
  async resolveFinding(manager: EntityManager, sha256: string, at: Date): Promise<void> {
    await manager.query(`UPDATE integrity_finding SET resolved_at = $2 WHERE sha256 = $1 AND resolved_at IS NULL`, [sha256, at]);
  }

  /** Opens a finding for the blob; false when one is open already (a blob is reported once until it verifies). */
  async openFinding(
    manager: EntityManager,
    f: { sha256: string; failure: 'MISSING' | 'MISMATCH'; actualSha256: string | null; detectedAt: Date },
  ): Promise<boolean> {
    const [opened] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO integrity_finding (id, sha256, failure, actual_sha256, detected_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sha256) WHERE resolved_at IS NULL DO NOTHING RETURNING id`,
      [randomUUID(), f.sha256, f.failure, f.actualSha256, f.detectedAt],
    );
    return opened !== undefined;
  }

  /** Every item verified at `at`: FAILED when a part's blob has an open finding, OK otherwise. */
  async markItemsVerified(manager: EntityManager, at: Date): Promise<void> {
    const failed = await queryRows<{ item_id: string }>(
      manager,
      `SELECT DISTINCT p.item_id FROM evidence_part p JOIN integrity_finding f ON f.sha256 = p.sha256 AND f.resolved_at IS NULL`,
    );
    await manager.query(`UPDATE evidence_item SET last_verified_at = $1, integrity_status = CASE WHEN id = ANY($2::uuid[]) THEN 'FAILED' ELSE 'OK' END`, [
      at,
      failed.map((r) => r.item_id),
    ]);
  }

  async recordRun(manager: EntityManager, runId: string, checked: number, failed: number): Promise<void> {
    await manager.query(`UPDATE integrity_run SET checked = $2, failed = $3 WHERE id = $1`, [runId, checked, failed]);
  }

  /** The next run at `dueAt`, unless one other than `runId` is already waiting (a run asked for by an operator does not start a second chain). */
  async scheduleNext(manager: EntityManager, runId: string, dueAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO integrity_run (id, due_at) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM integrity_run WHERE fired_at IS NULL AND cancelled_at IS NULL AND id <> $3)`,
      [randomUUID(), dueAt, runId],
    );
  }
}
