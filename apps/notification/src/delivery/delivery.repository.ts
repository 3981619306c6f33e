import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeliveryDto, DeliveryStatus, FailedDeliveryFilter, NotificationChannel, NotificationPayload } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  channel: NotificationChannel;
  event_id: string;
  event_type: string;
  agency_code: string;
  payload: NotificationPayload;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  last_status_code: number | null;
  created_at: Date;
}

export interface NewDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  agencyCode: string;
  payload: NotificationPayload;
}

export function toDeliveryDto(row: DeliveryRow): DeliveryDto {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    agencyCode: row.agency_code,
    channel: row.channel,
    eventId: row.event_id,
    eventType: row.event_type,
    caseNumber: row.payload?.caseNumber ?? null,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    lastStatusCode: row.last_status_code,
    nextAttemptAt: row.status === 'PENDING' && row.next_attempt_at ? new Date(row.next_attempt_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const COLUMNS = `d.id, d.subscription_id, s.channel, d.event_id, d.event_type, d.agency_code, d.payload, d.status, d.attempts,
                 d.next_attempt_at, d.last_error, d.last_status_code, d.created_at`;

export type AttemptOutcome =
  | { kind: 'delivered'; statusCode: number | null }
  | { kind: 'retry'; error: string; statusCode: number | null; delayMs: number }
  | { kind: 'dead'; error: string; statusCode: number | null };

/** The deliveries of the failed list: FAILED (being retried), DEAD (given up), or both. */
function failedCondition(filter: FailedDeliveryFilter | undefined): string {
  if (filter === 'DEAD') return `d.status = 'DEAD'`;
  if (filter === 'FAILED') return `d.status = 'PENDING' AND d.attempts > 0`;
  return `(d.status = 'DEAD' OR (d.status = 'PENDING' AND d.attempts > 0))`;
}

@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts deliveries; one already owed for the same subscription and event is left as it is. */
  async insertMany(manager: EntityManager, deliveries: NewDelivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    const values: unknown[] = [];
    const rows = deliveries.map((delivery, index) => {
      values.push(delivery.id, delivery.subscriptionId, delivery.eventId, delivery.eventType, delivery.agencyCode, JSON.stringify(delivery.payload));
      const b = index * 6;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}::jsonb, 'PENDING', now())`;
    });
    const inserted = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO delivery (id, subscription_id, event_id, event_type, agency_code, payload, status, next_attempt_at)
       VALUES ${rows.join(', ')} ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id`,
      values,
    );
    return inserted.length;
  }

  /**
   * Claims up to `limit` due deliveries for `leaseMs`: rows are picked with FOR UPDATE SKIP LOCKED
   * (replicas never pick the same row) and pushed into the future, so that the sending happens
   * outside any transaction and a replica that dies mid-send only delays the row by the lease.
   */
  async claimDue(limit: number, leaseMs: number): Promise<DeliveryRow[]> {
    return queryRows<DeliveryRow>(
      this.dataSource.manager,
      `WITH due AS (
         SELECT id FROM delivery WHERE status = 'PENDING' AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE delivery d SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000), updated_at = now()
           FROM due WHERE d.id = due.id
         RETURNING d.*
       )
       SELECT ${COLUMNS} FROM claimed d JOIN subscription s ON s.id = d.subscription_id`,
      [limit, leaseMs],
    );
  }

  /** Records an attempt; `attempts` guards against a row whose lease expired and was claimed again. */
  async recordAttempt(id: string, attemptsBefore: number, outcome: AttemptOutcome): Promise<boolean> {
    const error = outcome.kind === 'delivered' ? null : outcome.error.slice(0, 500);
    const status = outcome.kind === 'delivered' ? 'DELIVERED' : outcome.kind === 'dead' ? 'DEAD' : 'PENDING';
    const delayMs = outcome.kind === 'retry' ? outcome.delayMs : 0;
    const updated = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `UPDATE delivery SET attempts = attempts + 1, status = $3, last_error = $4, last_status_code = $5,
              next_attempt_at = CASE WHEN $3 = 'PENDING' THEN now() + make_interval(secs => $6::double precision / 1000) ELSE NULL END,
              delivered_at = CASE WHEN $3 = 'DELIVERED' THEN now() ELSE delivered_at END, updated_at = now()
        WHERE id = $1 AND attempts = $2 AND status = 'PENDING' RETURNING id`,
      [id, attemptsBefore, status, error, outcome.statusCode, delayMs],
    );
    return updated.length === 1;
  }

  /** Deliveries being retried (FAILED) or given up (DEAD) of an agency, newest first. */
  async listFailed(
    agencyCode: string,
    filter: FailedDeliveryFilter | undefined,
    first: number,
    after: { createdAt: string; id: string } | null,
  ): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM delivery d JOIN subscription s ON s.id = d.subscription_id
        WHERE d.agency_code = $1 AND ${failedCondition(filter)}
          AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
      [agencyCode, first + 1, after?.createdAt ?? null, after?.id ?? null],
    );
  }

  /** How many deliveries `listFailed` pages through. */
  async countFailed(agencyCode: string, filter: FailedDeliveryFilter | undefined): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM delivery d WHERE d.agency_code = $1 AND ${failedCondition(filter)}`, [
      agencyCode,
    ])) as { total: number }[];
    return row?.total ?? 0;
  }

  async lockById(manager: EntityManager, id: string): Promise<(DeliveryRow & { subscription_active: boolean }) | null> {
    const [row] = await queryRows<DeliveryRow & { subscription_active: boolean }>(
      manager,
      `SELECT ${COLUMNS}, s.active AS subscription_active FROM delivery d JOIN subscription s ON s.id = d.subscription_id WHERE d.id = $1 FOR UPDATE OF d`,
      [id],
    );
    return row ?? null;
  }

  /** A dead delivery starts again from its first attempt, now. */
  async requeue(manager: EntityManager, id: string): Promise<DeliveryRow> {
    await manager.query(
      `UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL, last_status_code = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
    return (await this.lockById(manager, id))!;
  }
}
