import { decodeJwt } from 'jose';
import type { Actor } from '@phoi-hop/contracts';
import type { TokenVerifier } from './token-verifier';

/**
 * Remembers tokens that verified, until they expire: every service verifies the caller's token on
 * every request, and a signature check (WebCrypto) costs more than the rest of a routing call.
 * Bounded; the oldest entries go first. Only a token that passed full verification is cached.
 */
export class CachingTokenVerifier implements TokenVerifier {
  private readonly cache = new Map<string, { actor: Actor; expiresAtMs: number }>();

  constructor(
    private readonly inner: TokenVerifier,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Actor> {
    const hit = this.cache.get(token);
    if (hit) {
      if (hit.expiresAtMs > this.now()) return hit.actor;
      this.cache.delete(token);
    }
    const actor = await this.inner.verify(token);
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number') {
      if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(token, { actor, expiresAtMs: exp * 1000 });
    }
    return actor;
  }

  get size(): number {
    return this.cache.size;
  }
}
