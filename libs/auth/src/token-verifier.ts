import { createHash } from 'node:crypto';
import { SignJWT, createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { Roles, type Actor, type Role } from '@phoi-hop/contracts';
import { AuthError } from './auth.errors';
import { CachingTokenVerifier } from './caching-token-verifier';

export interface TokenVerifier {
  /** Verifies a bearer token and returns the actor it names; throws AuthError otherwise. */
  verify(token: string): Promise<Actor>;
}

export interface AuthConfig {
  mode: 'dev' | 'oidc';
  /** dev: the shared HS256 secret of the built-in issuer. */
  devSecret?: string;
  /** oidc: issuer URL, JWKS URL (default `<issuer>/protocol/openid-connect/certs`) and audience. */
  issuer: string;
  audience: string;
  jwksUrl?: string;
  clockToleranceSeconds?: number;
  /** Least time between two JWKS fetches when a token names an unknown key (key rotation). */
  jwksCooldownMs?: number;
  nodeEnv?: string;
  /** HS256 key of internal tokens (gateway → services); a development default outside production. */
  internalSecret?: string;
}

export const DEV_ISSUER = 'phoi-hop-dev';
export const DEV_AUDIENCE = 'phoi-hop';
const ROLE_SET = new Set<string>(Object.values(Roles));
const MAX_TOKEN_LENGTH = 8192;

/**
 * The claims of an external token. Only the subject or `preferred_username` matter: agency and
 * roles come from the directory user they map to (ActorResolver). Roles a token does carry must
 * still be known ones.
 */
function actorFromClaims(payload: JWTPayload): Actor {
  const username = payload['preferred_username'] ?? payload.sub;
  const agency = payload['agency'] ?? '';
  const roles = payload['roles'] ?? [];
  if (typeof payload.sub !== 'string' || typeof username !== 'string' || typeof agency !== 'string') {
    throw AuthError.unauthenticated('Token lacks subject, username or agency');
  }
  if (!Array.isArray(roles) || !roles.every((r): r is Role => typeof r === 'string' && ROLE_SET.has(r))) {
    throw AuthError.unauthenticated('Token carries unknown roles');
  }
  return { userId: payload.sub, username, agencyCode: agency, roles };
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `Token claim "${error.claim}" is invalid`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'Token signature is invalid';
  return 'Token is invalid';
}

/** Verifies tokens of the built-in development issuer (HS256). Refuses to exist in production. */
export class DevTokenVerifier implements TokenVerifier {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly clockTolerance = 30,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async verify(token: string): Promise<Actor> {
    if (!token || token.length > MAX_TOKEN_LENGTH) throw AuthError.unauthenticated('Token is missing or too long');
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        algorithms: ['HS256'],
        clockTolerance: this.clockTolerance,
      });
      return actorFromClaims(payload);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw AuthError.unauthenticated(describeJoseError(error));
    }
  }
}

/** Verifies OIDC access tokens against the issuer's JWKS (keys fetched and rotated by jose). */
export class OidcTokenVerifier implements TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: AuthConfig) {
    const jwksUrl = config.jwksUrl ?? `${config.issuer.replace(/\/$/, '')}/protocol/openid-connect/certs`;
    this.jwks = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: config.jwksCooldownMs ?? 30_000, timeoutDuration: 5_000 });
  }

  async verify(token: string): Promise<Actor> {
    if (!token || token.length > MAX_TOKEN_LENGTH) throw AuthError.unauthenticated('Token is missing or too long');
    try {
      const { payload } = await jwtVerify(token, this.jwks, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: this.config.clockToleranceSeconds ?? 30,
      });
      return actorFromClaims(payload);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw AuthError.unauthenticated(describeJoseError(error));
    }
  }
}

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  if (config.mode === 'dev') {
    assertDevIssuerAllowed(config.nodeEnv);
    if (!config.devSecret) throw new Error('AUTH_DEV_SECRET is required in dev auth mode');
    return new CachingTokenVerifier(new DevTokenVerifier(config.devSecret, config.clockToleranceSeconds));
  }
  return new CachingTokenVerifier(new OidcTokenVerifier(config));
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
