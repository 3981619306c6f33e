import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, DeliveryDto, DeliveryListRequest, DeliveryListResponse } from '@phoi-hop/contracts';
import { appendAudit } from '@phoi-hop/persistence';
import { actingAgency, mayManage } from '../subscription/agency-scope';
import { NotificationError } from '../subscription/subscription.errors';
import { DeliveryRepository, toDeliveryDto, type DeliveryRow } from './delivery.repository';

function encodeCursor(row: DeliveryRow): string {
  return Buffer.from(`${new Date(row.created_at).toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id))
    throw NotificationError.badInput('after', 'after is not a cursor of this list');
  return { createdAt, id };
}

@Injectable()
export class DeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
  ) {}

  /** The caller's agency's deliveries that failed (being retried) or are dead, newest first. */
  async listFailed(actor: Actor, request: DeliveryListRequest): Promise<DeliveryListResponse> {
    const agencyCode = actingAgency(actor, request.agencyCode);
    const after = request.after ? decodeCursor(request.after) : null;
    const rows = await this.deliveries.listFailed(agencyCode, request.status, request.first, after);
    const page = rows.slice(0, request.first);
    return {
      nodes: page.map(toDeliveryDto),
      endCursor: page.length > 0 ? encodeCursor(page[page.length - 1]!) : null,
      hasNextPage: rows.length > request.first,
    };
  }

  /** Puts a dead delivery back in the queue (audited); its next attempt is now. */
  async replay(actor: Actor, id: string): Promise<DeliveryDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.deliveries.lockById(manager, id);
      if (!current || !mayManage(actor, current.agency_code)) throw NotificationError.notFound('Delivery');
      if (current.status !== 'DEAD') throw NotificationError.invalidState(`Only a dead delivery can be replayed (this one is ${current.status})`);
      if (!current.subscription_active) throw NotificationError.invalidState('The subscription of this delivery was revoked');
      const requeued = await this.deliveries.requeue(manager, id);
      await appendAudit(manager, {
        actor,
        action: 'notification-delivery.replayed',
        targetType: 'agency',
        targetId: current.agency_code,
        summary: { deliveryId: id, eventId: current.event_id, attemptsBefore: current.attempts },
      });
      return toDeliveryDto(requeued);
    });
  }
}
