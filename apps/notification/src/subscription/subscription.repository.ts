import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationChannel, SubscriptionDto } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

export interface SubscriptionRow {
  id: string;
  agency_code: string;
  channel: NotificationChannel;
  target: string;
  event_types: string[];
  secret: string | null;
  active: boolean;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

export interface NewSubscription {
  id: string;
  agencyCode: string;
  channel: NotificationChannel;
  target: string;
  eventTypes: string[];
  secret: string | null;
  createdBy: string;
}

/** The secret stays in this service: it signs webhooks and is never part of a DTO. */
export function toSubscriptionDto(row: SubscriptionRow): SubscriptionDto {
  return {
    id: row.id,
    agencyCode: row.agency_code,
    channel: row.channel,
    target: row.target,
    eventTypes: row.event_types,
    active: row.active,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  };
}

const COLUMNS = 'id, agency_code, channel, target, event_types, secret, active, created_by, created_at, revoked_at';

@Injectable()
export class SubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, subscription: NewSubscription): Promise<SubscriptionRow> {
    const [row] = await queryRows<SubscriptionRow>(
      manager,
      `INSERT INTO subscription (id, agency_code, channel, target, event_types, secret, created_by)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7) RETURNING ${COLUMNS}`,
      [
        subscription.id,
        subscription.agencyCode,
        subscription.channel,
        subscription.target,
        subscription.eventTypes,
        subscription.secret,
        subscription.createdBy,
      ],
    );
    return row!;
  }

  listForAgency(agencyCode: string): Promise<SubscriptionRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM subscription WHERE agency_code = $1 ORDER BY created_at DESC, id DESC`, [agencyCode]);
  }

  async lockById(manager: EntityManager, id: string): Promise<SubscriptionRow | null> {
    const [row] = await queryRows<SubscriptionRow>(manager, `SELECT ${COLUMNS} FROM subscription WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  /** Revokes the subscription and cancels what it still owed. */
  async revoke(manager: EntityManager, id: string, revokedBy: string): Promise<SubscriptionRow> {
    const [row] = await queryRows<SubscriptionRow>(
      manager,
      `UPDATE subscription SET active = false, revoked_at = now(), revoked_by = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, revokedBy],
    );
    await manager.query(`UPDATE delivery SET status = 'CANCELLED', updated_at = now() WHERE subscription_id = $1 AND status = 'PENDING'`, [id]);
    return row!;
  }

  /** Active subscriptions of these agencies (the fan-out then applies the privacy guard itself). */
  activeForAgencies(manager: EntityManager, agencyCodes: string[]): Promise<SubscriptionRow[]> {
    return queryRows<SubscriptionRow>(manager, `SELECT ${COLUMNS} FROM subscription WHERE active AND agency_code = ANY($1::text[])`, [agencyCodes]);
  }

  async byIds(ids: string[]): Promise<Map<string, SubscriptionRow>> {
    if (ids.length === 0) return new Map();
    const rows: SubscriptionRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM subscription WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }
}
