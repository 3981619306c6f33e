import type { Actor, ExternalIdentity } from '@phoi-hop/contracts';
import { isInternalToken } from './internal-token';
import type { IdentityVerifier, TokenVerifier } from './token-verifier';

/** Maps the identity a verified external token names to the directory's user (or refuses). */
export type ActorLookup = (identity: ExternalIdentity) => Promise<Actor>;

export interface ActorResolver {
  /** The directory user behind the identity, with the directory's roles and agency; throws AuthError otherwise. */
  resolve(identity: ExternalIdentity): Promise<Actor>;
  /** Drops what is cached about a user (all users when no name is given). */
  forget(username?: string): void;
}

/** How long a user looked up in the directory is trusted without asking again. */
export const ACTOR_CACHE_TTL_MS = 30_000;

/**
 * Remembers directory users for a short time (default 30 s) so that checking every caller
 * against the directory costs one lookup per user and period, not one per request. `forget` is
 * called on `evt.directory.user.changed`, so a disabled user is refused as soon as the event
 * arrives, and within the TTL if it never does. Refusals are never cached.
 */
export class CachedActorResolver implements ActorResolver {
  private readonly cache = new Map<string, { actor: Actor; expiresAtMs: number }>();
  private readonly inFlight = new Map<string, Promise<Actor>>();
  private generation = 0;

  constructor(
    private readonly lookup: ActorLookup,
    private readonly ttlMs = ACTOR_CACHE_TTL_MS,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async resolve(identity: ExternalIdentity): Promise<Actor> {
    const key = JSON.stringify([identity.issuer, identity.subject, identity.username ?? null]);
    const hit = this.cache.get(key);
    if (hit && hit.expiresAtMs > this.now()) return hit.actor;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const startedIn = this.generation;
    const lookup = this.lookup(identity)
      .then((actor) => {
        // A user forgotten while we were asking may have changed: do not keep the old answer.
        if (startedIn === this.generation) {
          if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
          this.cache.set(key, { actor, expiresAtMs: this.now() + this.ttlMs });
        }
        return actor;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, lookup);
    return lookup;
  }

  forget(username?: string): void {
    this.generation++;
    if (username === undefined) {
      this.cache.clear();
      return;
    }
    for (const [key, entry] of this.cache) if (entry.actor.username === username) this.cache.delete(key);
  }

  get size(): number {
    return this.cache.size;
  }
}

/**
 * How a service knows who calls it: an internal token (the gateway already checked the caller) is
 * verified with the internal key; any other token is verified (dev issuer or OIDC) and then mapped
 * to an active directory user, so a disabled user's still-valid token gets nothing on NATS either.
 */
export class ServiceAuthenticator {
  constructor(
    private readonly external: IdentityVerifier,
    private readonly internal: TokenVerifier,
    private readonly resolver: ActorResolver,
  ) {}

  async authenticate(token: string): Promise<Actor> {
    if (isInternalToken(token)) return this.internal.verify(token);
    return this.resolver.resolve(await this.external.verify(token));
  }
}
