import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'whsec_test';
  const body = '{"eventId":"e1","caseNumber":"QB-2026-000123"}';

  it('is sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>', () => {
    const expected = createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex');
    expect(signWebhook(secret, '1767225600', body)).toBe(`sha256=${expected}`);
  });

  it('verifies a fresh signature and refuses a changed body, another secret, another timestamp or a stale one', () => {
    const now = 1767225600;
    const signature = signWebhook(secret, String(now), body);
    expect(verifyWebhook(secret, String(now), body, signature, now)).toBe(true);
    expect(verifyWebhook(secret, String(now), body.replace('123', '124'), signature, now)).toBe(false);
    expect(verifyWebhook('whsec_other', String(now), body, signature, now)).toBe(false);
    expect(verifyWebhook(secret, String(now + 1), body, signature, now)).toBe(false);
    expect(verifyWebhook(secret, String(now), body, signature, now + 301)).toBe(false);
    expect(verifyWebhook(secret, 'abc', body, signature, now)).toBe(false);
    expect(verifyWebhook(secret, String(now), body, 'sha256=00', now)).toBe(false);
  });

  it('makes a different 256-bit secret each time', () => {
    const a = newWebhookSecret();
    const b = newWebhookSecret();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });
});
