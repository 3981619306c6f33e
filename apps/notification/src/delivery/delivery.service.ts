import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CursorFields,
  decodeCursor,
  encodeCursor,
  type Actor,
  type DeliveryDto,
  type DeliveryListRequest,
  type DeliveryListResponse,
} from '@phoi-hop/contracts';
import { appendAudit } from '@phoi-hop/persistence';
import { actingAgency, mayManage } from '../subscription/agency-scope';
import { NotificationError } from '../subscription/subscription.errors';
import { DeliveryRepository, toDeliveryDto, type DeliveryRow } from './delivery.repository';

const DELIVERY_PAGE = { createdAt: CursorFields.instant, id: CursorFields.uuid } as const;

function cursorOf(row: DeliveryRow): string {
  return encodeCursor({ createdAt: new Date(row.created_at).toISOString(), id: row.id });
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
    const after = request.after ? decodeCursor(request.after, DELIVERY_PAGE) : null;
    const [rows, totalCount] = await Promise.all([
      this.deliveries.listFailed(agencyCode, request.status, request.first, after),
      this.deliveries.countFailed(agencyCode, request.status),
    ]);
    const edges = rows.slice(0, request.first).map((row) => ({ cursor: cursorOf(row), node: toDeliveryDto(row) }));
    return { edges, endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > request.first, totalCount };
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
