import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DueWorkPoller } from '@phoi-hop/persistence';
import type { FeedRow } from './digest.repository';
import type { DigestTerm } from './digest.rules';
import { DIGEST_SETTINGS, type DigestSettings } from './digest.settings';
import { DigestService } from './digest.service';

/** How long a feed waits when it could not be polled for a reason of ours (the directory did not answer). */
const RETRY_AFTER_OWN_FAILURE = "interval '1 minute'";

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
      name: 'digest_feed',
      claimSql: `SELECT * FROM digest_feed
                  WHERE enabled AND next_poll_at <= now() AND $1::int > 0 AND NOT (id = ANY($2::uuid[]))
                  ORDER BY next_poll_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      // The poll itself wrote the next poll time; nothing is left to mark.
      doneSql: `SELECT $1::uuid`,
      // The feed's health is not touched: the failure was not the feed's ($2, the message, is logged by onError).
      failedSql: `UPDATE digest_feed SET next_poll_at = now() + ${RETRY_AFTER_OWN_FAILURE} WHERE id = $1 AND $2::text IS NOT NULL`,
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
