import { generateKeyPairSync } from 'node:crypto';
import { evidenceConfigFromEnv } from './evidence.config';

const BASE = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/phoi_hop' };
const PRODUCTION = {
  ...BASE,
  NODE_ENV: 'production',
  AUTH_MODE: 'oidc',
  OIDC_ISSUER: 'https://id.example.vn/realms/qb',
  INTERNAL_TOKEN_SECRET: 'x'.repeat(40),
};
const PEM = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('evidenceConfigFromEnv', () => {
  it('has the documented defaults: 100 MB, port 3105, no private addresses, a development key', () => {
    const config = evidenceConfigFromEnv(BASE);
    expect(config).toMatchObject({
      httpPort: 3105,
      maxUploadBytes: 100 * 1024 * 1024,
      signingKeyPem: null,
      capture: { allowPrivateAddresses: false, maxRedirects: 5, chromiumPath: '/usr/bin/chromium' },
    });
    expect(config.allowedMimeTypes).toContain('application/pdf');
  });

  it('requires a signing key in production', () => {
    expect(() => evidenceConfigFromEnv(PRODUCTION)).toThrow('EVIDENCE_SIGNING_KEY is required in production');
    expect(evidenceConfigFromEnv({ ...PRODUCTION, EVIDENCE_SIGNING_KEY: PEM, EVIDENCE_SIGNING_KEY_ID: 'qb-2026-1' })).toMatchObject({
      signingKeyId: 'qb-2026-1',
      production: true,
    });
  });

  it('refuses the test allowance for private addresses in production, and a key without its id', () => {
    expect(() =>
      evidenceConfigFromEnv({ ...PRODUCTION, EVIDENCE_SIGNING_KEY: PEM, EVIDENCE_SIGNING_KEY_ID: 'k', EVIDENCE_CAPTURE_ALLOW_PRIVATE: 'true' }),
    ).toThrow('EVIDENCE_CAPTURE_ALLOW_PRIVATE must not be true in production');
    expect(() => evidenceConfigFromEnv({ ...BASE, EVIDENCE_SIGNING_KEY: PEM })).toThrow('EVIDENCE_SIGNING_KEY_ID is required');
    expect(evidenceConfigFromEnv({ ...BASE, EVIDENCE_CAPTURE_ALLOW_PRIVATE: 'true' }).capture.allowPrivateAddresses).toBe(true);
  });

  it('links pictures within 10 of 64 bits and purges 5 years after closure by default; refuses nonsense for either', () => {
    expect(evidenceConfigFromEnv(BASE)).toMatchObject({ phashMaxDistance: 10, retention: { enabled: true, days: 1825, intervalMs: 86_400_000 } });
    expect(evidenceConfigFromEnv({ ...BASE, EVIDENCE_PHASH_MAX_DISTANCE: '6', EVIDENCE_RETENTION_DAYS: '30' })).toMatchObject({
      phashMaxDistance: 6,
      retention: { days: 30 },
    });
    expect(() => evidenceConfigFromEnv({ ...BASE, EVIDENCE_PHASH_MAX_DISTANCE: '40' })).toThrow(
      'EVIDENCE_PHASH_MAX_DISTANCE must be a whole number from 0 to 32',
    );
    expect(() => evidenceConfigFromEnv({ ...BASE, EVIDENCE_RETENTION_DAYS: '0' })).toThrow('EVIDENCE_RETENTION_DAYS must be a whole number of days');
  });
});
