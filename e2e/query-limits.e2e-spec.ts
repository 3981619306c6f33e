import type { INestApplication } from '@nestjs/common';
import { createGatewayApp } from '@phoi-hop/app-gateway';
import { createTestEnvironment, graphqlRequest, listeningPort, type TestEnvironment } from '@phoi-hop/testing';

// Limits run before any resolver, so a gateway without services answers these as it would in production.
describe('query limits through the gateway', () => {
  let env: TestEnvironment;
  let gateway: INestApplication;
  let url: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    gateway = await createGatewayApp(
      { serviceName: 'gateway', messaging: { ...env.serviceConfig('gateway').messaging, rpcTimeoutMs: 2000 }, auth: env.auth, httpPort: 0, httpHost: '127.0.0.1', bodyLimitBytes: 256 * 1024, rateLimitPerSecond: 0, rateLimitBurst: 0, internalTokenTtlSeconds: 300 },
      false,
    );
    url = `http://127.0.0.1:${listeningPort(gateway)}/graphql`;
  });
  afterAll(async () => {
    await gateway?.close();
    await env?.cleanup();
  });

  it('answers a query refused by the complexity limit with HTTP 400 and BAD_USER_INPUT', async () => {
    const fields = Array.from({ length: 2100 }, (_, i) => `a${i}: agencies { code }`).join(' ');
    const refused = await graphqlRequest(url, `{ ${fields} }`);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Query is too complex/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it.each([
    ['a fragment cycle', '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }', /Cannot spread fragment "A" within itself/],
    ['a fragment spreading itself', '{ me { ...M } } fragment M on Me { id ...M }', /Cannot spread fragment "M" within itself/],
    ['an unknown fragment', '{ me { ...Missing } }', /Unknown fragment "Missing"/],
  ])('refuses %s as an invalid document (HTTP 400), without crashing a limit', async (_what, query, message) => {
    const refused = await graphqlRequest(url, query);
    expect(refused.status).toBe(400);
    expect(refused.errors?.every((e) => e.extensions?.['code'] === 'BAD_USER_INPUT')).toBe(true);
    expect(refused.errors?.map((e) => e.message).join(' ')).toMatch(message);
  });
});
