import { headers as natsHeaders } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import { Headers } from '@phoi-hop/contracts';
import { eventsPublished, inFlightWork, outboxLag } from '@phoi-hop/observability';

export interface OutboxRelayOptions {
  serviceName: string;
  subjectPrefix: string;
  batchSize?: number;
  /** How often the relay looks for rows nobody kicked it about (e.g. after a crash). */
  pollIntervalMs?: number;
  /** After a kick, how long to gather more commits into the same batch. */
  coalesceMs?: number;
  onError?: (error: unknown) => void;
}

interface OutboxRow {
  seq: string;
  id: string;
  subject: string;
  /** The envelope's JSON text, published as it is (no parse and re-serialisation). */
  envelope: string;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows to JetStream with `Nats-Msg-Id` = event id, then marks them
 * published. Every replica runs a relay, but their passes take turns (a transaction-level advisory
 * lock on the schema), so events reach the stream in outbox order: for one case, the order of its
 * commits (every writer locks the case row before appending its events). A crash between publish
 * and mark re-publishes on restart and JetStream drops the duplicate.
 */
export class OutboxRelay {
  private running = false;
  private kicked = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly js: JetStreamClient,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.coalesceMs = options.coalesceMs ?? 5;
  }

  private readonly coalesceMs: number;

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Tells the relay that a transaction with events has just committed. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /**
   * Stops the loop, then publishes what is still committed and unpublished, so that the events of
   * the last requests a stopping replica answered leave with it (a failure leaves them to the next
   * relay). Returns how many it published.
   */
  async stopAndFlush(): Promise<number> {
    const wasRunning = this.running || this.loop !== null;
    await this.stop();
    if (!wasRunning) return 0;
    let total = 0;
    for (;;) {
      const published = await this.relayOnce().catch((error: unknown) => {
        this.options.onError?.(error);
        return 0;
      });
      total += published;
      if (published < this.batchSize) return total;
    }
  }

  /** Publishes one batch; returns how many events it published. */
  relayOnce(): Promise<number> {
    return inFlightWork().track('outbox relay', () => this.publishBatch());
  }

  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // One pass at a time per schema, whatever the number of replicas: two passes at once could
      // publish a case's later event (claimed by one) before its earlier one (still with the other).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('outbox-relay:' || current_schema()))`);
      const rows: OutboxRow[] = await manager.query(
        // The outbox position travels in the envelope (`sequence`): consumers fold an aggregate's events in commit order by it.
        `SELECT seq, id, subject, jsonb_set(envelope, '{sequence}', to_jsonb(seq))::text AS envelope, headers FROM outbox
          WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      await Promise.all(
        rows.map((row) => {
          const hdrs = natsHeaders();
          for (const [key, value] of Object.entries(row.headers ?? {})) hdrs.set(key, value);
          hdrs.set(Headers.EVENT_TYPE, row.subject);
          return this.js.publish(`${this.options.subjectPrefix}${row.subject}`, row.envelope, {
            msgID: row.id,
            headers: hdrs,
          });
        }),
      );
      await manager.query(`UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
      for (const row of rows) eventsPublished().inc({ service: this.options.serviceName, subject: row.subject });
      return rows.length;
    });
  }

  /** Number of committed events not yet published. */
  async pending(): Promise<number> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM outbox WHERE published_at IS NULL`);
    return count;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const wasKicked = this.kicked;
      this.kicked = false;
      let published = 0;
      try {
        // Under load many commits kick the relay within a few milliseconds: publish them in one batch.
        if (wasKicked && this.coalesceMs > 0) await new Promise((resolve) => setTimeout(resolve, this.coalesceMs));
        published = await this.relayOnce();
        failures = 0;
        if (!wasKicked) outboxLag().set({ service: this.options.serviceName }, await this.pending());
      } catch (error) {
        failures++;
        this.options.onError?.(error);
      }
      if (!this.running) break;
      if (published === this.batchSize || (this.kicked && failures === 0)) continue;
      const delay = failures > 0 ? Math.min(this.pollIntervalMs * 2 ** failures, 30_000) : this.pollIntervalMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}
