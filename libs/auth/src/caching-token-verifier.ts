import { decodeJwt } from 'jose';

/**
 * Remembers tokens that verified, until they expire and for at most `maxAgeMs`: every service
 * verifies the caller's token on every request, and a signature check (WebCrypto) costs more than
 * the rest of a routing call. `maxAgeMs` bounds how long a token stays accepted after the key that
 * signed it is dropped by the provider. Bounded; the oldest entries go first. Only a token that
 * passed full verification is cached, and only one with an expiry.
 */
export class CachingTokenVerifier<T> {
  private readonly cache = new Map<string, { value: T; untilMs: number }>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: { verify(token: string): Promise<T> },
    options: { maxEntries?: number; maxAgeMs?: number; now?: () => number } = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? Number.POSITIVE_INFINITY;
    this.now = options.now ?? Date.now;
  }

  async verify(token: string): Promise<T> {
    const hit = this.cache.get(token);
    if (hit) {
      if (hit.untilMs > this.now()) return hit.value;
      this.cache.delete(token);
    }
    const value = await this.inner.verify(token);
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number' && this.maxAgeMs > 0) {
      if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(token, { value, untilMs: Math.min(exp * 1000, this.now() + this.maxAgeMs) });
    }
    return value;
  }

  get size(): number {
    return this.cache.size;
  }
}
