import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors, type FlattenedJWSInput, type JWTHeaderParameters, type JWTPayload } from 'jose';
import type { Actor, ExternalIdentity } from '@phoi-hop/contracts';
import { AuthError } from './auth.errors';
import { CachingTokenVerifier } from './caching-token-verifier';
import { ProviderKeys, type ProviderFailureListener } from './provider-keys';

/** Verifies a platform-internal token and returns the actor it names; throws AuthError otherwise. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}

/** Verifies a caller's bearer token (dev issuer or OIDC) and says whom it names; throws AuthError otherwise. */
export interface IdentityVerifier {
  verify(token: string): Promise<ExternalIdentity>;
}

export interface AuthConfig {
  mode: 'dev' | 'oidc';
  /** dev: the shared HS256 secret of the built-in issuer. */
  devSecret?: string;
  /** oidc: issuer URL and audience; the keys come from the issuer's discovery document unless `jwksUrl` is set. */
  issuer: string;
  audience: string;
  jwksUrl?: string;
  clockToleranceSeconds?: number;
  /** Least time between two key reads caused by unknown keys or after a failed read (default 10 s). */
  jwksCooldownMs?: number;
  /** Keys are read again when older than this (default 30 s). */
  jwksRefreshMs?: number;
  /** While the provider is unreachable, the last keys read serve for at most this long after they were read (default 5 min). */
  jwksMaxStaleMs?: number;
  /** Longest time a verified token is accepted without being verified again (default 30 s). */
  tokenCacheMs?: number;
  /** The claim that names a directory user by username (e.g. `preferred_username`); absent: only linked subjects count. */
  usernameClaim?: string;
  /** Accept access tokens without the RFC 9068 header `typ: at+jwt` (providers that do not send it); ID tokens stay refused. */
  allowUntypedAccessTokens?: boolean;
  nodeEnv?: string;
  /** HS256 key of internal tokens (gateway → services); a development default outside production. */
  internalSecret?: string;
}

export const DEV_ISSUER = 'phoi-hop-dev';
export const DEV_AUDIENCE = 'phoi-hop';
const MAX_TOKEN_LENGTH = 8192;
/** Defaults of the windows of AuthConfig: a key the provider drops stops working within refresh + token cache = 60 s. */
export const AUTH_DEFAULTS = { jwksRefreshMs: 30_000, jwksMaxStaleMs: 300_000, jwksCooldownMs: 10_000, tokenCacheMs: 30_000 } as const;
/** Claims only ID tokens carry (OpenID Connect Core 2, 3.3.2.11). */
const ID_TOKEN_CLAIMS = ['nonce', 'at_hash', 'c_hash', 's_hash'] as const;
/** Claims that say what an access token may do or for whom it was issued (RFC 9068 2.2, Entra's `scp`); ID tokens carry none. */
const ACCESS_TOKEN_CLAIMS = ['scope', 'scp', 'client_id'] as const;

/**
 * For providers that do not type their access tokens: an ID token carries an ID-token claim, or
 * Keycloak's `typ: "ID"`, or none of the claims of an access token.
 */
function looksLikeIdToken(payload: JWTPayload): boolean {
  return ID_TOKEN_CLAIMS.some((claim) => claim in payload) || payload['typ'] === 'ID' || !ACCESS_TOKEN_CLAIMS.some((claim) => claim in payload);
}

/**
 * Whom a verified token names: its issuer and subject, and a username only from `usernameClaim`
 * (when the deployment lets this issuer's usernames name directory users). Whatever else the token
 * claims (roles, agency, groups) is ignored: the directory says what the user may do.
 */
function identityFromClaims(payload: JWTPayload, usernameClaim: string | undefined): ExternalIdentity {
  if (typeof payload.iss !== 'string' || typeof payload.sub !== 'string' || !payload.sub) throw AuthError.unauthenticated('Token lacks a subject');
  const username = usernameClaim ? payload[usernameClaim] : undefined;
  return {
    issuer: payload.iss,
    subject: payload.sub,
    ...(typeof username === 'string' && username ? { username } : {}),
    ...(typeof payload.exp === 'number' ? { expiresAtMs: payload.exp * 1000 } : {}),
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return error.reason === 'missing' ? `Token lacks the "${error.claim}" claim` : `Token claim "${error.claim}" is invalid`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'Token signature is invalid';
  return 'Token is invalid';
}

/** Verifies tokens of the built-in development issuer (HS256). Refuses to exist in production. */
export class DevTokenVerifier implements IdentityVerifier {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly clockTolerance = 30,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async verify(token: string): Promise<ExternalIdentity> {
    if (!token || token.length > MAX_TOKEN_LENGTH) throw AuthError.unauthenticated('Token is missing or too long');
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        algorithms: ['HS256'],
        clockTolerance: this.clockTolerance,
        requiredClaims: ['exp', 'sub'],
      });
      // The development issuer is the platform's own: its usernames are the directory's.
      return identityFromClaims(payload, 'preferred_username');
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw AuthError.unauthenticated(describeJoseError(error));
    }
  }
}

/**
 * Verifies OIDC access tokens: signed by a key of the issuer (ProviderKeys), for the audience,
 * with an expiry, and of the access-token type `at+jwt` (RFC 9068) unless the deployment allows
 * untyped ones, so that an ID token (whose audience is a client id) is never taken for one.
 */
export class OidcTokenVerifier implements IdentityVerifier {
  private readonly keys: ProviderKeys;

  constructor(
    private readonly config: AuthConfig,
    onProviderFailure?: ProviderFailureListener,
  ) {
    this.keys = new ProviderKeys(
      {
        issuer: config.issuer,
        ...(config.jwksUrl ? { jwksUrl: config.jwksUrl } : {}),
        refreshMs: config.jwksRefreshMs ?? AUTH_DEFAULTS.jwksRefreshMs,
        maxStaleMs: config.jwksMaxStaleMs ?? AUTH_DEFAULTS.jwksMaxStaleMs,
        cooldownMs: config.jwksCooldownMs ?? AUTH_DEFAULTS.jwksCooldownMs,
      },
      onProviderFailure,
    );
  }

  async verify(token: string): Promise<ExternalIdentity> {
    if (!token || token.length > MAX_TOKEN_LENGTH) throw AuthError.unauthenticated('Token is missing or too long');
    let payload: JWTPayload;
    try {
      const keyFor = (header: JWTHeaderParameters, input: FlattenedJWSInput) => this.keys.keyFor(header, input);
      ({ payload } = await jwtVerify(token, keyFor, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: this.config.clockToleranceSeconds ?? 30,
        requiredClaims: ['exp', 'sub'],
        ...(this.config.allowUntypedAccessTokens ? {} : { typ: 'at+jwt' }),
      }));
    } catch (error) {
      if (error instanceof AuthError) throw error;
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'typ')
        throw AuthError.unauthenticated('Token is not an access token (typ at+jwt)');
      throw AuthError.unauthenticated(describeJoseError(error));
    }
    if (this.config.allowUntypedAccessTokens && looksLikeIdToken(payload)) throw AuthError.unauthenticated('Token is an ID token, not an access token');
    return identityFromClaims(payload, this.config.usernameClaim);
  }
}

/**
 * The verifier of callers' tokens, with verified tokens remembered for at most `tokenCacheMs`
 * (never past their expiry), so that a key the provider drops stops working within
 * `jwksRefreshMs + tokenCacheMs`.
 */
export function createTokenVerifier(config: AuthConfig, onProviderFailure?: ProviderFailureListener): IdentityVerifier {
  const cacheMs = config.tokenCacheMs ?? AUTH_DEFAULTS.tokenCacheMs;
  if (config.mode === 'dev') {
    assertDevIssuerAllowed(config.nodeEnv);
    if (!config.devSecret) throw new Error('AUTH_DEV_SECRET is required in dev auth mode');
    return new CachingTokenVerifier(new DevTokenVerifier(config.devSecret, config.clockToleranceSeconds), { maxAgeMs: cacheMs });
  }
  return new CachingTokenVerifier(new OidcTokenVerifier(config, onProviderFailure), { maxAgeMs: cacheMs });
}

export function assertDevIssuerAllowed(nodeEnv: string | undefined): void {
  if (nodeEnv === 'production') {
    throw new Error('The built-in development token issuer refuses to run with NODE_ENV=production; configure AUTH_MODE=oidc');
  }
}

/** The built-in development issuer: signs short-lived tokens for seeded users. */
export class DevTokenIssuer {
  private readonly key: Uint8Array;

  constructor(secret: string, nodeEnv: string | undefined) {
    assertDevIssuerAllowed(nodeEnv);
    this.key = new TextEncoder().encode(secret);
  }

  sign(actor: Actor, ttlSeconds = 8 * 3600): Promise<string> {
    return new SignJWT({ preferred_username: actor.username, agency: actor.agencyCode, roles: actor.roles })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(actor.userId)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.key);
  }
}

/** The default development secret; only usable outside production (see assertDevIssuerAllowed). */
export const DEFAULT_DEV_SECRET = 'phoi-hop-development-secret-not-for-production';

/**
 * A stable id for a seeded user, derived from the username (UUID version 5 layout over SHA-1), so
 * that seeds are idempotent across environments and the dev issuer can name users without a lookup.
 */
export function stableUserId(username: string): string {
  const hash = createHash('sha1').update(`phoi-hop:user:${username}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
