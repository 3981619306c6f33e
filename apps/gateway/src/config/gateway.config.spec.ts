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
});
