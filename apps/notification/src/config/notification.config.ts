import { bool, cleanEnv, num, str } from 'envalid';
import { authEnv } from '@phoi-hop/auth';
import { AGENCY_FEED_STREAM } from '@phoi-hop/contracts';
import { baseServiceConfigFromEnv, httpEnv, messagingEnv, type BaseServiceConfig } from '@phoi-hop/messaging';
import { persistenceEnv } from '@phoi-hop/persistence';

/** How deliveries are sent and retried. */
export interface DispatchSettings {
  /** SMTP server URL (smtp:// or smtps://); null: e-mails are rendered as JSON and logged, not sent. */
  smtpUrl: string | null;
  emailFrom: string;
  webhookTimeoutMs: number;
  /** Attempts before a delivery is DEAD (a dead letter, replayable). */
  maxAttempts: number;
  /** Delay after the first failure; doubled after each further one, up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How often due deliveries are looked for. */
  pollIntervalMs: number;
  /** Run the dispatcher in this process (safe on every replica: deliveries are claimed with SKIP LOCKED). */
  enabled: boolean;
}

export const DEFAULT_DISPATCH_SETTINGS: DispatchSettings = {
  smtpUrl: null,
  emailFrom: 'Phối Hợp <no-reply@phoihop.local>',
  webhookTimeoutMs: 10_000,
  maxAttempts: 8,
  retryBaseMs: 30_000,
  retryMaxMs: 6 * 3_600_000,
  pollIntervalMs: 1_000,
  enabled: true,
};

export interface NotificationConfig extends BaseServiceConfig {
  outboxRelayEnabled: boolean;
  /** JetStream stream of the per-agency feed (`agency.>`), apart from the events stream. */
  agencyFeedStream: string;
  dispatch: DispatchSettings;
}

/** Reads and validates the notification service's environment; a bad setting fails at boot naming it. */
export function notificationConfigFromEnv(environment: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const env = cleanEnv(environment, {
    ...persistenceEnv('notification'),
    ...messagingEnv(),
    ...authEnv(),
    ...httpEnv(3104),
    OUTBOX_RELAY_ENABLED: bool({ default: true, desc: 'Publish outbox rows (the agency feed) from this process' }),
    AGENCY_FEED_STREAM: str({ default: AGENCY_FEED_STREAM, desc: 'JetStream stream of the per-agency feed' }),
    SMTP_URL: str({ default: '', desc: 'SMTP server (smtp://user:pass@host:587); empty: log e-mails instead of sending' }),
    NOTIFY_EMAIL_FROM: str({ default: DEFAULT_DISPATCH_SETTINGS.emailFrom, desc: 'Sender of notification e-mails' }),
    WEBHOOK_TIMEOUT_MS: num({ default: DEFAULT_DISPATCH_SETTINGS.webhookTimeoutMs, desc: 'Timeout of one webhook request (ms)' }),
    NOTIFY_MAX_ATTEMPTS: num({ default: DEFAULT_DISPATCH_SETTINGS.maxAttempts, desc: 'Attempts before a delivery is dead' }),
    NOTIFY_RETRY_BASE_MS: num({ default: DEFAULT_DISPATCH_SETTINGS.retryBaseMs, desc: 'First retry delay (ms), doubled each time' }),
    NOTIFY_RETRY_MAX_MS: num({ default: DEFAULT_DISPATCH_SETTINGS.retryMaxMs, desc: 'Longest retry delay (ms)' }),
    NOTIFY_POLL_MS: num({ default: DEFAULT_DISPATCH_SETTINGS.pollIntervalMs, desc: 'How often due deliveries are looked for (ms)' }),
    NOTIFY_DISPATCHER_ENABLED: bool({ default: true, desc: 'Send deliveries from this process' }),
  });
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(env.AGENCY_FEED_STREAM)) throw new Error('AGENCY_FEED_STREAM must be a JetStream stream name');
  if (env.SMTP_URL && !/^smtps?:\/\//.test(env.SMTP_URL)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
  if (!Number.isInteger(env.NOTIFY_MAX_ATTEMPTS) || env.NOTIFY_MAX_ATTEMPTS < 1 || env.NOTIFY_MAX_ATTEMPTS > 50)
    throw new Error('NOTIFY_MAX_ATTEMPTS must be an integer from 1 to 50');
  if (env.WEBHOOK_TIMEOUT_MS < 100) throw new Error('WEBHOOK_TIMEOUT_MS must be at least 100');
  if (env.NOTIFY_RETRY_BASE_MS < 10 || env.NOTIFY_RETRY_MAX_MS < env.NOTIFY_RETRY_BASE_MS)
    throw new Error('NOTIFY_RETRY_BASE_MS must be at least 10 and NOTIFY_RETRY_MAX_MS at least NOTIFY_RETRY_BASE_MS');
  if (env.NOTIFY_POLL_MS < 20) throw new Error('NOTIFY_POLL_MS must be at least 20');
  return {
    ...baseServiceConfigFromEnv('notification', env),
    outboxRelayEnabled: env.OUTBOX_RELAY_ENABLED,
    agencyFeedStream: env.AGENCY_FEED_STREAM,
    dispatch: {
      smtpUrl: env.SMTP_URL || null,
      emailFrom: env.NOTIFY_EMAIL_FROM,
      webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
      maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: env.NOTIFY_RETRY_BASE_MS,
      retryMaxMs: env.NOTIFY_RETRY_MAX_MS,
      pollIntervalMs: env.NOTIFY_POLL_MS,
      enabled: env.NOTIFY_DISPATCHER_ENABLED,
    },
  };
}
