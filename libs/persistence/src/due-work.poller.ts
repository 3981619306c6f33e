import type { DataSource, EntityManager } from 'typeorm';
import { dueWorkOldestSeconds, dueWorkPending, inFlightWork } from '@phoi-hop/observability';
import { queryRows } from './transaction.util';

export interface DueWorkOptions<T> {
  /**
   * Claims at most one due item: a SELECT ending in `FOR UPDATE SKIP LOCKED` (so N replicas never
   * claim the same item), skipping items that failed `maxAttempts` times ($1) and the ids that
   * failed earlier in this tick ($2, a uuid array).
   */
  claimSql: string;
  /** What the poller fires (e.g. its table), in logs. */
  name?: string;
  /** Marks the claimed item done, in the same transaction as its handling ($1 = the item's id). */
  doneSql: string;
  /** Records a failed attempt outside the rolled-back transaction ($1 = id, $2 = the error message). */
  failedSql: string;
  handle(manager: EntityManager, item: T): Promise<void>;
  intervalMs: number;
  /** Items handled per tick at most, so one tick cannot run forever. */
  batchSize?: number;
  maxAttempts?: number;
  onError?(error: unknown, item: T): void;
  /** After a tick that handled items (e.g. to kick the outbox relay). */
  afterWork?(handled: number): void;
  /**
   * Counts the stored work for the `phoihop_due_work_*` gauges after each tick ($1 = maxAttempts):
   * one row of `due`, `stuck`, `scheduled` and `oldest_due_seconds`. Labelled by `queue`.
   */
  backlog?: { queue: string; sql: string };
}

interface BacklogRow {
  due: number;
  stuck: number;
  scheduled: number;
  oldest_due_seconds: number;
}

/**
 * The claim, done and failed statements for a deadline table of the usual shape: `id`, `due_at`,
 * `fired_at`, `cancelled_at`, `attempts`, `last_error`, selecting `columns` of the claimed row.
 */
export function deadlineTableStatements(
  table: string,
  columns: string[],
): Pick<DueWorkOptions<{ id: string }>, 'name' | 'claimSql' | 'doneSql' | 'failedSql' | 'backlog'> {
  return {
    name: table,
    // The partial index on due_at (fired_at IS NULL AND cancelled_at IS NULL) keeps this to the open rows.
    backlog: {
      queue: table,
      sql: `SELECT count(*) FILTER (WHERE due_at <= now() AND attempts < $1)::int AS due,
                   count(*) FILTER (WHERE attempts >= $1)::int AS stuck,
                   count(*) FILTER (WHERE due_at > now() AND attempts < $1)::int AS scheduled,
                   coalesce(extract(epoch FROM now() - min(due_at) FILTER (WHERE due_at <= now() AND attempts < $1)), 0)::float8 AS oldest_due_seconds
              FROM ${table} WHERE fired_at IS NULL AND cancelled_at IS NULL`,
    },
    claimSql: `SELECT ${['id', ...columns].join(', ')} FROM ${table}
                WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= now() AND attempts < $1 AND NOT (id = ANY($2::uuid[]))
                ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    doneSql: `UPDATE ${table} SET fired_at = now() WHERE id = $1`,
    failedSql: `UPDATE ${table} SET attempts = attempts + 1, last_error = $2 WHERE id = $1`,
  };
}

/**
 * Runs due work stored in a table (deadlines, reminders) exactly once across replicas and
 * restarts: each item is claimed with SKIP LOCKED and marked done in the transaction that handles
 * it, so a crash rolls the claim back and another tick or replica takes it over. A failing item is
 * retried on later ticks until `maxAttempts`, without holding up the items behind it.
 */
export class DueWorkPoller<T extends { id: string }> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;
  private closing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: DueWorkOptions<T>,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.closing = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Handles every item due now (up to the batch size); returns how many were handled. */
  tick(): Promise<number> {
    return inFlightWork().track(`due work ${this.options.name ?? 'poller'}`, () => this.handleDue());
  }

  private async handleDue(): Promise<number> {
    const batch = this.options.batchSize ?? 100;
    const maxAttempts = this.options.maxAttempts ?? 10;
    let handled = 0;
    const failed = new Set<string>();
    while (!this.closing && handled + failed.size < batch) {
      let claimed: T | undefined;
      try {
        claimed = await this.dataSource.transaction(async (manager) => {
          const [item] = await queryRows<T>(manager, this.options.claimSql, [maxAttempts, [...failed]]);
          if (!item) return undefined;
          try {
            await this.options.handle(manager, item);
          } catch (error) {
            throw new HandlingFailed(item, error);
          }
          await manager.query(this.options.doneSql, [item.id]);
          return item;
        });
      } catch (error) {
        if (!(error instanceof HandlingFailed)) throw error;
        failed.add(error.item.id);
        this.options.onError?.(error.cause, error.item as T);
        await this.dataSource.query(this.options.failedSql, [error.item.id, String((error.cause as Error)?.message ?? error.cause).slice(0, 500)]);
        continue;
      }
      if (!claimed) break;
      handled++;
    }
    if (handled > 0) this.options.afterWork?.(handled);
    if (!this.closing) await this.measureBacklog(maxAttempts);
    return handled;
  }

  /** Sets the backlog gauges from the table (what is left after this tick). */
  async measureBacklog(maxAttempts = this.options.maxAttempts ?? 10): Promise<void> {
    const backlog = this.options.backlog;
    if (!backlog) return;
    let row: BacklogRow | undefined;
    try {
      [row] = await queryRows<BacklogRow>(this.dataSource.manager, backlog.sql, [maxAttempts]);
    } catch {
      // A measurement must never hold up the deadlines: the gauges keep their last values.
      return;
    }
    if (!row) return;
    for (const state of ['due', 'stuck', 'scheduled'] as const) dueWorkPending().set({ queue: backlog.queue, state }, Number(row[state]));
    dueWorkOldestSeconds().set({ queue: backlog.queue }, Number(row.oldest_due_seconds));
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.tick().catch((error: unknown) => {
        this.options.onError?.(error, { id: '?' } as T);
        return 0;
      });
      void this.running.finally(() => this.schedule(this.options.intervalMs));
    }, delayMs);
  }
}

class HandlingFailed extends Error {
  constructor(
    readonly item: { id: string },
    override readonly cause: unknown,
  ) {
    super('handling failed');
  }
}
