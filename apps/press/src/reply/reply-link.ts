import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a valid reply link names: its nonce (the press_reply_link row) and when it stops working. */
export interface ReplyLinkClaims {
  linkId: string;
  expiresAt: Date;
}

const TOKEN = /^([0-9a-f]{32})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;
const PURPOSE = 'phoi-hop/press-reply/v1';

const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

function signature(secret: string, hex: string, exp: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}.${hex}.${exp}`).digest();
}

/**
 * The one-time reply links of the right of reply: `<nonce>.<expiry>.<HMAC-SHA256>`, URL-safe. The
 * signature makes a link impossible to forge or alter; single use is the nonce's row, consumed in
 * the transaction that keeps the reply.
 */
export function signReplyLink(secret: string, claims: ReplyLinkClaims): string {
  const hex = claims.linkId.replace(/-/g, '').toLowerCase();
  const exp = Math.floor(claims.expiresAt.getTime() / 1000).toString(36);
  return `${hex}.${exp}.${signature(secret, hex, exp).toString('base64url')}`;
}

/** The claims of a link that is well formed, signed with `secret` and not expired at `now`; null otherwise (never why). */
export function verifyReplyLink(secret: string, token: string, now: Date): ReplyLinkClaims | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, hex, exp, sig] = match as unknown as [string, string, string, string];
  // Compared as text: the last of 43 base64url characters carries 2 unused bits, so decoding first
  // would let a link altered in those bits through as the same signature.
  const given = Buffer.from(sig);
  const expected = Buffer.from(signature(secret, hex, exp).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = new Date(parseInt(exp, 36) * 1000);
  if (!(expiresAt.getTime() > now.getTime())) return null;
  return { linkId: uuidOf(hex), expiresAt };
}
