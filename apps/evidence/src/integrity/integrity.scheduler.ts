import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventSubjects, type EvidenceIntegrityFailedEvent } from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DueWorkPoller, appendAuditEntries, deadlineTableStatements, queryRows } from '@phoi-hop/persistence';
import { BLOB_STORE, type BlobStore } from '../storage/blob-store';

export const INTEGRITY_SETTINGS = Symbol('INTEGRITY_SETTINGS');

export interface IntegritySettings {
  enabled: boolean;
  intervalMs: number;
  /** How often due runs are looked for. */
  pollMs: number;
}

interface StoredBlobRow {
  sha256: string;
  item_ids: string[];
  case_ids: string[];
}

/**
 * The scheduled integrity check: re-hashes every stored blob (item parts and packages) and raises
 * `evt.evidence.integrity.failed` once per blob found changed or missing (a finding stays open until
 * the blob verifies again). Runs are rows of integrity_run claimed with SKIP LOCKED, so each fires
 * once whatever the number of replicas; each run schedules the next.
 */
@Injectable()
export class IntegrityScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IntegrityScheduler.name);
  private readonly poller: DueWorkPoller<{ id: string }>;

  constructor(
    private readonly dataSource: DataSource,
    relay: OutboxRelay,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(INTEGRITY_SETTINGS) private readonly settings: IntegritySettings,
  ) {
    this.poller = new DueWorkPoller<{ id: string }>(dataSource, {
      ...deadlineTableStatements('integrity_run', []),
      handle: (manager, run) => this.check(manager, run.id),
      intervalMs: settings.pollMs,
      maxAttempts: 3,
      onError: (error, run) => this.logger.error(`Integrity run ${run.id} failed, will retry: ${String((error as Error)?.message ?? error)}`),
      afterWork: () => relay.kick(),
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.enabled) this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }

  /** Schedules a run now and runs what is due (operators and tests; the poller does it on its own). */
  async runNow(): Promise<number> {
    await this.dataSource.query(`INSERT INTO integrity_run (id, due_at) VALUES ($1, now())`, [randomUUID()]);
    return this.poller.tick();
  }

  private async check(manager: EntityManager, runId: string): Promise<void> {
    const blobs = await queryRows<StoredBlobRow>(
      manager,
      `SELECT sha256, array_agg(DISTINCT item_id) FILTER (WHERE item_id IS NOT NULL) AS item_ids, array_agg(DISTINCT case_id) AS case_ids FROM (
         SELECT p.sha256, p.item_id, i.case_id FROM evidence_part p JOIN evidence_item i ON i.id = p.item_id
         UNION ALL SELECT sha256, NULL, case_id FROM evidence_package) b
       GROUP BY sha256 ORDER BY sha256`,
    );
    const now = new Date();
    const failedCases = new Map<string, number>();
    const checkedCases = new Map<string, number>();
    let failed = 0;
    for (const blob of blobs) {
      const itemIds = blob.item_ids ?? [];
      for (const caseId of blob.case_ids) checkedCases.set(caseId, (checkedCases.get(caseId) ?? 0) + 1);
      const actual = await this.blobs.rehash(blob.sha256);
      if (actual === blob.sha256) {
        await manager.query(`UPDATE integrity_finding SET resolved_at = $2 WHERE sha256 = $1 AND resolved_at IS NULL`, [blob.sha256, now]);
        continue;
      }
      failed++;
      for (const caseId of blob.case_ids) failedCases.set(caseId, (failedCases.get(caseId) ?? 0) + 1);
      const failure = actual === null ? 'MISSING' : 'MISMATCH';
      const [opened] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO integrity_finding (id, sha256, failure, actual_sha256, detected_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (sha256) WHERE resolved_at IS NULL DO NOTHING RETURNING id`,
        [randomUUID(), blob.sha256, failure, actual, now],
      );
      if (!opened) continue;
      await appendToOutbox<EvidenceIntegrityFailedEvent>(manager, [
        {
          subject: EventSubjects.evidence.integrityFailed,
          aggregateId: blob.case_ids[0] ?? blob.sha256,
          visibleTo: [],
          data: { sha256: blob.sha256, failure, actualSha256: actual, itemIds, caseIds: blob.case_ids, detectedAt: now.toISOString() },
        },
      ]);
      await appendAuditEntries(
        manager,
        blob.case_ids.map((caseId) => ({
          actor: null,
          action: 'evidence.integrity-failed',
          targetType: 'blob',
          targetId: blob.sha256,
          summary: { caseId, failure, actualSha256: actual, itemIds },
        })),
      );
    }
    await manager.query(`UPDATE evidence_item SET last_verified_at = $1, integrity_status = CASE WHEN id = ANY($2::uuid[]) THEN 'FAILED' ELSE 'OK' END`, [
      now,
      await this.failedItemIds(manager),
    ]);
    // Every check is in the custody log of each case it covered.
    await appendAuditEntries(
      manager,
      [...checkedCases].map(([caseId, checked]) => ({
        actor: null,
        action: 'evidence.integrity-checked',
        targetType: 'integrity-run',
        targetId: runId,
        summary: { caseId, checked, failed: failedCases.get(caseId) ?? 0 },
      })),
    );
    await manager.query(`UPDATE integrity_run SET checked = $2, failed = $3 WHERE id = $1`, [runId, blobs.length, failed]);
    // The next run, unless one is already waiting (a run asked for by an operator does not start a second chain).
    await manager.query(
      `INSERT INTO integrity_run (id, due_at) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM integrity_run WHERE fired_at IS NULL AND cancelled_at IS NULL AND id <> $3)`,
      [randomUUID(), new Date(now.getTime() + this.settings.intervalMs), runId],
    );
  }

  /** Items with a part whose blob has an open finding. */
  private async failedItemIds(manager: EntityManager): Promise<string[]> {
    const rows = await queryRows<{ item_id: string }>(
      manager,
      `SELECT DISTINCT p.item_id FROM evidence_part p JOIN integrity_finding f ON f.sha256 = p.sha256 AND f.resolved_at IS NULL`,
    );
    return rows.map((r) => r.item_id);
  }
}
