import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { EventSubjects, type EventEnvelope } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf, createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { NOTIFICATION_MIGRATIONS } from '../app/notification.module';
import { AgencyFeedRepository } from '../feed/agency-feed.repository';
import { SubscriptionRepository } from '../subscription/subscription.repository';
import { CaseEventFanoutHandler } from './case-event-fanout.handler';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryService } from './delivery.service';

describe(DeliveryService.name, () => {
  let bed: ServiceTestbed;
  let module: TestingModule;
  let sut: DeliveryService;
  let deliveries: DeliveryRepository;
  const syt = actorOf(SeededUsers.sytOfficer);
  const ca = actorOf(SeededUsers.caOfficer);
  const admin = actorOf({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });
  let subscriptionId: string;

  /** A case event visible to one agency, fanned out as the consumer would: one delivery per subscription of that agency. */
  const deliveryFor = async (caseNumber: string, agencyCode = 'SYT'): Promise<string> => {
    const envelope: EventEnvelope = {
      id: randomUUID(),
      type: EventSubjects.intake.caseOpened,
      occurredAt: new Date().toISOString(),
      aggregateId: randomUUID(),
      visibleTo: [agencyCode],
      data: { caseNumber, categoryCode: 'FALSE_INFO_PANIC' },
    };
    await bed.dataSource.transaction((manager) => module.get(CaseEventFanoutHandler).handle(envelope, manager));
    const [row] = await bed.dataSource.query(`SELECT id FROM delivery WHERE event_id = $1`, [envelope.id]);
    return row.id;
  };
  const subscribe = async (agencyCode: string): Promise<string> => {
    const row = await bed.dataSource.transaction((manager) =>
      module.get(SubscriptionRepository).insert(manager, {
        id: randomUUID(),
        agencyCode,
        channel: 'WEBHOOK',
        target: 'https://hooks.example.vn/x',
        eventTypes: [],
        secret: 's3cret',
        createdBy: admin.userId,
      }),
    );
    return row.id;
  };
  /** Fails it `times` times as the dispatcher records attempts, the last one fatally when `dead`. */
  const fail = async (id: string, times: number, dead: boolean) => {
    for (let attempt = 0; attempt < times; attempt++) {
      const last = attempt === times - 1;
      await deliveries.recordAttempt(
        id,
        attempt,
        last && dead ? { kind: 'dead', error: 'HTTP 410', statusCode: 410 } : { kind: 'retry', error: 'HTTP 503', statusCode: 503, delayMs: 60_000 },
      );
    }
  };

  beforeAll(async () => {
    bed = await createServiceTestbed({ service: 'notification', migrations: NOTIFICATION_MIGRATIONS });
    module = await Test.createTestingModule({
      providers: [
        { provide: DataSource, useValue: bed.dataSource },
        AgencyFeedRepository,
        CaseEventFanoutHandler,
        DeliveryRepository,
        DeliveryService,
        SubscriptionRepository,
      ],
    }).compile();
    sut = module.get(DeliveryService);
    deliveries = module.get(DeliveryRepository);
    subscriptionId = await subscribe('SYT');
  });

  afterAll(async () => {
    await module?.close();
    await bed?.cleanup();
  });

  describe('listFailed', () => {
    it('lists the agency’s failing and dead deliveries, newest first, filtered and paged; never others’', async () => {
      const retrying = await deliveryFor('QB-2026-000101');
      const dead = await deliveryFor('QB-2026-000102');
      const fine = await deliveryFor('QB-2026-000103');
      await fail(retrying, 2, false);
      await fail(dead, 3, true);
      await deliveries.recordAttempt(fine, 0, { kind: 'delivered', statusCode: 200 });

      const all = await sut.listFailed(syt, { first: 10 });
      expect(all.totalCount).toBe(2);
      expect(all.edges.map(({ node: d }) => `${d.caseNumber}:${d.status}:${d.attempts}`)).toEqual(['QB-2026-000102:DEAD:3', 'QB-2026-000101:PENDING:2']);
      expect(all.edges[0]!.node).toMatchObject({ subscriptionId, lastError: 'HTTP 410', lastStatusCode: 410, nextAttemptAt: null });
      expect((await sut.listFailed(syt, { first: 10, status: 'DEAD' })).edges.map(({ node }) => node.id)).toEqual([dead]);
      expect((await sut.listFailed(syt, { first: 10, status: 'FAILED' })).edges.map(({ node }) => node.id)).toEqual([retrying]);
      const page = await sut.listFailed(syt, { first: 1 });
      expect(page.hasNextPage).toBe(true);
      expect(page.totalCount).toBe(2);
      expect(page.endCursor).toBe(page.edges[0]!.cursor);
      expect((await sut.listFailed(syt, { first: 1, after: page.endCursor! })).edges.map(({ node }) => node.id)).toEqual([retrying]);
      expect((await sut.listFailed(ca, { first: 10 })).edges).toEqual([]);
      await expect(sut.listFailed(ca, { first: 10, agencyCode: 'SYT' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(sut.listFailed(syt, { first: 10, after: 'garbage' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('replay', () => {
    it('puts a dead delivery back in the queue, due now, audited; only a dead one, only of one’s agency', async () => {
      const dead = await deliveryFor('QB-2026-000201');
      await fail(dead, 1, true);
      const pending = await deliveryFor('QB-2026-000202');
      await expect(sut.replay(ca, dead)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(sut.replay(syt, pending)).rejects.toMatchObject({ code: 'INVALID_STATE' });

      const replayed = await sut.replay(syt, dead);
      expect(replayed).toMatchObject({ id: dead, status: 'PENDING' });
      expect(Date.parse(replayed.nextAttemptAt!)).toBeLessThanOrEqual(Date.now() + 1_000);
      expect((await bed.audit('SYT')).at(-1)).toMatchObject({ action: 'notification-delivery.replayed', summary: { deliveryId: dead, attemptsBefore: 1 } });
      expect((await deliveries.claimDue(10, 30_000)).map((d) => d.id)).toEqual(expect.arrayContaining([dead]));
      await expect(sut.replay(admin, dead)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    });

    it('refuses to replay for a revoked subscription', async () => {
      const revokedId = await subscribe('SGDDT');
      const dead = await deliveryFor('QB-2026-000301', 'SGDDT');
      await fail(dead, 1, true);
      await bed.dataSource.transaction((manager) => module.get(SubscriptionRepository).revoke(manager, revokedId, admin.userId));
      await expect(sut.replay(admin, dead)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    });
  });
});
