import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DueWorkPoller } from '@phoi-hop/persistence';
import { feedPollerStatements, type FeedRow } from './digest.repository';
import type { DigestTerm } from './digest.rules';
import { DIGEST_SETTINGS, type DigestSettings } from './digest.settings';
import { DigestService } from './digest.service';

/**
 * Polls the feeds that are due, each once across replicas: a due feed's row is claimed with
 * SKIP LOCKED and stays locked while it is fetched and its items are stored, and its next poll
 * time (interval, or back-off after a failure) is written in the same transaction.
 */
@Injectable()
export class DigestFeedPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DigestFeedPoller.name);
  private readonly poller: DueWorkPoller<FeedRow>;
  /** The terms are read once per tick, not once per feed. */
  private terms: { at: number; terms: Promise<DigestTerm[]> } | null = null;

  constructor(
    dataSource: DataSource,
    private readonly digest: DigestService,
    @Inject(DIGEST_SETTINGS) private readonly settings: DigestSettings,
  ) {
    this.poller = new DueWorkPoller<FeedRow>(dataSource, {
      ...feedPollerStatements(),
      handle: async (manager, feed) => {
        await this.digest.pollFeed(manager, feed, await this.currentTerms());
      },
      intervalMs: settings.tickMs,
      batchSize: 50,
      onError: (error, feed) => this.logger.error(`Feed ${feed.id} could not be polled, will retry: ${String((error as Error)?.message ?? error)}`),
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.pollerEnabled) this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }

  /** Polls every feed due now (tests and operators; the poller calls it on its own otherwise). */
  async runDue(): Promise<number> {
    this.terms = null;
    return this.poller.tick();
  }

  private currentTerms(): Promise<DigestTerm[]> {
    if (!this.terms || Date.now() - this.terms.at > this.settings.tickMs / 2) {
      const terms = this.digest.terms();
      terms.catch(() => (this.terms = null));
      this.terms = { at: Date.now(), terms };
    }
    return this.terms.terms;
  }
}
