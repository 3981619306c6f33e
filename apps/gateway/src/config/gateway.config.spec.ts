import { DEFAULT_INTERNAL_SECRET } from '@phoi-hop/auth';
import { gatewayConfigFromEnv } from './gateway.config';

const production = { NODE_ENV: 'production', AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://id.example.vn/realms/quang-binh' };

describe(gatewayConfigFromEnv.name, () => {
  it('starts with nothing configured outside production, with the development internal key', () => {
    const config = gatewayConfigFromEnv({});
    expect(config.auth.internalSecret).toBe(DEFAULT_INTERNAL_SECRET);
    expect(config.internalTokenTtlSeconds).toBe(300);
  });

  it('requires its own internal key in production, and keeps internal tokens short-lived', () => {
    expect(() => gatewayConfigFromEnv(production)).toThrow(/INTERNAL_TOKEN_SECRET is required/);
    const secret = 'k'.repeat(48);
    expect(gatewayConfigFromEnv({ ...production, INTERNAL_TOKEN_SECRET: secret }).auth.internalSecret).toBe(secret);
    expect(() => gatewayConfigFromEnv({ INTERNAL_TOKEN_TTL_SECONDS: '3600' })).toThrow(/INTERNAL_TOKEN_TTL_SECONDS/);
  });

  it('asks for a signed-in caller for introspection in production, and takes the identity windows and switches from the environment', () => {
    const secret = 'k'.repeat(48);
    const prod = gatewayConfigFromEnv({ ...production, INTERNAL_TOKEN_SECRET: secret });
    expect(prod.introspection).toBe('signed-in');
    expect(prod.auth).toMatchObject({ jwksRefreshMs: 30_000, tokenCacheMs: 30_000, jwksMaxStaleMs: 300_000, allowUntypedAccessTokens: false });
    expect(prod.auth).not.toHaveProperty('usernameClaim');
    expect(prod.auth).not.toHaveProperty('jwksUrl');
    expect(gatewayConfigFromEnv({}).introspection).toBe('public');
    const tuned = gatewayConfigFromEnv({
      ...production,
      INTERNAL_TOKEN_SECRET: secret,
      GRAPHQL_INTROSPECTION: 'off',
      OIDC_USERNAME_CLAIM: 'preferred_username',
      OIDC_ALLOW_UNTYPED_ACCESS_TOKENS: 'true',
      OIDC_JWKS_REFRESH_SECONDS: '10',
      OIDC_JWKS_MAX_STALE_SECONDS: '60',
      AUTH_TOKEN_CACHE_SECONDS: '5',
    });
    expect(tuned.introspection).toBe('off');
    expect(tuned.auth).toMatchObject({
      usernameClaim: 'preferred_username',
      allowUntypedAccessTokens: true,
      jwksRefreshMs: 10_000,
      jwksMaxStaleMs: 60_000,
      tokenCacheMs: 5_000,
    });
    expect(() => gatewayConfigFromEnv({ OIDC_JWKS_REFRESH_SECONDS: '60', OIDC_JWKS_MAX_STALE_SECONDS: '30' })).toThrow(/OIDC_JWKS_MAX_STALE_SECONDS/);
  });
});
