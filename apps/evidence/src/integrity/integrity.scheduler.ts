import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventSubjects, type EvidenceIntegrityFailedEvent } from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DueWorkPoller, appendAuditEntries, deadlineTableStatements } from '@phoi-hop/persistence';
import { BLOB_STORE, type BlobStore } from '../storage/blob-store';
import { IntegrityRepository } from './integrity.repository';

export const INTEGRITY_SETTINGS = Symbol('INTEGRITY_SETTINGS');

export interface IntegritySettings {
  enabled: boolean;
  intervalMs: number;
  /** How often due runs are looked for. */
  pollMs: number;
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
    private readonly integrity: IntegrityRepository,
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
    await this.integrity.scheduleNow(this.dataSource.manager);
    return this.poller.tick();
  }

  private async check(manager: EntityManager, runId: string): Promise<void> {
    const blobs = await this.integrity.storedBlobs(manager);
    const now = new Date();
    const failedCases = new Map<string, number>();
    const checkedCases = new Map<string, number>();
    let failed = 0;
    for (const blob of blobs) {
      const itemIds = blob.item_ids ?? [];
      for (const caseId of blob.case_ids) checkedCases.set(caseId, (checkedCases.get(caseId) ?? 0) + 1);
      const actual = await this.blobs.rehash(blob.sha256);
      if (actual === blob.sha256) {
        await this.integrity.resolveFinding(manager, blob.sha256, now);
        continue;
      }
      failed++;
      for (const caseId of blob.case_ids) failedCases.set(caseId, (failedCases.get(caseId) ?? 0) + 1);
      const failure = actual === null ? 'MISSING' : 'MISMATCH';
      if (!(await this.integrity.openFinding(manager, { sha256: blob.sha256, failure, actualSha256: actual, detectedAt: now }))) continue;
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
    await this.integrity.markItemsVerified(manager, now);
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
    await this.integrity.recordRun(manager, runId, blobs.length, failed);
    await this.integrity.scheduleNext(manager, runId, new Date(now.getTime() + this.settings.intervalMs));
  }
}
