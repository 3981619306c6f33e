import { apiKeySecretMatches, generateApiKeySecret, hashApiKeySecret, parseApiKeyId } from './api-key';

const keyId = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('API key secrets', () => {
  it('carry their key id and 32 random bytes, and differ every time', () => {
    const secret = generateApiKeySecret(keyId);
    expect(secret).toMatch(/^php_3b241101e2bb42558caf4136c566a962_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.split('_').slice(2).join('_'), 'base64url')).toHaveLength(32);
    expect(generateApiKeySecret(keyId)).not.toBe(secret);
    expect(parseApiKeyId(secret)).toBe(keyId);
  });

  it('refuses anything not shaped like a key', () => {
    const secret = generateApiKeySecret(keyId);
    for (const bad of [
      '',
      'php_',
      secret.slice(0, -1),
      `${secret}x`,
      secret.replace('php_', 'pk_'),
      `Bearer ${secret}`,
      secret.replace(/^php_[0-9a-f]/, 'php_G'),
      'x'.repeat(10_000),
    ]) {
      expect(parseApiKeyId(bad)).toBeNull();
    }
  });

  it('is stored as a SHA-256 hash that matches only the same secret', () => {
    const secret = generateApiKeySecret(keyId);
    const hash = hashApiKeySecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret.slice(37));
    expect(apiKeySecretMatches(secret, hash)).toBe(true);
    expect(apiKeySecretMatches(generateApiKeySecret(keyId), hash)).toBe(false);
    expect(apiKeySecretMatches(secret, 'abcd')).toBe(false);
  });
});
