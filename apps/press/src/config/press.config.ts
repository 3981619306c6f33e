import { bool, cleanEnv, num, str } from 'envalid';
import { authEnv } from '@phoi-hop/auth';
import { REFERENCE_CODE_PATTERN } from '@phoi-hop/contracts';
import { baseServiceConfigFromEnv, httpEnv, messagingEnv, type BaseServiceConfig } from '@phoi-hop/messaging';
import { deadlineEnv, deadlineSettingsFromEnv, persistenceEnv, type DeadlineSettings } from '@phoi-hop/persistence';

export type { DeadlineSettings } from '@phoi-hop/persistence';

/** Đ6.3: the time limits of a press-ethics complaint. */
export interface ComplaintSettings {
  /** A complaint is admissible only if filed within this many months of publication. */
  admissibleMonths: number;
  /** The right of reply: working days (weekends and the province's public holidays not counted). */
  replyWindowWorkingDays: number;
  /** Either side may appeal a ruling within this many working days. */
  appealWindowWorkingDays: number;
  /** The provincial press association (Hội Nhà báo tỉnh): its ethics board rules, and it sees every complaint. */
  pressAssociationAgencyCode: string;
}

export interface ReplyLinkSettings {
  /** HMAC key of the one-time reply links (at least 32 characters). */
  secret: string;
  /** Base of the reply links handed out (default: this process's own HTTP address). */
  publicUrl: string | null;
}

export interface StatementFeedSettings {
  /** Entries on each page of the statements feed (RFC 5005 paging; the first page holds the newest). */
  pageSize: number;
}

/** The files a reply may attach (the reply page's form and the outlet's uploads alike). */
export interface AttachmentSettings {
  /** Largest file, in bytes. */
  maxFileBytes: number;
  /** Most files per reply. */
  maxFiles: number;
  /** Largest total of a reply's files, in bytes (also what one reply form may hold in memory). */
  maxTotalBytes: number;
  /** How long an outlet's upload address works. */
  uploadTtlSeconds: number;
}

export interface PressConfig extends BaseServiceConfig {
  outboxRelayEnabled: boolean;
  /** Run the deadline scheduler (reply reminders) and the retention purge in this process (safe on every replica). */
  schedulerEnabled: boolean;
  deadlines: DeadlineSettings;
  complaints: ComplaintSettings;
  replyLinks: ReplyLinkSettings;
  statementFeed: StatementFeedSettings;
  attachments: AttachmentSettings;
  /** How often closed complaints whose respondent details are due for purging are looked for. */
  retentionPollMs: number;
  production: boolean;
}

const DEV_REPLY_SECRET = 'development-only-press-reply-link-secret-do-not-use';

/** Reads and validates the press service's environment; a bad setting fails at boot naming it. */
export function pressConfigFromEnv(environment: NodeJS.ProcessEnv = process.env): PressConfig {
  const env = cleanEnv(environment, {
    ...persistenceEnv('press'),
    ...messagingEnv(),
    ...authEnv(),
    ...httpEnv(3106),
    ...deadlineEnv(),
    OUTBOX_RELAY_ENABLED: bool({ default: true, desc: 'Publish outbox events from this process' }),
    PRESS_ADMISSIBLE_MONTHS: num({ default: 6, desc: 'Months after publication within which a complaint is admissible' }),
    PRESS_REPLY_WINDOW_WORKING_DAYS: num({ default: 10, desc: 'Working days the journalist has to reply' }),
    PRESS_APPEAL_WINDOW_WORKING_DAYS: num({ default: 10, desc: 'Working days after a ruling within which either side may appeal' }),
    PRESS_ASSOCIATION_AGENCY: str({ default: 'HNB', desc: 'Agency code of the provincial press association' }),
    PRESS_REPLY_LINK_SECRET: str({ default: '', desc: 'HMAC key of the one-time reply links (32+ characters); required in production' }),
    PRESS_PUBLIC_URL: str({ default: '', desc: 'Base URL of this service as journalists reach it (reply links)' }),
    PRESS_ATTACHMENT_MAX_FILE_BYTES: num({ default: 10 * 1024 * 1024, desc: 'Largest file a reply may attach (bytes)' }),
    PRESS_ATTACHMENT_MAX_FILES: num({ default: 5, desc: 'Most files a reply may attach' }),
    PRESS_ATTACHMENT_MAX_TOTAL_BYTES: num({ default: 25 * 1024 * 1024, desc: 'Largest total of the files of one reply (bytes)' }),
    PRESS_UPLOAD_TTL_SECONDS: num({ default: 900, desc: 'How long an outlet’s upload address for a reply’s file works (s)' }),
    PRESS_RETENTION_POLL_MS: num({ default: 60_000, desc: 'How often respondent details due for purging are looked for (ms)' }),
    PRESS_FEED_PAGE_SIZE: num({ default: 100, desc: 'Entries on each page of the statements Atom feed (older pages follow rel="next")' }),
  });
  const production = env.NODE_ENV === 'production';
  const fail = (name: string, message: string): never => {
    throw new Error(`Invalid configuration: ${name} ${message}`);
  };
  const positiveInteger = (name: string, value: number) => {
    if (!Number.isInteger(value) || value < 1) fail(name, 'must be a positive whole number');
  };
  positiveInteger('PRESS_ADMISSIBLE_MONTHS', env.PRESS_ADMISSIBLE_MONTHS);
  positiveInteger('PRESS_REPLY_WINDOW_WORKING_DAYS', env.PRESS_REPLY_WINDOW_WORKING_DAYS);
  positiveInteger('PRESS_APPEAL_WINDOW_WORKING_DAYS', env.PRESS_APPEAL_WINDOW_WORKING_DAYS);
  if (production && !env.PRESS_REPLY_LINK_SECRET) fail('PRESS_REPLY_LINK_SECRET', 'is required in production');
  if (env.PRESS_REPLY_LINK_SECRET && env.PRESS_REPLY_LINK_SECRET.length < 32) fail('PRESS_REPLY_LINK_SECRET', 'must be at least 32 characters');
  if (!REFERENCE_CODE_PATTERN.test(env.PRESS_ASSOCIATION_AGENCY)) fail('PRESS_ASSOCIATION_AGENCY', 'must be an agency code');
  positiveInteger('PRESS_ATTACHMENT_MAX_FILE_BYTES', env.PRESS_ATTACHMENT_MAX_FILE_BYTES);
  positiveInteger('PRESS_ATTACHMENT_MAX_FILES', env.PRESS_ATTACHMENT_MAX_FILES);
  positiveInteger('PRESS_ATTACHMENT_MAX_TOTAL_BYTES', env.PRESS_ATTACHMENT_MAX_TOTAL_BYTES);
  positiveInteger('PRESS_UPLOAD_TTL_SECONDS', env.PRESS_UPLOAD_TTL_SECONDS);
  // The files are kept in Postgres (bytea) and a reply form is held in memory until it is kept: bounded here.
  if (env.PRESS_ATTACHMENT_MAX_TOTAL_BYTES > 100 * 1024 * 1024) fail('PRESS_ATTACHMENT_MAX_TOTAL_BYTES', 'must be at most 100 MiB (104857600)');
  if (env.PRESS_ATTACHMENT_MAX_FILES > 20) fail('PRESS_ATTACHMENT_MAX_FILES', 'must be at most 20');
  if (env.PRESS_ATTACHMENT_MAX_FILE_BYTES > env.PRESS_ATTACHMENT_MAX_TOTAL_BYTES)
    fail('PRESS_ATTACHMENT_MAX_FILE_BYTES', 'must not exceed PRESS_ATTACHMENT_MAX_TOTAL_BYTES');
  if (env.PRESS_RETENTION_POLL_MS < 50) fail('PRESS_RETENTION_POLL_MS', 'must be at least 50');
  positiveInteger('PRESS_FEED_PAGE_SIZE', env.PRESS_FEED_PAGE_SIZE);
  if (env.PRESS_FEED_PAGE_SIZE > 1_000) fail('PRESS_FEED_PAGE_SIZE', 'must be at most 1000');
  return {
    ...baseServiceConfigFromEnv('press', env),
    outboxRelayEnabled: env.OUTBOX_RELAY_ENABLED,
    ...deadlineSettingsFromEnv(env),
    complaints: {
      admissibleMonths: env.PRESS_ADMISSIBLE_MONTHS,
      replyWindowWorkingDays: env.PRESS_REPLY_WINDOW_WORKING_DAYS,
      appealWindowWorkingDays: env.PRESS_APPEAL_WINDOW_WORKING_DAYS,
      pressAssociationAgencyCode: env.PRESS_ASSOCIATION_AGENCY,
    },
    replyLinks: { secret: env.PRESS_REPLY_LINK_SECRET || DEV_REPLY_SECRET, publicUrl: env.PRESS_PUBLIC_URL || null },
    statementFeed: { pageSize: env.PRESS_FEED_PAGE_SIZE },
    attachments: {
      maxFileBytes: env.PRESS_ATTACHMENT_MAX_FILE_BYTES,
      maxFiles: env.PRESS_ATTACHMENT_MAX_FILES,
      maxTotalBytes: env.PRESS_ATTACHMENT_MAX_TOTAL_BYTES,
      uploadTtlSeconds: env.PRESS_UPLOAD_TTL_SECONDS,
    },
    retentionPollMs: env.PRESS_RETENTION_POLL_MS,
    production,
  };
}
