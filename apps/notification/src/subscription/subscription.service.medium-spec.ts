import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { EventSubjects } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { SeededUsers } from '@phoi-hop/testing';
import { InMemoryServices, actorOf, answerAsSeededDirectory, createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { NOTIFICATION_MIGRATIONS } from '../app/notification.module';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService } from './subscription.service';

describe(SubscriptionService.name, () => {
  let bed: ServiceTestbed;
  let module: TestingModule;
  let sut: SubscriptionService;
  const syt = actorOf(SeededUsers.sytOfficer);
  const ca = actorOf(SeededUsers.caOfficer);
  const admin = actorOf({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });

  beforeAll(async () => {
    bed = await createServiceTestbed({ service: 'notification', migrations: NOTIFICATION_MIGRATIONS });
    module = await Test.createTestingModule({
      providers: [
        { provide: DataSource, useValue: bed.dataSource },
        // Stands for the directory, which the service asks whether an agency exists.
        { provide: RpcClient, useValue: answerAsSeededDirectory(new InMemoryServices()) },
        SubscriptionRepository,
        SubscriptionService,
      ],
    }).compile();
    sut = module.get(SubscriptionService);
  });

  afterAll(async () => {
    await module?.close();
    await bed?.cleanup();
  });

  describe('create', () => {
    it('subscribes the caller’s agency by e-mail (normalised), audited without secrets', async () => {
      const created = await sut.create(syt, {
        channel: 'EMAIL',
        target: ' Truc.Ban@SYT.quangbinh.gov.vn ',
        eventTypes: [EventSubjects.intake.caseOpened, EventSubjects.intake.caseOpened],
      });
      expect(created.secret).toBeNull();
      expect(created.subscription).toMatchObject({
        agencyCode: 'SYT',
        channel: 'EMAIL',
        target: 'truc.ban@syt.quangbinh.gov.vn',
        eventTypes: [EventSubjects.intake.caseOpened],
        active: true,
      });
      expect((await bed.audit('SYT')).at(-1)).toMatchObject({
        action: 'notification-subscription.created',
        summary: { subscription: { id: created.subscription.id } },
      });
    });

    it('gives a webhook its signing secret once; the audit never holds it', async () => {
      const created = await sut.create(syt, { channel: 'WEBHOOK', target: 'https://hooks.syt.quangbinh.gov.vn/phoi-hop' });
      expect(created.secret).toEqual(expect.any(String));
      expect(JSON.stringify(await bed.audit('SYT'))).not.toContain(created.secret!);
      expect(JSON.stringify(await sut.list(syt, undefined))).not.toContain(created.secret!);
    });

    it('answers a retried subscription with the same key from the first answer', async () => {
      const request = { channel: 'EMAIL' as const, target: 'lanh.dao@syt.quangbinh.gov.vn', clientRequestId: `sub-${bed.schema}` };
      const first = await sut.create(syt, request);
      expect((await sut.create(syt, request)).subscription.id).toBe(first.subscription.id);
      expect((await sut.list(syt, undefined)).filter((s) => s.target === 'lanh.dao@syt.quangbinh.gov.vn')).toHaveLength(1);
    });

    it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
      ['a malformed e-mail', { channel: 'EMAIL', target: 'not an address' }, { code: 'BAD_USER_INPUT', field: 'target' }],
      ['a plain-http webhook', { channel: 'WEBHOOK', target: 'http://hooks.example.vn/x' }, { code: 'BAD_USER_INPUT', field: 'target' }],
      ['a webhook with credentials', { channel: 'WEBHOOK', target: 'https://user:pw@hooks.example.vn/x' }, { code: 'BAD_USER_INPUT', field: 'target' }],
      [
        'an event that is not a case event',
        { channel: 'EMAIL', target: 'a@syt.gov.vn', eventTypes: [EventSubjects.directory.userChanged] },
        { code: 'BAD_USER_INPUT', field: 'eventTypes' },
      ],
      ['another agency, for an officer', { channel: 'EMAIL', target: 'a@ca.gov.vn', agencyCode: 'CA' }, { code: 'FORBIDDEN', field: 'agencyCode' }],
    ])('refuses %s and creates nothing', async (_name, request, expected) => {
      const before = await sut.list(admin, 'SYT');
      await expect(sut.create(syt, request as never)).rejects.toMatchObject(expected);
      expect(await sut.list(admin, 'SYT')).toEqual(before);
    });

    it('lets an administrator subscribe any agency the directory knows, and no other', async () => {
      const created = await sut.create(admin, { channel: 'EMAIL', target: 'truc.ban@ca.quangbinh.gov.vn', agencyCode: 'CA' });
      expect(created.subscription.agencyCode).toBe('CA');
      await expect(sut.create(admin, { channel: 'EMAIL', target: 'x@ghost.gov.vn', agencyCode: 'GHOST_AGENCY' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'agencyCode',
      });
    });
  });

  describe('list and revoke', () => {
    it('lists an agency’s own subscriptions; revokes once, audited; others’ are NOT_FOUND', async () => {
      const { subscription } = await sut.create(ca, { channel: 'EMAIL', target: 'an.ninh.mang@ca.quangbinh.gov.vn' });
      expect((await sut.list(ca, undefined)).map((s) => s.id)).toContain(subscription.id);
      expect((await sut.list(syt, undefined)).map((s) => s.id)).not.toContain(subscription.id);
      await expect(sut.list(syt, 'CA')).rejects.toMatchObject({ code: 'FORBIDDEN' });

      await expect(sut.revoke(syt, subscription.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const revoked = await sut.revoke(ca, subscription.id);
      expect(revoked.active).toBe(false);
      await expect(sut.revoke(ca, subscription.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect((await bed.audit('CA')).at(-1)).toMatchObject({ action: 'notification-subscription.revoked', summary: { subscriptionId: subscription.id } });
    });
  });
});
