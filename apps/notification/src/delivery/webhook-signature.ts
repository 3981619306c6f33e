import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-PhoiHop-Signature';
export const TIMESTAMP_HEADER = 'X-PhoiHop-Timestamp';
export const EVENT_ID_HEADER = 'X-PhoiHop-Event-Id';
export const DELIVERY_ID_HEADER = 'X-PhoiHop-Delivery-Id';

/** A new webhook signing secret (256 random bits), shown to the agency once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`: the value of X-PhoiHop-Signature. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does (documented in docs/notifications.md): recompute the signature over the raw
 * body, compare in constant time, and refuse stale timestamps so that a captured request cannot be
 * replayed later.
 */
export function verifyWebhook(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - seconds) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
