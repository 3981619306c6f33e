import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventSubjects, type EvidenceItemPurgedEvent } from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DueWorkPoller, appendAuditEntries, deadlineTableStatements } from '@phoi-hop/persistence';
import { BLOB_STORE, type BlobStore } from '../storage/blob-store';
import { RetentionRepository } from './retention.repository';

export const RETENTION_SETTINGS = Symbol('RETENTION_SETTINGS');

export interface RetentionSettings {
  enabled: boolean;
  /** Days after a case is closed or dismissed (EVIDENCE_RETENTION_DAYS). */
  days: number;
  intervalMs: number;
  /** How often due runs are looked for. */
  pollMs: number;
  /** Items purged per run at most; a run that reaches it has the next one due at once. */
  batchSize?: number;
}

/** Who purged, in tombstones: the scheduled job, not a person. */
export const RETENTION_PURGER = 'system:retention-purge';

/**
 * The retention purge: evidence of a case closed or dismissed more than EVIDENCE_RETENTION_DAYS ago
 * loses its content (blobs, text, picture hashes, indicators, its trusted timestamp), unless the item is on legal hold;
 * the item row stays as a tombstone with its hash and size, with a custody-log entry and
 * `evt.evidence.item.purged`. A package goes when every item in it has. Runs are rows of
 * retention_run claimed with SKIP LOCKED, so each fires once whatever the number of replicas.
 * Blobs are deleted after the run commits, from a queue: a crash in between leaves them queued for
 * the next run, never rows that point at deleted bytes.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionScheduler.name);
  private readonly poller: DueWorkPoller<{ id: string }>;
  private deleting: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly dataSource: DataSource,
    private readonly retention: RetentionRepository,
    relay: OutboxRelay,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(RETENTION_SETTINGS) private readonly settings: RetentionSettings,
  ) {
    this.poller = new DueWorkPoller<{ id: string }>(dataSource, {
      ...deadlineTableStatements('retention_run', []),
      handle: (manager, run) => this.purge(manager, run.id),
      intervalMs: settings.pollMs,
      maxAttempts: 3,
      onError: (error, run) => this.logger.error(`Retention run ${run.id} failed, will retry: ${String((error as Error)?.message ?? error)}`),
      afterWork: () => {
        relay.kick();
        this.deleting = this.deleting.then(() => this.deleteQueuedBlobs());
      },
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.enabled) this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
    await this.deleting.catch(() => undefined);
  }

  /** Schedules a run now, runs what is due and deletes the blobs it freed (operators and tests). */
  async runNow(): Promise<number> {
    await this.retention.scheduleNow(this.dataSource.manager, randomUUID());
    const runs = await this.poller.tick();
    await this.deleting.catch(() => undefined);
    await this.deleteQueuedBlobs();
    return runs;
  }

  private async purge(manager: EntityManager, runId: string): Promise<void> {
    const now = new Date();
    const limit = this.settings.batchSize ?? 1_000;
    const expired = await this.retention.lockExpired(manager, this.settings.days, limit);
    const freed: string[] = [];
    for (const item of expired) {
      const parts = await this.retention.purgeItem(manager, item, { purgedAt: now, purgedBy: RETENTION_PURGER, runId, retentionDays: this.settings.days });
      freed.push(...parts.map((p) => p.sha256));
      await appendToOutbox<EvidenceItemPurgedEvent>(manager, [
        {
          subject: EventSubjects.evidence.itemPurged,
          aggregateId: item.case_id,
          visibleTo: item.visible_agencies,
          data: {
            itemId: item.id,
            caseId: item.case_id,
            caseNumber: item.case_number,
            sha256: item.sha256,
            sizeBytes: Number(item.size_bytes),
            purgedAt: now.toISOString(),
            caseClosedAt: item.closed_at.toISOString(),
            retentionDays: this.settings.days,
          },
        },
      ]);
      await appendAuditEntries(manager, [
        {
          actor: null,
          action: 'evidence.purged',
          targetType: 'evidence-item',
          targetId: item.id,
          summary: {
            caseId: item.case_id,
            sha256: item.sha256,
            sizeBytes: Number(item.size_bytes),
            parts: parts.map((p) => `${p.role}:${p.sha256}`),
            caseClosedAt: item.closed_at.toISOString(),
            retentionDays: this.settings.days,
            runId,
          },
        },
      ]);
    }
    const packages = await this.retention.purgeEmptiedPackages(manager, now);
    freed.push(...packages.map((p) => p.sha256));
    await appendAuditEntries(
      manager,
      packages.map((p) => ({
        actor: null,
        action: 'evidence.package-purged',
        targetType: 'evidence-package',
        targetId: p.id,
        summary: { caseId: p.case_id, sha256: p.sha256, runId },
      })),
    );
    await this.retention.queueBlobDeletion(manager, freed, now);
    const dueAt = expired.length >= limit ? now : new Date(now.getTime() + this.settings.intervalMs);
    await this.retention.finishRun(manager, runId, expired.length, { id: randomUUID(), dueAt });
  }

  /** Deletes the queued blobs that nothing refers to any more (the same bytes may be evidence of another item). */
  private async deleteQueuedBlobs(): Promise<number> {
    const failed: string[] = [];
    let deleted = 0;
    for (;;) {
      let current: string | null = null;
      try {
        const claimed = await this.dataSource.transaction(async (manager) => {
          const queued = await this.retention.claimQueuedBlob(manager, failed);
          if (!queued) return false;
          current = queued.sha256;
          if (!queued.referenced) await this.blobs.delete(queued.sha256);
          await this.retention.dequeueBlob(manager, queued.sha256);
          if (!queued.referenced) deleted++;
          return true;
        });
        if (!claimed) return deleted;
      } catch (error) {
        // Left queued (the claim rolled back): the next run tries it again.
        this.logger.error(`Purged blob ${current ?? '?'} could not be deleted, kept queued: ${String((error as Error)?.message ?? error)}`);
        if (current === null) return deleted;
        failed.push(current);
      }
    }
  }
}
