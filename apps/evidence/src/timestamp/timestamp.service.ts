import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DueWorkPoller, appendAudit } from '@phoi-hop/persistence';
import { requestTimestamp } from '@phoi-hop/timestamping';
import type { TimestampingSettings } from '../config/evidence.config';
import { TIMESTAMP_MAX_ATTEMPTS, TimestampRepository, timestampPollerStatements, type DueTimestamp } from './timestamp.repository';

export const TIMESTAMP_SETTINGS = Symbol('TIMESTAMP_SETTINGS');

/** The time-stamping authority's settings (null: items are not timestamped), and whether this process retries. */
export interface TimestampServiceSettings {
  tsa: TimestampingSettings | null;
  retryEnabled: boolean;
}

/**
 * RFC 3161 trusted timestamps of items' SHA-256 by the configured authority (EVIDENCE_TSA_URL):
 * scheduled in the transaction that records the item, requested right after it commits, verified
 * (imprint, nonce, signature, chain to EVIDENCE_TSA_CERTS) and stored with the item as the DER
 * token. An authority that fails never loses the item: the timestamp stays FAILED, is logged, and
 * a poller (one firing across replicas) asks again later, with doubling delays of at most 6 hours,
 * until it is granted.
 */
@Injectable()
export class TimestampService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TimestampService.name);
  private readonly poller: DueWorkPoller<DueTimestamp> | null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly timestamps: TimestampRepository,
    @Inject(TIMESTAMP_SETTINGS) private readonly settings: TimestampServiceSettings,
  ) {
    const tsa = settings.tsa;
    this.poller = tsa
      ? new DueWorkPoller<DueTimestamp>(dataSource, {
          ...timestampPollerStatements(tsa.retryIntervalMs),
          handle: (manager, due) => this.obtain(manager, due, tsa),
          intervalMs: tsa.retryIntervalMs,
          maxAttempts: TIMESTAMP_MAX_ATTEMPTS,
          onError: (error, due) => this.logger.warn(`Timestamp of item ${due.id} failed again, will retry: ${message(error)}`),
        })
      : null;
  }

  get enabled(): boolean {
    return this.settings.tsa !== null;
  }

  onApplicationBootstrap(): void {
    if (this.settings.retryEnabled) this.poller?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller?.stop();
  }

  /** In the transaction that records an item: its timestamp is to be requested (when an authority is configured). */
  async schedule(manager: EntityManager, itemId: string, sha256: string): Promise<void> {
    if (this.enabled) await this.timestamps.schedule(manager, itemId, sha256);
  }

  /** Requests an item's scheduled timestamp now (after the item's transaction committed); a failure is recorded, never thrown. */
  async stampNow(itemId: string): Promise<void> {
    const tsa = this.settings.tsa;
    if (!tsa) return;
    try {
      await this.dataSource.transaction(async (manager) => {
        const due = await this.timestamps.claim(manager, itemId);
        if (due) await this.obtain(manager, due, tsa);
      });
    } catch (error) {
      this.logger.warn(`Timestamp of item ${itemId} failed, the item is kept and the timestamp will be requested again: ${message(error)}`);
      await this.timestamps
        .failed(this.dataSource.manager, itemId, message(error), tsa.retryIntervalMs)
        .catch((failure: unknown) => this.logger.error(`Could not record the failed timestamp of item ${itemId}: ${message(failure)}`));
    }
  }

  /** Requests what is due now (operators and tests; the poller does it on its own). */
  retryDue(): Promise<number> {
    return this.poller?.tick() ?? Promise.resolve(0);
  }

  private async obtain(manager: EntityManager, due: DueTimestamp, tsa: TimestampingSettings): Promise<void> {
    const { token, verification } = await requestTimestamp(tsa.url, due.sha256, { timeoutMs: tsa.timeoutMs, trustedCertsPem: tsa.trustedCertsPem });
    await this.timestamps.granted(manager, due.id, {
      token,
      genTime: verification.genTime!,
      tsaName: verification.tsaName,
      serialNumber: verification.serialNumber,
      policy: verification.policy,
    });
    await appendAudit(manager, {
      actor: null,
      action: 'evidence.timestamped',
      targetType: 'evidence-item',
      targetId: due.id,
      summary: {
        caseId: due.case_id,
        sha256: due.sha256,
        tsaName: verification.tsaName,
        timestampedAt: verification.genTime!.toISOString(),
        serialNumber: verification.serialNumber,
      },
    });
  }
}

/** An error's message with its cause's (fetch says only "fetch failed"; its cause says what failed). */
function message(error: unknown): string {
  const e = error as (Error & { cause?: { message?: string; code?: string } }) | null;
  const cause = e?.cause?.message ?? e?.cause?.code;
  return `${String(e?.message ?? error)}${cause ? `: ${cause}` : ''}`;
}
