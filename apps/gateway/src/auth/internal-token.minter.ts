import type { Actor } from '@phoi-hop/contracts';
import { InternalTokenIssuer } from '@phoi-hop/auth';

/** A token is not handed to a call with less life left than this (a call may queue and retry). */
const MIN_REMAINING_MS = 30_000;

export interface MintedToken {
  token: string;
  expiresAtMs: number;
}

/**
 * Mints the internal tokens the gateway sends to the services in place of the caller's
 * credential, and reuses one per actor until shortly before it expires (signing costs little,
 * but every request would otherwise carry a new token and miss the services' verification cache).
 */
export class InternalTokenMinter {
  private readonly issuer: InternalTokenIssuer;
  private readonly cache = new Map<string, MintedToken>();

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.issuer = new InternalTokenIssuer(secret);
  }

  /** A token for exactly this actor (same roles, agency and scopes), never valid past `notAfterMs`. */
  async tokenFor(actor: Actor, notAfterMs?: number): Promise<MintedToken> {
    const key = JSON.stringify([
      actor.userId,
      actor.username,
      actor.agencyCode,
      actor.roles,
      actor.scopes ?? null,
      actor.apiKeyId ?? null,
      actor.service ?? null,
    ]);
    const hit = this.cache.get(key);
    if (hit && hit.expiresAtMs - this.now() > MIN_REMAINING_MS && (notAfterMs === undefined || hit.expiresAtMs <= notAfterMs)) return hit;
    const minted = await this.issuer.sign(actor, this.ttlSeconds, notAfterMs);
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, minted);
    return minted;
  }

  /** Drops the tokens minted for an API key (revoked). */
  forgetApiKey(keyId: string): void {
    for (const [key] of this.cache) if (JSON.parse(key)[5] === keyId) this.cache.delete(key);
  }
}
