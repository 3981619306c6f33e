import { pressConfigFromEnv } from './press.config';

const BASE = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/phoi_hop' };
const PRODUCTION = {
  ...BASE,
  NODE_ENV: 'production',
  AUTH_MODE: 'oidc',
  OIDC_ISSUER: 'https://id.example.vn/realms/qb',
  INTERNAL_TOKEN_SECRET: 'x'.repeat(40),
};

describe('pressConfigFromEnv', () => {
  it('has the documented defaults: port 3106, its own schema, 6 months to file, 10 working days to reply and to appeal', () => {
    expect(pressConfigFromEnv(BASE)).toMatchObject({
      serviceName: 'press',
      httpPort: 3106,
      dbSchema: 'press',
      complaints: { admissibleMonths: 6, replyWindowWorkingDays: 10, appealWindowWorkingDays: 10, pressAssociationAgencyCode: 'HNB' },
      replyLinks: { publicUrl: null },
      production: false,
    });
  });

  it('requires a reply-link secret of 32 characters or more in production', () => {
    expect(() => pressConfigFromEnv(PRODUCTION)).toThrow('PRESS_REPLY_LINK_SECRET is required in production');
    expect(() => pressConfigFromEnv({ ...PRODUCTION, PRESS_REPLY_LINK_SECRET: 'short' })).toThrow('PRESS_REPLY_LINK_SECRET must be at least 32 characters');
    expect(pressConfigFromEnv({ ...PRODUCTION, PRESS_REPLY_LINK_SECRET: 's'.repeat(32) }).replyLinks.secret).toBe('s'.repeat(32));
  });

  it('refuses windows that are not whole positive numbers, naming the setting', () => {
    expect(() => pressConfigFromEnv({ ...BASE, PRESS_REPLY_WINDOW_WORKING_DAYS: '0' })).toThrow(
      'PRESS_REPLY_WINDOW_WORKING_DAYS must be a positive whole number',
    );
    expect(() => pressConfigFromEnv({ ...BASE, PRESS_ADMISSIBLE_MONTHS: '1.5' })).toThrow('PRESS_ADMISSIBLE_MONTHS must be a positive whole number');
    expect(pressConfigFromEnv({ ...BASE, PRESS_APPEAL_WINDOW_WORKING_DAYS: '15' }).complaints.appealWindowWorkingDays).toBe(15);
  });

  it('pages the statements feed by 100 entries unless told, and refuses a page size that is not 1 to 1000', () => {
    expect(pressConfigFromEnv(BASE).statementFeed).toEqual({ pageSize: 100 });
    expect(pressConfigFromEnv({ ...BASE, PRESS_FEED_PAGE_SIZE: '3' }).statementFeed.pageSize).toBe(3);
    expect(() => pressConfigFromEnv({ ...BASE, PRESS_FEED_PAGE_SIZE: '0' })).toThrow('PRESS_FEED_PAGE_SIZE must be a positive whole number');
    expect(() => pressConfigFromEnv({ ...BASE, PRESS_FEED_PAGE_SIZE: '5000' })).toThrow('PRESS_FEED_PAGE_SIZE must be at most 1000');
  });

  it('bounds the files of a reply: 10 MiB each, 5 files, 25 MiB in all by default, and refuses limits that do not fit together', () => {
    expect(pressConfigFromEnv(BASE).attachments).toEqual({ maxFileBytes: 10_485_760, maxFiles: 5, maxTotalBytes: 26_214_400, uploadTtlSeconds: 900 });
    expect(() => pressConfigFromEnv({ ...BASE, PRESS_ATTACHMENT_MAX_FILES: '0' })).toThrow('PRESS_ATTACHMENT_MAX_FILES must be a positive whole number');
    expect(() => pressConfigFromEnv({ ...BASE, PRESS_ATTACHMENT_MAX_FILE_BYTES: String(30 * 1024 * 1024) })).toThrow(
      'PRESS_ATTACHMENT_MAX_FILE_BYTES must not exceed PRESS_ATTACHMENT_MAX_TOTAL_BYTES',
    );
    expect(() => pressConfigFromEnv({ ...BASE, PRESS_ATTACHMENT_MAX_TOTAL_BYTES: String(200 * 1024 * 1024) })).toThrow(
      'PRESS_ATTACHMENT_MAX_TOTAL_BYTES must be at most 100 MiB',
    );
  });
});
