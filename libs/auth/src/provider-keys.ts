import { createLocalJWKSet, errors as joseErrors, type JSONWebKeySet, type JWTHeaderParameters, type FlattenedJWSInput } from 'jose';
import { AuthError } from './auth.errors';

/** How the signing keys of an OIDC provider are read and kept. */
export interface ProviderKeySettings {
  issuer: string;
  /** Where the keys are; absent: the `jwks_uri` of the issuer's discovery document. */
  jwksUrl?: string;
  /** Keys older than this are read again before use, so a key the provider dropped stops working by then. */
  refreshMs: number;
  /** While the provider cannot be reached, the last keys read keep working for at most this long after they were read. */
  maxStaleMs: number;
  /** Least time between two reads caused by tokens naming unknown keys, or after a failed read. */
  cooldownMs: number;
  /** Time allowed for one HTTP request to the provider. */
  timeoutMs?: number;
}

/** Told of every failed read of the provider (to log and count it), whether or not the last keys still serve. */
export type ProviderFailureListener = (message: string) => void;

type KeyLookup = ReturnType<typeof createLocalJWKSet>;

/**
 * The provider's signing keys, read from its discovery document's `jwks_uri` (or a configured
 * URL), re-read every `refreshMs` and when a token names a key not seen yet (at most once per
 * `cooldownMs`). A failed read keeps the last good keys for at most `maxStaleMs` after they were
 * read; past that, or with no keys at all, callers get UNAVAILABLE, never "Token is invalid".
 */
export class ProviderKeys {
  private keys: { lookup: KeyLookup; readAtMs: number } | null = null;
  private jwksUrl: string | null;
  private lastAttemptMs = Number.NEGATIVE_INFINITY;
  private lastFailure: string | null = null;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly settings: ProviderKeySettings,
    private readonly onFailure: ProviderFailureListener = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.jwksUrl = settings.jwksUrl ?? null;
  }

  /** The key that verifies a token with this header; UNAUTHENTICATED for a key the provider does not have. */
  async keyFor(header: JWTHeaderParameters, token: FlattenedJWSInput): ReturnType<KeyLookup> {
    if (!this.keys || this.now() - this.keys.readAtMs >= this.settings.refreshMs) await this.read();
    try {
      return await this.usable().lookup(header, token);
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw error;
      // A token naming a key not seen yet: the provider may have just rotated.
      if (this.now() - this.lastAttemptMs >= this.settings.cooldownMs) await this.read();
      // Whether the key exists could not be checked: the provider's failure, not the token's.
      if (this.lastFailure) throw AuthError.providerUnavailable(`The identity provider is unavailable: ${this.lastFailure}`);
      try {
        return await this.usable().lookup(header, token);
      } catch (retry) {
        if (retry instanceof joseErrors.JWKSNoMatchingKey) throw AuthError.unauthenticated('Token is signed with an unknown key');
        throw retry;
      }
    }
  }

  /** The keys, if they may still be used; UNAVAILABLE otherwise. */
  private usable(): { lookup: KeyLookup } {
    if (this.keys && this.now() - this.keys.readAtMs < this.settings.maxStaleMs) return this.keys;
    throw AuthError.providerUnavailable(`The identity provider is unavailable: ${this.lastFailure ?? 'no keys read yet'}`);
  }

  /** One read at a time; after a failure, none before `cooldownMs` (the last good keys serve meanwhile). */
  private read(): Promise<void> {
    if (this.reading) return this.reading;
    if (this.lastFailure && this.now() - this.lastAttemptMs < this.settings.cooldownMs) return Promise.resolve();
    this.lastAttemptMs = this.now();
    this.reading = this.fetchKeys()
      .then((jwks) => {
        this.keys = { lookup: createLocalJWKSet(jwks), readAtMs: this.now() };
        this.lastFailure = null;
      })
      .catch((error: unknown) => {
        this.lastFailure = error instanceof Error ? error.message : String(error);
        // The discovery document may have moved the keys: look again next time.
        if (!this.settings.jwksUrl) this.jwksUrl = null;
        this.onFailure(this.lastFailure);
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  private async fetchKeys(): Promise<JSONWebKeySet> {
    this.jwksUrl ??= await this.discoverJwksUrl();
    const jwks = await this.getJson(this.jwksUrl, 'JWKS');
    if (!Array.isArray((jwks as { keys?: unknown }).keys)) throw new Error(`JWKS at ${this.jwksUrl} has no keys array`);
    return jwks as JSONWebKeySet;
  }

  private async discoverJwksUrl(): Promise<string> {
    const url = `${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const document = (await this.getJson(url, 'discovery document')) as { issuer?: unknown; jwks_uri?: unknown };
    if (document.issuer !== this.settings.issuer) throw new Error(`discovery document at ${url} names issuer ${String(document.issuer)}`);
    if (typeof document.jwks_uri !== 'string' || !/^https?:\/\//.test(document.jwks_uri)) throw new Error(`discovery document at ${url} has no jwks_uri`);
    return document.jwks_uri;
  }

  private async getJson(url: string, what: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(this.settings.timeoutMs ?? 5000) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new Error(`${what} at ${url} unreachable (${cause})`);
    }
    if (!response.ok) throw new Error(`${what} at ${url} answered HTTP ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw new Error(`${what} at ${url} is not JSON`);
    }
  }
}
