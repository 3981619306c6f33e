import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REFERENCE_CODE_PATTERN, type EventEnvelope } from '@phoi-hop/contracts';
import type { DomainEventHandler } from '@phoi-hop/messaging';
import { AgencyFeedRepository } from '../feed/agency-feed.repository';
import { subscriptionMatches } from '../subscription/subscription-rules';
import { SubscriptionRepository } from '../subscription/subscription.repository';
import { DeliveryRepository, type NewDelivery } from './delivery.repository';
import { deliveriesCreated } from './notification.metrics';
import { toNotificationPayload } from './notification-content';

/**
 * For each case event (once, in the consumer's transaction): one delivery per active subscription
 * of an agency the event is visible to, and one copy on each such agency's feed subject. Agencies
 * not in `visibleTo` get nothing, not even that the event happened.
 */
@Injectable()
export class CaseEventFanoutHandler implements DomainEventHandler {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly feed: AgencyFeedRepository,
  ) {}

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const agencies = [
      ...new Set((Array.isArray(envelope.visibleTo) ? envelope.visibleTo : []).filter((code) => typeof code === 'string' && REFERENCE_CODE_PATTERN.test(code))),
    ];
    if (agencies.length === 0) return;
    const candidates = await this.subscriptions.activeForAgencies(manager, agencies);
    const owed: NewDelivery[] = candidates
      .filter((row) => subscriptionMatches({ agencyCode: row.agency_code, active: row.active, eventTypes: row.event_types }, envelope))
      .map((row) => ({
        id: randomUUID(),
        subscriptionId: row.id,
        eventId: envelope.id,
        eventType: envelope.type,
        agencyCode: row.agency_code,
        payload: toNotificationPayload(envelope, row.agency_code),
      }));
    await this.deliveries.insertMany(manager, owed);
    await this.feed.appendCopies(
      manager,
      agencies.map((agencyCode) => toNotificationPayload(envelope, agencyCode)),
    );
    for (const delivery of owed) deliveriesCreated().inc({ channel: candidates.find((c) => c.id === delivery.subscriptionId)!.channel });
  }
}
