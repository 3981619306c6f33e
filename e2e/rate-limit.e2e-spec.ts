import { SeededUsers, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

describe('rate limits per caller at the gateway', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform({ rateLimitPerSecond: 2, rateLimitBurst: 3 });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers RATE_LIMITED with a retry hint past the burst, for that caller only', async () => {
    const busy = await platform.env.token(SeededUsers.sytOfficer);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await graphqlRequest(platform.graphqlUrl, '{ agencies { code } }', {}, busy));
    const limited = results.filter((r) => r.errors?.[0]?.extensions?.['code'] === 'RATE_LIMITED');
    expect(results.slice(0, 3).every((r) => !r.errors)).toBe(true);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited[0]!.errors![0]!.extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    const other = await graphqlRequest(platform.graphqlUrl, '{ agencies { code } }', {}, await platform.env.token(SeededUsers.caOfficer));
    expect(other.errors).toBeUndefined();
  });

  it('limits an API key on its own bucket, apart from the people of its agency', async () => {
    const admin = await platform.env.token({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });
    const created = await graphqlRequest<{ createApiKey: { secret: string } }>(
      platform.graphqlUrl,
      'mutation { createApiKey(input: { agencyCode: "CA", name: "Nguồn tin tự động", scopes: ["agencies"] }) { secret } }',
      {},
      admin,
    );
    const key = { authorization: `ApiKey ${created.data!.createApiKey.secret}` };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await graphqlRequest(platform.graphqlUrl, '{ agencies { code } }', {}, undefined, key));
    expect(results.slice(0, 3).every((r) => !r.errors)).toBe(true);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.['code'] === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(1);
    const person = await graphqlRequest(platform.graphqlUrl, '{ agencies { code } }', {}, await platform.env.token(SeededUsers.caOfficer));
    expect(person.errors?.[0]?.extensions?.['code']).not.toBe('RATE_LIMITED');
  });
});
