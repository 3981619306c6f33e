import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationPayload } from '@phoi-hop/contracts';
import { agencyFeedSubject, feedCopyId } from './agency-feed';

/** The agency feed's copies of events, queued in the outbox beside the events themselves. */
@Injectable()
export class AgencyFeedRepository {
  /**
   * Queues an agency's copy of an event in the outbox, in the consumer's transaction: the outbox
   * relay publishes it to `<prefix>agency.<CODE>.<event subject>` once the transaction commits.
   * A copy queued twice (same event and agency) is kept once.
   */
  async appendCopies(manager: EntityManager, copies: NotificationPayload[]): Promise<void> {
    if (copies.length === 0) return;
    const values: unknown[] = [];
    const rows = copies.map((copy, index) => {
      values.push(feedCopyId(copy.eventId, copy.agencyCode), agencyFeedSubject(copy.agencyCode, copy.eventType), JSON.stringify(copy));
      const b = index * 3;
      return `($${b + 1}, $${b + 2}, $${b + 3}::jsonb)`;
    });
    await manager.query(`INSERT INTO outbox (id, subject, envelope) VALUES ${rows.join(', ')} ON CONFLICT (id) DO NOTHING`, values);
  }
}
