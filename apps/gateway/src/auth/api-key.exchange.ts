import { createHash } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventSubjects, Roles, RpcSubjects, type Actor, type ApiKeyRevokedEvent, type EventEnvelope, type VerifyApiKeyResponse } from '@phoi-hop/contracts';
import { AuthError, parseApiKeyId } from '@phoi-hop/auth';
import { RpcCallError, type RpcClient } from '@phoi-hop/messaging';
import type { InternalTokenMinter } from './internal-token.minter';

/** How long a verified key is trusted before the directory is asked again (also the last-used resolution). */
export const API_KEY_CACHE_MS = 60_000;
/**
 * A refused key stays refused (unknown, revoked and expired are final), so a client retrying a bad
 * key is answered here instead of costing the directory a lookup each time.
 */
const REFUSED_CACHE_MS = 60_000;
const MAX_ENTRIES = 10_000;
const GATEWAY_ACTOR: Actor = { userId: 'gateway', username: 'gateway', agencyCode: '', roles: [], service: 'gateway' };

interface VerifiedKey {
  keyId: string;
  actor: Actor;
  token: string;
  checkedUntilMs: number;
  /** The key's own expiry, if it has one. */
  expiresAtMs?: number;
}

/**
 * Exchanges an API key for a short-lived internal token: the directory verifies the key
 * (`directory.api-key.verify`, called by the gateway as itself), the token names an API_CLIENT of
 * the key's agency with the key's scopes. Cached by the secret's hash for a minute at most, never
 * past the key's expiry, and dropped at once when `evt.directory.api-key.revoked` arrives.
 */
export class ApiKeyExchange {
  private readonly verified = new Map<string, VerifiedKey>();
  private readonly refused = new Map<string, { reason: string; untilMs: number }>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly minter: InternalTokenMinter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Listens for revocations (core NATS: every JetStream publish is also a message on its subject). */
  listen(connection: NatsConnection, subjectPrefix: string): void {
    connection.subscribe(`${subjectPrefix}${EventSubjects.directory.apiKeyRevoked}`, {
      callback: (error, message) => {
        if (error) return;
        try {
          this.forget(message.json<EventEnvelope<ApiKeyRevokedEvent>>().data.keyId);
        } catch {
          this.verified.clear();
        }
      },
    });
  }

  async exchange(secret: string): Promise<{ actor: Actor; token: string; expiresAtMs?: number }> {
    if (!parseApiKeyId(secret)) throw AuthError.unauthenticated('API key is malformed');
    const digest = createHash('sha256').update(secret).digest('hex');
    const hit = this.verified.get(digest);
    if (hit && hit.checkedUntilMs > this.now()) return hit;
    const refusal = this.refused.get(digest);
    if (refusal && refusal.untilMs > this.now()) throw AuthError.unauthenticated(refusal.reason);
    let key: VerifyApiKeyResponse;
    try {
      const { token } = await this.minter.tokenFor(GATEWAY_ACTOR);
      key = await this.rpc.request<VerifyApiKeyResponse>(RpcSubjects.directory.apiKeyVerify, { secret }, { token });
    } catch (error) {
      this.verified.delete(digest);
      if (error instanceof RpcCallError && error.code === 'UNAUTHENTICATED') {
        remember(this.refused, digest, { reason: error.message, untilMs: this.now() + REFUSED_CACHE_MS });
        throw AuthError.unauthenticated(error.message);
      }
      throw error;
    }
    const expiresAtMs = key.expiresAt ? Date.parse(key.expiresAt) : undefined;
    const actor: Actor = {
      userId: key.keyId,
      username: `api-key:${key.keyId}`,
      agencyCode: key.agencyCode,
      roles: [Roles.API_CLIENT],
      scopes: key.scopes,
      apiKeyId: key.keyId,
    };
    const minted = await this.minter.tokenFor(actor, expiresAtMs);
    const entry: VerifiedKey = {
      keyId: key.keyId,
      actor,
      token: minted.token,
      checkedUntilMs: Math.min(this.now() + API_KEY_CACHE_MS, minted.expiresAtMs - 30_000),
      ...(expiresAtMs !== undefined ? { expiresAtMs } : {}),
    };
    remember(this.verified, digest, entry);
    return entry;
  }

  /** Drops a revoked key here at once (the revoking gateway) or on its event (every other). */
  forget(keyId: string): void {
    for (const [digest, entry] of this.verified) if (entry.keyId === keyId) this.verified.delete(digest);
    this.minter.forgetApiKey(keyId);
  }
}

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}
