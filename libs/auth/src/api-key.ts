import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys of machine clients: `php_<key id, 32 hex>_<32 random bytes, base64url>`. The key id
 * lets the directory find the row without a secret index; only the SHA-256 of the whole secret is
 * stored, and it is compared in constant time. The secret is shown once, at creation.
 */
const API_KEY_PATTERN = /^php_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const MAX_PRESENTED_LENGTH = 200;

/** A new secret for the key with this id (a UUID). */
export function generateApiKeySecret(keyId: string): string {
  return `php_${keyId.replace(/-/g, '').toLowerCase()}_${randomBytes(32).toString('base64url')}`;
}

/** The key id (a UUID) a presented secret names, or null when it is not shaped like a key. */
export function parseApiKeyId(secret: string): string | null {
  if (typeof secret !== 'string' || secret.length > MAX_PRESENTED_LENGTH) return null;
  const match = API_KEY_PATTERN.exec(secret);
  if (!match) return null;
  const hex = match[1]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What is stored: the SHA-256 of the secret, hex. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether a presented secret is the one whose hash is stored (constant time). */
export function apiKeySecretMatches(secret: string, storedHash: string): boolean {
  const presented = createHash('sha256').update(secret, 'utf8').digest();
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
