import { bool, cleanEnv, num, str } from 'envalid';
import { REFERENCE_CODE_PATTERN } from '@phoi-hop/contracts';
import { authEnv, internalSecretFromEnv } from '@phoi-hop/auth';
import { baseServiceConfigFromEnv, httpEnv, messagingEnv, type BaseServiceConfig } from '@phoi-hop/messaging';
import { deadlineEnv, deadlineSettingsFromEnv, persistenceEnv, type DeadlineSettings } from '@phoi-hop/persistence';
import type { DigestSettings } from '../digest/digest.settings';
import { INLINE_DOCUMENT_MAX_BYTES_DEFAULT, INLINE_DOCUMENT_MAX_BYTES_LIMIT } from '../download/document-download.settings';

export interface ReportingConfig extends BaseServiceConfig {
  outboxRelayEnabled: boolean;
  /** Apply the event stream to the read models in this process (replicas share the durable consumer). */
  readModelConsumerEnabled: boolean;
  /** Events the read-model consumer applies per transaction (1: one each). */
  readModelBatchSize?: number;
  /** Đ6.1 daily media digest: feed fetching and polling, download addresses. */
  digest: DigestSettings;
  /** Run the report periods' deadline scheduler in this process (safe on every replica: each deadline fires once). */
  schedulerEnabled: boolean;
  deadlines: DeadlineSettings;
  /** The agency that opens report periods and consolidates them (Sở TT&TT, Đ7.4). */
  reportLeadAgencyCode: string;
  /** Readiness fails without LibreOffice (images built with deploy/system-packages.txt have it). */
  pdfRequired?: boolean;
  /** Rendered documents up to this size also travel inline; default INLINE_DOCUMENT_MAX_BYTES_DEFAULT. */
  inlineDocumentMaxBytes?: number;
}

/** Reads and validates the reporting service's environment; a bad setting fails at boot naming it. */
export function reportingConfigFromEnv(environment: NodeJS.ProcessEnv = process.env): ReportingConfig {
  const env = cleanEnv(environment, {
    ...persistenceEnv('reporting'),
    ...messagingEnv(),
    ...authEnv(),
    ...httpEnv(3107),
    OUTBOX_RELAY_ENABLED: bool({ default: true, desc: 'Publish outbox events from this process' }),
    READ_MODEL_CONSUMER_ENABLED: bool({ default: true, desc: 'Apply the EVENTS stream to the statistics read models in this process' }),
    READ_MODEL_BATCH_SIZE: num({ default: 1000, desc: 'Events the read-model consumer applies per transaction, 1 to 2000 (1: one each)' }),
    DIGEST_POLLER_ENABLED: bool({ default: true, desc: 'Poll the digest feeds from this process (each due feed is polled by one replica)' }),
    DIGEST_POLL_TICK_MS: num({ default: 60_000, desc: 'How often the digest poller looks for due feeds' }),
    DIGEST_FETCH_TIMEOUT_MS: num({ default: 20_000, desc: 'Timeout of each fetch of a feed' }),
    DIGEST_FETCH_MAX_BYTES: num({ default: 5 * 1024 * 1024, desc: 'Largest feed document, in bytes' }),
    DIGEST_FETCH_ALLOW_PRIVATE: bool({ default: false, desc: 'Tests only: feeds may be on loopback and private addresses' }),
    REPORTING_PUBLIC_URL: str({ default: '', desc: 'Base URL of this service as clients reach it (digest download addresses)' }),
    ...deadlineEnv(),
    REPORT_LEAD_AGENCY: str({ default: 'STTTT', desc: 'Agency code of the lead agency that opens and consolidates periodic reports' }),
    REPORTING_INLINE_DOCUMENT_MAX_BYTES: num({
      default: INLINE_DOCUMENT_MAX_BYTES_DEFAULT,
      desc: 'Rendered documents up to this many bytes also travel inline (base64); larger ones only by their download address',
    }),
    REPORTING_PDF_REQUIRED: bool({ default: false, desc: 'Readiness fails when LibreOffice (soffice) is missing, so PDFs cannot be made' }),
  });
  if (env.NODE_ENV === 'production' && env.DIGEST_FETCH_ALLOW_PRIVATE)
    throw new Error('Invalid configuration: DIGEST_FETCH_ALLOW_PRIVATE must not be true in production');
  if (env.DIGEST_POLL_TICK_MS < 1_000) throw new Error('Invalid configuration: DIGEST_POLL_TICK_MS must be at least 1000');
  if (
    !Number.isInteger(env.REPORTING_INLINE_DOCUMENT_MAX_BYTES) ||
    env.REPORTING_INLINE_DOCUMENT_MAX_BYTES < 0 ||
    env.REPORTING_INLINE_DOCUMENT_MAX_BYTES > INLINE_DOCUMENT_MAX_BYTES_LIMIT
  )
    throw new Error(
      `Invalid configuration: REPORTING_INLINE_DOCUMENT_MAX_BYTES must be an integer from 0 to ${INLINE_DOCUMENT_MAX_BYTES_LIMIT} (base64 must fit a NATS message)`,
    );
  if (!Number.isInteger(env.READ_MODEL_BATCH_SIZE) || env.READ_MODEL_BATCH_SIZE < 1 || env.READ_MODEL_BATCH_SIZE > 2000)
    throw new Error('Invalid configuration: READ_MODEL_BATCH_SIZE must be a whole number from 1 to 2000');
  if (!REFERENCE_CODE_PATTERN.test(env.REPORT_LEAD_AGENCY)) throw new Error('REPORT_LEAD_AGENCY must be an agency code');
  return {
    ...baseServiceConfigFromEnv('reporting', env),
    outboxRelayEnabled: env.OUTBOX_RELAY_ENABLED,
    readModelConsumerEnabled: env.READ_MODEL_CONSUMER_ENABLED,
    readModelBatchSize: env.READ_MODEL_BATCH_SIZE,
    digest: {
      allowPrivateAddresses: env.DIGEST_FETCH_ALLOW_PRIVATE,
      fetchTimeoutMs: env.DIGEST_FETCH_TIMEOUT_MS,
      maxBytes: env.DIGEST_FETCH_MAX_BYTES,
      maxRedirects: 5,
      pollerEnabled: env.DIGEST_POLLER_ENABLED,
      tickMs: env.DIGEST_POLL_TICK_MS,
      publicUrl: env.REPORTING_PUBLIC_URL || null,
      linkSecret: internalSecretFromEnv(env),
    },
    ...deadlineSettingsFromEnv(env),
    reportLeadAgencyCode: env.REPORT_LEAD_AGENCY,
    pdfRequired: env.REPORTING_PDF_REQUIRED,
    inlineDocumentMaxBytes: env.REPORTING_INLINE_DOCUMENT_MAX_BYTES,
  };
}
