import { Logger, type OnApplicationBootstrap, type OnModuleDestroy, type Provider } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeadlineSettings } from './deadline.settings';
import { DueWorkPoller, deadlineTableStatements } from './due-work.poller';

/** Injection token of a service's DeadlineSettings (reminder lead, escalation agency, poll interval). */
export const DEADLINE_SETTINGS = Symbol('DEADLINE_SETTINGS');
/** Whether this process runs the deadline scheduler (every replica may: each deadline fires once). */
export const DEADLINE_SCHEDULER_ENABLED = Symbol('DEADLINE_SCHEDULER_ENABLED');

/** The providers of the two settings above, from a service's validated configuration. */
export function deadlineSettingsProviders(config: { deadlines: DeadlineSettings; schedulerEnabled: boolean }): Provider[] {
  return [
    { provide: DEADLINE_SETTINGS, useValue: config.deadlines },
    { provide: DEADLINE_SCHEDULER_ENABLED, useValue: config.schedulerEnabled },
  ];
}

export interface DeadlineSchedulerOptions {
  /** The table of due reminders and escalations (claimed with SKIP LOCKED, so N replicas fire each once). */
  table: string;
  /** The columns of a due row the scheduler reads, besides `id`. */
  columns: string[];
  settings: DeadlineSettings;
  enabled: boolean;
  /** Called after a batch fired, e.g. to wake the outbox relay so the events leave at once. */
  afterWork?: () => void;
}

/**
 * A service's reminders and escalations, fired from a deadline table: they survive restarts, fire
 * once whatever the number of replicas, and a failed one is retried. A service says only what
 * firing one deadline does (`fire`, inside the transaction that claims it).
 */
export abstract class DeadlineScheduler<Due extends { id: string }> implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private readonly poller: DueWorkPoller<Due>;
  private readonly enabled: boolean;

  protected constructor(dataSource: DataSource, options: DeadlineSchedulerOptions) {
    this.enabled = options.enabled;
    this.poller = new DueWorkPoller<Due>(dataSource, {
      ...deadlineTableStatements(options.table, options.columns),
      handle: (manager, due) => this.fire(manager, due),
      intervalMs: options.settings.pollIntervalMs,
      onError: (error, due) => this.logger.error(`Deadline ${due.id} (${options.table}) failed, will retry: ${String((error as Error)?.message ?? error)}`),
      afterWork: options.afterWork,
    });
  }

  /** Fires one due reminder or escalation; nothing when the step it waited for is done. */
  protected abstract fire(manager: EntityManager, due: Due): Promise<void>;

  onApplicationBootstrap(): void {
    if (this.enabled) this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }

  /** Fires what is due now (tests and operators; the poller calls it on its own otherwise). */
  runDue(): Promise<number> {
    return this.poller.tick();
  }
}
