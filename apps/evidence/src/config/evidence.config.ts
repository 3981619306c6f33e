import path from 'node:path';
import { bool, cleanEnv, num, str } from 'envalid';
import { authEnv } from '@phoi-hop/auth';
import { baseServiceConfigFromEnv, httpEnv, messagingEnv, type BaseServiceConfig } from '@phoi-hop/messaging';
import { persistenceEnv } from '@phoi-hop/persistence';
import { S3_COPY_LIMIT_BYTES, type S3StorageSettings } from '../storage/s3-blob-store';

/** What an upload may be, by the type sniffed from its bytes: pictures, video, PDF (Đ6.2 evidence of what was published). */
export const DEFAULT_ALLOWED_MIME_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'application/pdf',
];

export interface CaptureSettings {
  /** Tests only: let captures reach loopback and private addresses (refused with NODE_ENV=production). */
  allowPrivateAddresses: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Headless Chromium for the full-page screenshot; none: captures say they have no screenshot. */
  chromiumPath: string | null;
}

/** Where blobs are kept: the local filesystem under `evidenceDir` (the default), or S3-compatible object storage. */
export type EvidenceStorageSettings = { kind: 'filesystem' } | ({ kind: 's3' } & S3StorageSettings);

/** The RFC 3161 time-stamping authority that timestamps each item's hash; null: items are not timestamped. */
export interface TimestampingSettings {
  url: string;
  /** PEM certificates the TSA's signing certificate must chain to (its CA, or the TSA certificate itself). */
  trustedCertsPem: string;
  timeoutMs: number;
  /** How often timestamps that failed are looked for to be requested again. */
  retryIntervalMs: number;
}

export interface EvidenceConfig extends BaseServiceConfig {
  outboxRelayEnabled: boolean;
  /** Root of the local blob store (content-addressed files), and of the development signing key. */
  evidenceDir: string;
  storage: EvidenceStorageSettings;
  timestamping: TimestampingSettings | null;
  maxUploadBytes: number;
  allowedMimeTypes: string[];
  uploadTtlSeconds: number;
  /** Base of the upload and download addresses handed out (default: this process's own HTTP address). */
  publicUrl: string | null;
  capture: CaptureSettings;
  /** PEM of the package signing key (PKCS#8, ECDSA P-256 or Ed25519); null: a development key kept in `evidenceDir`. */
  signingKeyPem: string | null;
  signingKeyId: string | null;
  integrity: { enabled: boolean; intervalMs: number };
  /** Pictures whose 64-bit perceptual hashes differ in at most this many bits are shown as similar. */
  phashMaxDistance: number;
  /** The retention purge: evidence of a case closed more than `days` ago is deleted (unless on legal hold). */
  retention: { enabled: boolean; days: number; intervalMs: number };
  production: boolean;
}

function cleanEvidenceEnv(environment: NodeJS.ProcessEnv) {
  return cleanEnv(environment, {
    ...persistenceEnv('evidence'),
    ...messagingEnv(),
    ...authEnv(),
    ...httpEnv(3105),
    OUTBOX_RELAY_ENABLED: bool({ default: true, desc: 'Publish outbox events from this process' }),
    EVIDENCE_DIR: str({ default: path.resolve('.data/evidence'), desc: 'Directory of the local blob store' }),
    EVIDENCE_STORAGE: str({
      choices: ['filesystem', 's3'],
      default: 'filesystem',
      desc: 'Where blobs are kept: EVIDENCE_DIR, or S3-compatible object storage',
    }),
    EVIDENCE_S3_BUCKET: str({ default: '', desc: 'Bucket of the blobs (required with EVIDENCE_STORAGE=s3)' }),
    EVIDENCE_S3_PREFIX: str({ default: '', desc: 'Prefix of every key in the bucket, e.g. "evidence/" (empty: none)' }),
    EVIDENCE_S3_ENDPOINT: str({ default: '', desc: 'Endpoint of an S3-compatible store (empty: AWS)' }),
    EVIDENCE_S3_REGION: str({ default: '', desc: 'Region of the bucket (empty: AWS_REGION)' }),
    EVIDENCE_S3_FORCE_PATH_STYLE: bool({ default: false, desc: 'Address the bucket in the path, as most S3-compatible stores need' }),
    AWS_REGION: str({ default: '', desc: 'The AWS SDK’s region, used when EVIDENCE_S3_REGION is empty' }),
    EVIDENCE_TSA_URL: str({ default: '', desc: 'RFC 3161 time-stamping authority that timestamps each item’s hash (empty: none)' }),
    EVIDENCE_TSA_CERTS: str({ default: '', desc: 'PEM certificates the TSA’s signing certificate must chain to (required with EVIDENCE_TSA_URL)' }),
    EVIDENCE_TSA_TIMEOUT_MS: num({ default: 10_000, desc: 'Timeout of one timestamp request' }),
    EVIDENCE_TSA_RETRY_INTERVAL_MS: num({ default: 60_000, desc: 'How often failed timestamps are looked for to be requested again' }),
    EVIDENCE_MAX_BYTES: num({ default: 100 * 1024 * 1024, desc: 'Largest upload or capture, in bytes' }),
    EVIDENCE_ALLOWED_MIME_TYPES: str({
      default: DEFAULT_ALLOWED_MIME_TYPES.join(','),
      desc: 'Comma-separated MIME types an upload may be (sniffed from its bytes)',
    }),
    EVIDENCE_UPLOAD_TTL_SECONDS: num({ default: 900, desc: 'Life of an upload address' }),
    EVIDENCE_PUBLIC_URL: str({ default: '', desc: 'Base URL of this service as clients reach it (upload and download addresses)' }),
    EVIDENCE_CAPTURE_ALLOW_PRIVATE: bool({ default: false, desc: 'Tests only: captures may reach loopback and private addresses' }),
    EVIDENCE_CAPTURE_TIMEOUT_MS: num({ default: 20_000, desc: 'Timeout of each fetch of a capture' }),
    EVIDENCE_CHROMIUM_PATH: str({ default: '/usr/bin/chromium', desc: 'Headless Chromium for screenshots (empty: none)' }),
    EVIDENCE_SIGNING_KEY: str({ default: '', desc: 'PEM (PKCS#8) of the package signing key; required in production' }),
    EVIDENCE_SIGNING_KEY_ID: str({ default: '', desc: 'The signing key’s id, named in every package it signs' }),
    INTEGRITY_CHECK_ENABLED: bool({ default: true, desc: 'Run the scheduled integrity check from this process (each run fires once across replicas)' }),
    INTEGRITY_CHECK_INTERVAL_MS: num({ default: 6 * 3_600_000, desc: 'Time between integrity checks' }),
    EVIDENCE_PHASH_MAX_DISTANCE: num({ default: 10, desc: 'Largest Hamming distance (of 64 bits) between perceptual hashes of pictures shown as similar' }),
    EVIDENCE_RETENTION_DAYS: num({ default: 5 * 365, desc: 'Days after a case is closed or dismissed before its evidence is purged (legal holds excepted)' }),
    RETENTION_PURGE_ENABLED: bool({ default: true, desc: 'Run the scheduled retention purge from this process (each run fires once across replicas)' }),
    RETENTION_PURGE_INTERVAL_MS: num({ default: 24 * 3_600_000, desc: 'Time between retention purges' }),
  });
}

type EvidenceEnv = ReturnType<typeof cleanEvidenceEnv>;
type Fail = (name: string, message: string) => never;

/** Reads and validates the evidence service's environment; a bad setting fails at boot naming it. */
export function evidenceConfigFromEnv(environment: NodeJS.ProcessEnv = process.env): EvidenceConfig {
  const env = cleanEvidenceEnv(environment);
  const production = env.NODE_ENV === 'production';
  const fail = (name: string, message: string): never => {
    throw new Error(`Invalid configuration: ${name} ${message}`);
  };
  if (production && env.EVIDENCE_CAPTURE_ALLOW_PRIVATE) fail('EVIDENCE_CAPTURE_ALLOW_PRIVATE', 'must not be true in production');
  if (production && !env.EVIDENCE_SIGNING_KEY) fail('EVIDENCE_SIGNING_KEY', 'is required in production');
  if (env.EVIDENCE_SIGNING_KEY && !env.EVIDENCE_SIGNING_KEY_ID) fail('EVIDENCE_SIGNING_KEY_ID', 'is required with EVIDENCE_SIGNING_KEY');
  if (env.EVIDENCE_MAX_BYTES < 1) fail('EVIDENCE_MAX_BYTES', 'must be positive');
  if (!Number.isInteger(env.EVIDENCE_PHASH_MAX_DISTANCE) || env.EVIDENCE_PHASH_MAX_DISTANCE < 0 || env.EVIDENCE_PHASH_MAX_DISTANCE > 32)
    fail('EVIDENCE_PHASH_MAX_DISTANCE', 'must be a whole number from 0 to 32');
  if (!Number.isInteger(env.EVIDENCE_RETENTION_DAYS) || env.EVIDENCE_RETENTION_DAYS < 1)
    fail('EVIDENCE_RETENTION_DAYS', 'must be a whole number of days, at least 1');
  return {
    ...base(env, production),
    storage: storageOf(env, fail),
    timestamping: timestampingOf(env, fail),
  };
}

const isHttpUrl = (value: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

function storageOf(env: EvidenceEnv, fail: Fail): EvidenceStorageSettings {
  const s3Settings = ['EVIDENCE_S3_BUCKET', 'EVIDENCE_S3_PREFIX', 'EVIDENCE_S3_ENDPOINT', 'EVIDENCE_S3_REGION'] as const;
  if (env.EVIDENCE_STORAGE !== 's3') {
    const stray = s3Settings.find((name) => env[name]);
    if (stray) fail(stray, 'is set but EVIDENCE_STORAGE is not s3 (blobs would go to EVIDENCE_DIR)');
    return { kind: 'filesystem' };
  }
  const { EVIDENCE_S3_BUCKET: bucket, EVIDENCE_S3_ENDPOINT: endpoint, EVIDENCE_S3_PREFIX: prefix } = env;
  const region = env.EVIDENCE_S3_REGION || env.AWS_REGION;
  if (!bucket) fail('EVIDENCE_S3_BUCKET', 'is required with EVIDENCE_STORAGE=s3');
  // S3's bucket naming rules (lower-case letters, digits, dots, hyphens; 3 to 63 characters).
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) fail('EVIDENCE_S3_BUCKET', `"${bucket}" is not a valid bucket name`);
  if (endpoint && !isHttpUrl(endpoint)) fail('EVIDENCE_S3_ENDPOINT', 'must be an http(s) URL');
  if (!region) fail('EVIDENCE_S3_REGION', 'is required with EVIDENCE_STORAGE=s3 (or set AWS_REGION)');
  if (prefix.startsWith('/') || (prefix && !prefix.endsWith('/'))) fail('EVIDENCE_S3_PREFIX', 'must end with "/" and not start with one, e.g. "evidence/"');
  if (env.EVIDENCE_MAX_BYTES > S3_COPY_LIMIT_BYTES) fail('EVIDENCE_MAX_BYTES', 'must be at most 5 GiB with EVIDENCE_STORAGE=s3 (one server-side copy)');
  return { kind: 's3', bucket, prefix, endpoint: endpoint || null, region, forcePathStyle: env.EVIDENCE_S3_FORCE_PATH_STYLE };
}

function timestampingOf(env: EvidenceEnv, fail: Fail): TimestampingSettings | null {
  const url = env.EVIDENCE_TSA_URL;
  const certs = env.EVIDENCE_TSA_CERTS.replace(/\\n/g, '\n');
  if (!url) {
    if (certs) fail('EVIDENCE_TSA_CERTS', 'is set but EVIDENCE_TSA_URL is not');
    return null;
  }
  if (!isHttpUrl(url)) fail('EVIDENCE_TSA_URL', 'must be an http(s) URL');
  if (!/-----BEGIN CERTIFICATE-----/.test(certs))
    fail('EVIDENCE_TSA_CERTS', 'is required with EVIDENCE_TSA_URL: the PEM certificate(s) its tokens must chain to');
  if (env.EVIDENCE_TSA_TIMEOUT_MS < 1) fail('EVIDENCE_TSA_TIMEOUT_MS', 'must be positive');
  if (env.EVIDENCE_TSA_RETRY_INTERVAL_MS < 1) fail('EVIDENCE_TSA_RETRY_INTERVAL_MS', 'must be positive');
  return { url, trustedCertsPem: certs, timeoutMs: env.EVIDENCE_TSA_TIMEOUT_MS, retryIntervalMs: env.EVIDENCE_TSA_RETRY_INTERVAL_MS };
}

function base(env: EvidenceEnv, production: boolean): Omit<EvidenceConfig, 'storage' | 'timestamping'> {
  return {
    ...baseServiceConfigFromEnv('evidence', env),
    outboxRelayEnabled: env.OUTBOX_RELAY_ENABLED,
    evidenceDir: env.EVIDENCE_DIR,
    maxUploadBytes: env.EVIDENCE_MAX_BYTES,
    allowedMimeTypes: env.EVIDENCE_ALLOWED_MIME_TYPES.split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    uploadTtlSeconds: env.EVIDENCE_UPLOAD_TTL_SECONDS,
    publicUrl: env.EVIDENCE_PUBLIC_URL || null,
    capture: {
      allowPrivateAddresses: env.EVIDENCE_CAPTURE_ALLOW_PRIVATE,
      timeoutMs: env.EVIDENCE_CAPTURE_TIMEOUT_MS,
      maxBytes: env.EVIDENCE_MAX_BYTES,
      maxRedirects: 5,
      chromiumPath: env.EVIDENCE_CHROMIUM_PATH || null,
    },
    signingKeyPem: env.EVIDENCE_SIGNING_KEY ? env.EVIDENCE_SIGNING_KEY.replace(/\\n/g, '\n') : null,
    signingKeyId: env.EVIDENCE_SIGNING_KEY_ID || null,
    integrity: { enabled: env.INTEGRITY_CHECK_ENABLED, intervalMs: env.INTEGRITY_CHECK_INTERVAL_MS },
    phashMaxDistance: env.EVIDENCE_PHASH_MAX_DISTANCE,
    retention: { enabled: env.RETENTION_PURGE_ENABLED, days: env.EVIDENCE_RETENTION_DAYS, intervalMs: env.RETENTION_PURGE_INTERVAL_MS },
    production,
  };
}
