import { generateKeyPairSync } from 'node:crypto';
import { evidenceConfigFromEnv } from './evidence.config';

const BASE = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/phoi_hop' };
const PRODUCTION = { ...BASE, NODE_ENV: 'production', AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://id.example.vn/realms/qb', INTERNAL_TOKEN_SECRET: 'x'.repeat(40) };
const PEM = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('evidenceConfigFromEnv', () => {
  it('has the documented defaults: 100 MB, port 3105, no private addresses, a development key', () => {
    const config = evidenceConfigFromEnv(BASE);
    expect(config).toMatchObject({ httpPort: 3105, maxUploadBytes: 100 * 1024 * 1024, signingKeyPem: null, capture: { allowPrivateAddresses: false, maxRedirects: 5, chromiumPath: '/usr/bin/chromium' } });
    expect(config.allowedMimeTypes).toContain('application/pdf');
  });

  it('requires a signing key in production', () => {
    expect(() => evidenceConfigFromEnv(PRODUCTION)).toThrow('EVIDENCE_SIGNING_KEY is required in production');
    expect(evidenceConfigFromEnv({ ...PRODUCTION, EVIDENCE_SIGNING_KEY: PEM, EVIDENCE_SIGNING_KEY_ID: 'qb-2026-1' })).toMatchObject({ signingKeyId: 'qb-2026-1', production: true });
  });

  it('refuses the test allowance for private addresses in production, and a key without its id', () => {
    expect(() => evidenceConfigFromEnv({ ...PRODUCTION, EVIDENCE_SIGNING_KEY: PEM, EVIDENCE_SIGNING_KEY_ID: 'k', EVIDENCE_CAPTURE_ALLOW_PRIVATE: 'true' })).toThrow('EVIDENCE_CAPTURE_ALLOW_PRIVATE must not be true in production');
    expect(() => evidenceConfigFromEnv({ ...BASE, EVIDENCE_SIGNING_KEY: PEM })).toThrow('EVIDENCE_SIGNING_KEY_ID is required');
    expect(evidenceConfigFromEnv({ ...BASE, EVIDENCE_CAPTURE_ALLOW_PRIVATE: 'true' }).capture.allowPrivateAddresses).toBe(true);
  });
});
