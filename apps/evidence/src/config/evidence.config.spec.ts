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

  it('keeps blobs in EVIDENCE_DIR by default, and refuses S3 settings that would be ignored', () => {
    expect(evidenceConfigFromEnv(BASE)).toMatchObject({ storage: { kind: 'filesystem' }, timestamping: null });
    expect(() => evidenceConfigFromEnv({ ...BASE, EVIDENCE_S3_BUCKET: 'phoi-hop-evidence' })).toThrow(
      'EVIDENCE_S3_BUCKET is set but EVIDENCE_STORAGE is not s3',
    );
  });

  it('reads S3 storage settings, and names the one that is missing or wrong', () => {
    const S3 = { ...BASE, EVIDENCE_STORAGE: 's3', EVIDENCE_S3_BUCKET: 'phoi-hop-evidence', EVIDENCE_S3_REGION: 'ap-southeast-1' };
    expect(evidenceConfigFromEnv({ ...S3, EVIDENCE_S3_ENDPOINT: 'https://s3.example.gov.vn', EVIDENCE_S3_FORCE_PATH_STYLE: 'true' }).storage).toEqual({
      kind: 's3',
      bucket: 'phoi-hop-evidence',
      prefix: '',
      endpoint: 'https://s3.example.gov.vn',
      region: 'ap-southeast-1',
      forcePathStyle: true,
    });
    expect(evidenceConfigFromEnv({ ...S3, EVIDENCE_S3_REGION: '', AWS_REGION: 'eu-west-1' }).storage).toMatchObject({ region: 'eu-west-1', endpoint: null });
    expect(() => evidenceConfigFromEnv({ ...S3, EVIDENCE_S3_BUCKET: '' })).toThrow('EVIDENCE_S3_BUCKET is required with EVIDENCE_STORAGE=s3');
    expect(() => evidenceConfigFromEnv({ ...S3, EVIDENCE_S3_BUCKET: 'Evidence_Bucket' })).toThrow('"Evidence_Bucket" is not a valid bucket name');
    expect(() => evidenceConfigFromEnv({ ...S3, EVIDENCE_S3_REGION: '' })).toThrow('EVIDENCE_S3_REGION is required');
    expect(() => evidenceConfigFromEnv({ ...S3, EVIDENCE_S3_ENDPOINT: 's3.example.gov.vn' })).toThrow('EVIDENCE_S3_ENDPOINT must be an http(s) URL');
    expect(() => evidenceConfigFromEnv({ ...S3, EVIDENCE_S3_PREFIX: 'evidence' })).toThrow('EVIDENCE_S3_PREFIX must end with "/"');
    expect(() => evidenceConfigFromEnv({ ...S3, EVIDENCE_MAX_BYTES: String(6 * 1024 ** 3) })).toThrow('EVIDENCE_MAX_BYTES must be at most 5 GiB');
  });

  it('timestamps only with a TSA and the certificates its tokens must chain to', () => {
    const CERT = '-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----';
    expect(evidenceConfigFromEnv({ ...BASE, EVIDENCE_TSA_URL: 'http://tsa.example.vn/tsr', EVIDENCE_TSA_CERTS: CERT }).timestamping).toEqual({
      url: 'http://tsa.example.vn/tsr',
      trustedCertsPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      timeoutMs: 10_000,
      retryIntervalMs: 60_000,
    });
    expect(() => evidenceConfigFromEnv({ ...BASE, EVIDENCE_TSA_URL: 'http://tsa.example.vn/tsr' })).toThrow(
      'EVIDENCE_TSA_CERTS is required with EVIDENCE_TSA_URL',
    );
    expect(() => evidenceConfigFromEnv({ ...BASE, EVIDENCE_TSA_URL: 'tsa.example.vn', EVIDENCE_TSA_CERTS: CERT })).toThrow(
      'EVIDENCE_TSA_URL must be an http(s) URL',
    );
    expect(() => evidenceConfigFromEnv({ ...BASE, EVIDENCE_TSA_CERTS: CERT })).toThrow('EVIDENCE_TSA_CERTS is set but EVIDENCE_TSA_URL is not');
  });
});
