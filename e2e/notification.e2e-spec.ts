import { graphqlRequest, SeededUsers } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

const CREATE = `mutation($i: CreateNotificationSubscriptionInput!) {
  createNotificationSubscription(input: $i) { secret subscription { id agencyCode channel target eventTypes active createdBy } }
}`;
const LIST = 'query($a: String) { notificationSubscriptions(agencyCode: $a) { id agencyCode channel target active } }';

describe('notification subscriptions through the gateway', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform();
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('lets an officer subscribe their own agency, shows the secret once, and lists it only to that agency', async () => {
    const ca = await platform.env.token(SeededUsers.caOfficer);
    const created = await graphqlRequest<{
      createNotificationSubscription: { secret: string; subscription: { id: string; agencyCode: string; eventTypes: string[] } };
    }>(
      platform.graphqlUrl,
      CREATE,
      { i: { channel: 'WEBHOOK', target: 'https://hooks.ca.quangbinh.gov.vn/phoi-hop', eventTypes: ['evt.intake.case.opened'] } },
      ca,
    );
    expect(created.errors).toBeUndefined();
    const { secret, subscription } = created.data!.createNotificationSubscription;
    expect(secret).toMatch(/^whsec_/);
    expect(subscription).toMatchObject({ agencyCode: 'CA', eventTypes: ['evt.intake.case.opened'] });

    const listed = await graphqlRequest<{ notificationSubscriptions: { id: string; target: string }[] }>(platform.graphqlUrl, LIST, {}, ca);
    expect(listed.data!.notificationSubscriptions.map((s) => s.id)).toEqual([subscription.id]);
    expect(JSON.stringify(listed)).not.toContain(secret);

    // Another agency sees none of it and cannot look at CA's subscriptions or revoke them.
    const btg = await platform.env.token(SeededUsers.btgOfficer);
    expect((await graphqlRequest<{ notificationSubscriptions: unknown[] }>(platform.graphqlUrl, LIST, {}, btg)).data!.notificationSubscriptions).toEqual([]);
    const peek = await graphqlRequest(platform.graphqlUrl, LIST, { a: 'CA' }, btg);
    expect(peek.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'agencyCode' });
    const revoke = await graphqlRequest(
      platform.graphqlUrl,
      'mutation($id: ID!) { revokeNotificationSubscription(id: $id) { id } }',
      { id: subscription.id },
      btg,
    );
    expect(revoke.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });

    // An administrator may act for any agency the directory knows.
    const admin = await platform.env.token({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });
    expect(
      (await graphqlRequest<{ notificationSubscriptions: { id: string }[] }>(platform.graphqlUrl, LIST, { a: 'CA' }, admin)).data!.notificationSubscriptions,
    ).toHaveLength(1);
    const forGhost = await graphqlRequest(platform.graphqlUrl, CREATE, { i: { agencyCode: 'GHOST', channel: 'EMAIL', target: 'vanthu@ghost.gov.vn' } }, admin);
    expect(forGhost.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyCode' });
    const forBtg = await graphqlRequest<{ createNotificationSubscription: { secret: string | null; subscription: { agencyCode: string } } }>(
      platform.graphqlUrl,
      CREATE,
      { i: { agencyCode: 'BTG', channel: 'EMAIL', target: 'vanthu@btg.quangbinh.gov.vn' } },
      admin,
    );
    expect(forBtg.data!.createNotificationSubscription).toEqual({ secret: null, subscription: expect.objectContaining({ agencyCode: 'BTG' }) });
  });

  it('refuses roles the policy table does not grant, and bad input with the field', async () => {
    for (const user of [SeededUsers.leader, SeededUsers.auditor]) {
      const token = await platform.env.token(user);
      const result = await graphqlRequest(platform.graphqlUrl, CREATE, { i: { channel: 'EMAIL', target: 'vanthu@vpubnd.gov.vn' } }, token);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await graphqlRequest(platform.graphqlUrl, LIST, {}, token)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    const anonymous = await graphqlRequest(platform.graphqlUrl, LIST, {});
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const syt = await platform.env.token(SeededUsers.sytOfficer);
    const insecure = await graphqlRequest(platform.graphqlUrl, CREATE, { i: { channel: 'WEBHOOK', target: 'http://hooks.syt.gov.vn/x' } }, syt);
    expect(insecure.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'target' });
    const failed = await graphqlRequest<{ failedDeliveries: unknown }>(
      platform.graphqlUrl,
      'query { failedDeliveries(first: 5) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }',
      {},
      syt,
    );
    expect(failed.data!.failedDeliveries).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
  });
});
