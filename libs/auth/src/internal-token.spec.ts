import { decodeJwt } from 'jose';
import type { Actor } from '@phoi-hop/contracts';
import { internalSecretFromEnv } from './auth.env';
import { DEFAULT_INTERNAL_SECRET, INTERNAL_TOKEN_MAX_TTL_SECONDS, InternalTokenIssuer, InternalTokenVerifier, isInternalToken } from './internal-token';
import { DevTokenIssuer } from './token-verifier';

const secret = 'internal-test-secret-of-sufficient-length-42';
const client: Actor = {
  userId: '3b241101-e2bb-4255-8caf-4136c566a962',
  username: 'api-key:3b241101',
  agencyCode: 'STTTT',
  roles: ['API_CLIENT'],
  scopes: ['submitReport'],
  apiKeyId: '3b241101-e2bb-4255-8caf-4136c566a962',
};

describe(InternalTokenVerifier.name, () => {
  const issuer = new InternalTokenIssuer(secret);
  const sut = new InternalTokenVerifier(secret, 0);

  it('round-trips an API client with its scopes, and a service identity', async () => {
    const { token } = await issuer.sign(client);
    expect(isInternalToken(token)).toBe(true);
    await expect(sut.verify(token)).resolves.toEqual(client);
    const gateway = { userId: 'gateway', username: 'gateway', agencyCode: '', roles: [], service: 'gateway' } satisfies Actor;
    await expect(sut.verify((await issuer.sign(gateway)).token)).resolves.toEqual(gateway);
  });

  it('lives at most five minutes, and never past the token it stands for', async () => {
    const now = Date.now();
    const long = await issuer.sign(client, 3600);
    expect(long.expiresAtMs).toBeLessThanOrEqual(now + INTERNAL_TOKEN_MAX_TTL_SECONDS * 1000 + 1000);
    expect(decodeJwt(long.token).exp! * 1000).toBe(long.expiresAtMs);
    const capped = await issuer.sign(client, 300, now + 20_000);
    expect(capped.expiresAtMs).toBeLessThanOrEqual(now + 20_000);
  });

  it('refuses tokens signed with another key, expired ones, and development tokens', async () => {
    const forged = await new InternalTokenIssuer('another-internal-secret-of-sufficient-len').sign(client);
    await expect(sut.verify(forged.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Internal token is invalid' });
    const expired = await issuer.sign(client, 300, Date.now() - 60_000);
    await expect(sut.verify(expired.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token expired' });
    const dev = await new DevTokenIssuer(secret, 'test').sign(client);
    expect(isInternalToken(dev)).toBe(false);
    await expect(sut.verify(dev)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('internalSecretFromEnv', () => {
  it('requires a real key in production and offers a default elsewhere', () => {
    expect(() => internalSecretFromEnv({ NODE_ENV: 'production', INTERNAL_TOKEN_SECRET: '' })).toThrow(/INTERNAL_TOKEN_SECRET is required/);
    expect(() => internalSecretFromEnv({ NODE_ENV: 'production', INTERNAL_TOKEN_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => internalSecretFromEnv({ NODE_ENV: 'production', INTERNAL_TOKEN_SECRET: DEFAULT_INTERNAL_SECRET })).toThrow(/at least 32/);
    expect(internalSecretFromEnv({ NODE_ENV: 'production', INTERNAL_TOKEN_SECRET: secret })).toBe(secret);
    expect(internalSecretFromEnv({ NODE_ENV: 'development', INTERNAL_TOKEN_SECRET: '' })).toBe(DEFAULT_INTERNAL_SECRET);
  });
});
