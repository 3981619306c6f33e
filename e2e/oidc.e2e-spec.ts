import { Logger } from '@nestjs/common';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { RpcSubjects } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { authFailures } from '@phoi-hop/observability';
import { eventually, graphqlRequest, type GraphQLResponse, type TestUser } from '@phoi-hop/testing';
import { SHORT_LIVED_RESOURCE, TestOidcProvider, newSigningKey, type SigningKey } from './support/oidc-provider';
import { startPlatform, type Platform } from './support/platform';

const ADMIN: TestUser = { username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] };
const ME = '{ me { username roles agency { code } } }';
const UPDATE_USER = `mutation($u: String!, $i: UpdateUserInput!) { updateUser(username: $u, input: $i) { username subject } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { username subject roles } }`;
const INTROSPECT = '{ __schema { queryType { name } } }';

// Subjects at the provider: opaque ids, as a real provider issues them.
const ADMIN_SUBJECT = '5c0e2a6b-admin-person';
const OFFICER_SUBJECT = '9d41f7c2-syt-officer';

type Me = { me: { username: string; roles: string[]; agency: { code: string } } };
const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.['code'] ?? 'OK';
const messageOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.message;

/**
 * The platform in production mode against a real OpenID provider (oidc-provider, in this
 * process): RS256 JWT access tokens, users by authorization code + PKCE, machine clients by client
 * credentials. Key windows are shortened (refresh 1 s, token cache 1 s, stale keys 4 s) so that
 * rotation and outage are seen in seconds; their defaults are in the README.
 */
describe('identity against an OpenID provider', () => {
  let provider: TestOidcProvider;
  let firstKey: SigningKey;
  let platform: Platform;
  let nc: NatsConnection;
  let adminToken: string;
  let officerToken: string;
  /** Every token the provider issued in this file: none may ever be seen on NATS. */
  const issued: string[] = [];
  const natsMessages: { subject: string; text: string }[] = [];

  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token?: string) => graphqlRequest<T>(platform.graphqlUrl, query, variables, token);
  const remember = (token: string) => (issued.push(token), token);
  const login = async (subject: string, resource?: string) => {
    const tokens = await provider.login(subject, resource);
    issued.push(tokens.idToken);
    return remember(tokens.accessToken);
  };
  const providerFailures = async () =>
    (await authFailures().get()).values.filter((v) => v.labels['service'] === 'gateway' && v.labels['source'] === 'provider').reduce((sum, v) => sum + v.value, 0);

  beforeAll(async () => {
    provider = new TestOidcProvider(
      [
        { subject: ADMIN_SUBJECT, preferredUsername: 'admin' },
        { subject: OFFICER_SUBJECT, preferredUsername: 'syt.officer' },
      ],
      [
        // An identity-provider client that happens to be named like the directory's administrator.
        { clientId: 'admin', secret: 'admin-client-secret-0123456789abcdef' },
        { clientId: 'monitor-feed', secret: 'monitor-feed-secret-0123456789abcdef' },
      ],
    );
    firstKey = await newSigningKey('k1');
    await provider.start([firstKey]);
    platform = await startPlatform({
      auth: { mode: 'oidc', issuer: provider.issuer, audience: 'phoi-hop', nodeEnv: 'production', clockToleranceSeconds: 0, jwksRefreshMs: 1000, tokenCacheMs: 1000, jwksMaxStaleMs: 4000, jwksCooldownMs: 200 },
      introspection: 'signed-in',
    });
    nc = await connect({ servers: platform.env.natsUrl });
    // A passive listener on every subject of this environment.
    nc.subscribe(`${platform.env.subjectPrefix}>`, {
      callback: (_error, message: Msg) => {
        const headers = message.headers ? [...message.headers.keys()].map((k) => `${k}: ${message.headers!.get(k)}`).join('\n') : '';
        natsMessages.push({ subject: message.subject.slice(platform.env.subjectPrefix.length), text: `${headers}\n${message.string()}` });
      },
    });
    // The first administrator is linked by the operator, with the platform's internal key (the services trust it).
    const rpc = new RpcClient(nc, { subjectPrefix: platform.env.subjectPrefix, rpcTimeoutMs: 5000, serviceName: 'e2e' });
    await rpc.request(RpcSubjects.directory.userUpdate, { username: 'admin', subject: ADMIN_SUBJECT }, { token: await platform.env.internalToken(ADMIN) });
    adminToken = await login(ADMIN_SUBJECT);
  }, 60_000);

  afterAll(async () => {
    await nc?.close();
    await platform?.stop();
    await provider?.stop();
  });

  it('lets a user in by authorization code + PKCE once an administrator linked their subject; the provider roles and username count for nothing', async () => {
    officerToken = await login(OFFICER_SUBJECT);
    // The token says preferred_username "syt.officer" and roles the platform does not know: neither names a user.
    const unlinked = await gql(ME, {}, officerToken);
    expect(codeOf(unlinked)).toBe('UNAUTHENTICATED');
    expect(messageOf(unlinked)).toBe('Unknown user');

    const linked = await gql(UPDATE_USER, { u: 'syt.officer', i: { subject: OFFICER_SUBJECT } }, adminToken);
    expect(linked.errors).toBeUndefined();
    expect(linked.data).toEqual({ updateUser: { username: 'syt.officer', subject: OFFICER_SUBJECT } });
    const me = await gql<Me>(ME, {}, officerToken);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toEqual({ username: 'syt.officer', roles: ['OFFICER'], agency: { code: 'SYT' } });

    // One subject, one user: linking it to a second is CONFLICT on the field.
    const twice = await gql(UPDATE_USER, { u: 'leader', i: { subject: OFFICER_SUBJECT } }, adminToken);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'subject' });
  });

  it('gives a machine client whose subject equals a username nothing, and lets in a client an administrator linked', async () => {
    const named = remember(await provider.clientToken('admin'));
    const asAdmin = await gql(ME, {}, named);
    expect(codeOf(asAdmin)).toBe('UNAUTHENTICATED');
    expect(messageOf(asAdmin)).toBe('Unknown user');
    expect(codeOf(await gql('{ users(first: 1) { edges { node { username } } } }', {}, named))).toBe('UNAUTHENTICATED');

    const feed = remember(await provider.clientToken('monitor-feed'));
    expect(codeOf(await gql(ME, {}, feed))).toBe('UNAUTHENTICATED');
    const created = await gql(CREATE_USER, { i: { username: 'stttt.monitor', displayName: 'Hệ thống giám sát tin giả (máy)', agencyCode: 'STTTT', roles: ['OFFICER'], subject: 'monitor-feed' } }, adminToken);
    expect(created.errors).toBeUndefined();
    const me = await gql<Me>(ME, {}, feed);
    expect(me.data?.me).toEqual({ username: 'stttt.monitor', roles: ['OFFICER'], agency: { code: 'STTTT' } });
  });

  it('refuses an ID token (its audience is the client id "phoi-hop") and a token without an expiry', async () => {
    const { idToken } = await provider.login(OFFICER_SUBJECT);
    issued.push(idToken);
    const asId = await gql(ME, {}, idToken);
    expect(codeOf(asId)).toBe('UNAUTHENTICATED');
    expect(messageOf(asId)).toBe('Token is not an access token (typ at+jwt)');
    const endless = remember(await provider.forge(firstKey, { sub: OFFICER_SUBJECT, client_id: 'phoi-hop', scope: 'api' }));
    const noExp = await gql(ME, {}, endless);
    expect(codeOf(noExp)).toBe('UNAUTHENTICATED');
    expect(messageOf(noExp)).toBe('Token lacks the "exp" claim');
  });

  it('answers introspection to signed-in callers only', async () => {
    const anonymous = await gql(INTROSPECT, {});
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.status).toBe(401);
    expect(anonymous.data ?? null).toBeNull();
    const signedIn = await gql<{ __schema: { queryType: { name: string } } }>(INTROSPECT, {}, officerToken);
    expect(signedIn.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('closes a subscription with 4401 when its token expires', async () => {
    const shortLived = await login(OFFICER_SUBJECT, SHORT_LIVED_RESOURCE);
    const expiresAtMs = JSON.parse(Buffer.from(shortLived.split('.')[1]!, 'base64url').toString()).exp * 1000;
    const sink = { errors: [] as unknown[], completed: false };
    const closed = new Promise<{ code: number; reason: string; atMs: number }>((resolve) => {
      const client = createClient({
        url: platform.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${shortLived}` },
        lazy: false,
        retryAttempts: 0,
        // The close is what this case waits for, not an error to print.
        onNonLazyError: () => undefined,
        on: { closed: (event) => resolve({ code: (event as { code: number }).code, reason: (event as { reason: string }).reason, atMs: Date.now() }) },
      });
      client.subscribe(
        { query: 'subscription { caseEvents { type } }' },
        {
          next: (message) => void (message.errors && sink.errors.push(message.errors)),
          error: (error) => void sink.errors.push(error),
          complete: () => void (sink.completed = true),
        },
      );
    });
    // The subscription was accepted and ran until the token expired: then the socket closed.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAtMs - Date.now() - 500)));
    expect(sink).toEqual({ errors: [], completed: false });
    const result = await closed;
    expect(result).toMatchObject({ code: 4401, reason: 'Token expired' });
    expect(result.atMs).toBeGreaterThanOrEqual(expiresAtMs - 50);
    expect(result.atMs).toBeLessThan(expiresAtMs + 3000);
  }, 20_000);

  it('stops accepting a key the provider dropped within the refresh and cache windows, and takes its new key', async () => {
    expect(codeOf(await gql(ME, {}, officerToken))).toBe('OK');
    await provider.stop();
    await provider.start([await newSigningKey('k2')]);
    const dropped = await eventually(async () => {
      const result = await gql(ME, {}, officerToken);
      return codeOf(result) === 'UNAUTHENTICATED' ? result : undefined;
    }, 5000);
    expect(messageOf(dropped)).toBe('Token is signed with an unknown key');
    officerToken = await login(OFFICER_SUBJECT);
    expect(codeOf(await gql(ME, {}, officerToken))).toBe('OK');
  });

  it('with the provider down: the last keys serve for the stale window, a key that must be fetched gets UNAVAILABLE, and the log and metric say the provider failed', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    const failuresBefore = await providerFailures();
    const unknownKey = remember(await provider.forge(await newSigningKey('k3'), { sub: OFFICER_SUBJECT, client_id: 'phoi-hop', scope: 'api', exp: Math.floor(Date.now() / 1000) + 300 }));
    await provider.stop();
    try {
      // Past the token cache and the refresh window: the keys must be read again, and cannot be.
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(codeOf(await gql(ME, {}, officerToken))).toBe('OK');
      const refused = await gql(ME, {}, unknownKey);
      expect(codeOf(refused)).toBe('UNAVAILABLE');
      expect(messageOf(refused)).toMatch(/^The identity provider is unavailable: .*unreachable/);
      expect(await providerFailures()).toBeGreaterThan(failuresBefore);
      expect(errors.mock.calls.map(([message]) => String(message))).toEqual(expect.arrayContaining([expect.stringMatching(/^Identity provider failed: .*unreachable/)]));
      // Past the stale window (4 s after the last good read) even the known key is UNAVAILABLE, never "Token is invalid".
      const stale = await eventually(async () => {
        const result = await gql(ME, {}, officerToken);
        return codeOf(result) === 'OK' ? undefined : result;
      }, 6000);
      expect(codeOf(stale)).toBe('UNAVAILABLE');
    } finally {
      errors.mockRestore();
    }
  }, 20_000);

  it('never put a token of the provider on NATS: the directory is asked with issuer and subject', () => {
    const resolves = natsMessages.filter((m) => m.subject === RpcSubjects.directory.actorResolve);
    expect(resolves.length).toBeGreaterThan(0);
    expect(resolves.some((m) => m.text.includes(`"subject":"${OFFICER_SUBJECT}"`) && m.text.includes(`"issuer":"${provider.issuer}"`))).toBe(true);
    expect(issued.length).toBeGreaterThan(5);
    const leaked = natsMessages.filter((m) => issued.some((token) => m.text.includes(token) || m.text.includes(token.split('.')[2]!)));
    expect(leaked.map((m) => m.subject)).toEqual([]);
  });
});
