import { reportingConfigFromEnv } from '../config/reporting.config';

const BASE = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/phoi_hop' };
const PRODUCTION = {
  ...BASE,
  NODE_ENV: 'production',
  AUTH_MODE: 'oidc',
  OIDC_ISSUER: 'https://id.example.vn/realms/qb',
  INTERNAL_TOKEN_SECRET: 'x'.repeat(40),
};

describe('the digest settings of reportingConfigFromEnv', () => {
  it('has the documented defaults: the poller on, public addresses only, 20 s and 5 MB per fetch', () => {
    expect(reportingConfigFromEnv(BASE).digest).toMatchObject({
      pollerEnabled: true,
      allowPrivateAddresses: false,
      fetchTimeoutMs: 20_000,
      maxBytes: 5 * 1024 * 1024,
      tickMs: 60_000,
      publicUrl: null,
    });
  });

  it('signs download addresses with a key derived from the internal token secret', () => {
    expect(reportingConfigFromEnv(PRODUCTION).digest.linkSecret).toBe('x'.repeat(40));
  });

  it('refuses feeds on private addresses in production, and a tick under a second, naming the setting', () => {
    expect(() => reportingConfigFromEnv({ ...PRODUCTION, DIGEST_FETCH_ALLOW_PRIVATE: 'true' })).toThrow('DIGEST_FETCH_ALLOW_PRIVATE');
    expect(() => reportingConfigFromEnv({ ...BASE, DIGEST_POLL_TICK_MS: '10' })).toThrow('DIGEST_POLL_TICK_MS');
    expect(reportingConfigFromEnv({ ...BASE, DIGEST_FETCH_ALLOW_PRIVATE: 'true' }).digest.allowPrivateAddresses).toBe(true);
  });
});
