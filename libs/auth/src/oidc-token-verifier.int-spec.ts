import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { OidcTokenVerifier, type AuthConfig } from './token-verifier';

type Key = { kid: string; privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']; jwk: JWK };

/**
 * The production path: tokens of an OIDC provider verified against the keys named by its
 * discovery document, served here by a local HTTP server that can rotate or drop keys and go
 * down (no network beyond loopback).
 */
describe(OidcTokenVerifier.name, () => {
  let server: Server;
  let issuer: string;
  let keys: JWK[] = [];
  let down = false;
  const reads = { discovery: 0, jwks: 0 };

  async function newKey(kid: string): Promise<Key> {
    const pair = await generateKeyPair('RS256');
    return { kid, privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } };
  }

  const sign = (key: Key, claims: Record<string, unknown> = {}, options: { iss?: string; aud?: string; exp?: number | null; typ?: string } = {}) => {
    const jwt = new SignJWT({ client_id: 'web', scope: 'api', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: options.typ ?? 'at+jwt' })
      .setSubject('3b241101-e2bb-4255-8caf-4136c566a962')
      .setIssuer(options.iss ?? issuer)
      .setAudience(options.aud ?? 'phoi-hop')
      .setIssuedAt();
    if (options.exp !== null) jwt.setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 300);
    return jwt.sign(key.privateKey);
  };

  const config = (overrides: Partial<AuthConfig> = {}): AuthConfig => ({
    mode: 'oidc',
    issuer,
    audience: 'phoi-hop',
    clockToleranceSeconds: 5,
    jwksCooldownMs: 0,
    ...overrides,
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (down) {
        res.statusCode = 503;
        res.end();
      } else if (req.url === '/realms/qb/.well-known/openid-configuration') {
        reads.discovery++;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/keys` }));
      } else if (req.url === '/realms/qb/keys') {
        reads.jwks++;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys }));
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/qb`;
  });

  beforeEach(() => {
    down = false;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('finds the keys through the discovery document, names issuer and subject only, and follows a key rotation', async () => {
    const first = await newKey('k1');
    keys = [first.jwk];
    const before = { ...reads };
    const sut = new OidcTokenVerifier(config());
    // A provider's own roles (Keycloak, Entra ID) and username are not the directory's: ignored.
    const token = await sign(first, { roles: ['default-roles-qb', 'offline_access'], preferred_username: 'admin' });
    await expect(sut.verify(token)).resolves.toEqual({ issuer, subject: '3b241101-e2bb-4255-8caf-4136c566a962', expiresAtMs: expect.any(Number) });
    expect(reads.discovery - before.discovery).toBe(1);
    expect(reads.jwks - before.jwks).toBe(1);

    const second = await newKey('k2');
    keys = [second.jwk];
    await expect(sut.verify(await sign(second))).resolves.toMatchObject({ subject: '3b241101-e2bb-4255-8caf-4136c566a962' });
  });

  it('takes the username from the configured claim only', async () => {
    const key = await newKey('k-user');
    keys = [key.jwk];
    const sut = new OidcTokenVerifier(config({ usernameClaim: 'preferred_username' }));
    await expect(sut.verify(await sign(key, { preferred_username: 'syt.officer' }))).resolves.toMatchObject({ username: 'syt.officer' });
    await expect(sut.verify(await sign(key))).resolves.not.toHaveProperty('username');
  });

  it('refuses another issuer or audience, an expired token, one without exp, an unknown key, an ID token and an untyped token', async () => {
    const key = await newKey('k3');
    keys = [key.jwk];
    const sut = new OidcTokenVerifier(config());
    await expect(sut.verify(await sign(key, {}, { iss: 'http://127.0.0.1:1/realms/other' }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Token claim "iss" is invalid',
    });
    await expect(sut.verify(await sign(key, {}, { aud: 'another-app' }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Token claim "aud" is invalid',
    });
    await expect(sut.verify(await sign(key, {}, { exp: Math.floor(Date.now() / 1000) - 60 }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Token expired',
    });
    await expect(sut.verify(await sign(key, {}, { exp: null }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token lacks the "exp" claim' });
    await expect(sut.verify(await sign(key, { nonce: 'n', at_hash: 'x' }, { typ: 'JWT' }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Token is not an access token (typ at+jwt)',
    });
    const stranger = await newKey('k3');
    await expect(sut.verify(await sign(stranger))).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token signature is invalid' });
    const unknown = await newKey('k-unknown');
    await expect(sut.verify(await sign(unknown))).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token is signed with an unknown key' });

    // A provider that does not type its access tokens: allowed by a setting, and ID tokens still refused.
    const lenient = new OidcTokenVerifier(config({ allowUntypedAccessTokens: true }));
    await expect(lenient.verify(await sign(key, {}, { typ: 'JWT' }))).resolves.toMatchObject({ issuer });
    await expect(lenient.verify(await sign(key, { nonce: 'n' }, { typ: 'JWT' }))).rejects.toMatchObject({
      message: 'Token is an ID token, not an access token',
    });
    await expect(lenient.verify(await sign(key, { typ: 'ID' }, { typ: 'JWT' }))).rejects.toMatchObject({
      message: 'Token is an ID token, not an access token',
    });
    // An ID token without nonce or hashes (oidc-provider's, from the token endpoint): no scope, no client_id.
    await expect(lenient.verify(await sign(key, { client_id: undefined, scope: undefined, preferred_username: 'x' }, { typ: 'JWT' }))).rejects.toMatchObject({
      message: 'Token is an ID token, not an access token',
    });
  });

  it('stops accepting a key the provider dropped once the keys are read again', async () => {
    const kept = await newKey('k-kept');
    const dropped = await newKey('k-dropped');
    keys = [kept.jwk, dropped.jwk];
    const sut = new OidcTokenVerifier(config({ jwksRefreshMs: 300 }));
    const token = await sign(dropped);
    await expect(sut.verify(token)).resolves.toMatchObject({ issuer });
    keys = [kept.jwk];
    await new Promise((resolve) => setTimeout(resolve, 350));
    await expect(sut.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token is signed with an unknown key' });
    await expect(sut.verify(await sign(kept))).resolves.toMatchObject({ issuer });
  });

  it('answers UNAVAILABLE when the provider is down and a key must be read; serves the last keys for the stale window; tells the listener each time', async () => {
    const key = await newKey('k-outage');
    keys = [key.jwk];
    const failures: string[] = [];
    const sut = new OidcTokenVerifier(config({ jwksRefreshMs: 100, jwksMaxStaleMs: 600 }), (message) => failures.push(message));
    const token = await sign(key);
    await expect(sut.verify(token)).resolves.toMatchObject({ issuer });

    down = true;
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Keys read 150 ms ago, provider down: they still serve (stale window), and the failure is reported.
    await expect(sut.verify(token)).resolves.toMatchObject({ issuer });
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures.at(-1)).toMatch(/answered HTTP 503|unreachable/);
    // A key not seen yet cannot be checked: the provider's failure, not the token's.
    await expect(sut.verify(await sign(await newKey('k-new')))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Past the stale window: UNAVAILABLE, not "Token is invalid".
    await expect(sut.verify(token)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^The identity provider is unavailable/) });

    down = false;
    await expect(sut.verify(token)).resolves.toMatchObject({ issuer });
  });

  it('answers UNAVAILABLE for an unreachable provider or a wrong keys URL, never "Token is invalid"', async () => {
    const key = await newKey('k-wrong');
    keys = [key.jwk];
    const token = await sign(key);
    const unreachable = new OidcTokenVerifier(config({ issuer: 'http://127.0.0.1:9/realms/qb' }));
    await expect(unreachable.verify(await sign(key, {}, { iss: 'http://127.0.0.1:9/realms/qb' }))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/discovery document .* unreachable/),
    });
    const wrongUrl = new OidcTokenVerifier(config({ jwksUrl: `${issuer}/no-such-keys` }));
    await expect(wrongUrl.verify(token)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/JWKS .* answered HTTP 404/) });
  });
});
