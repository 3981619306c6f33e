import { SignJWT, decodeJwt, jwtVerify, errors as joseErrors } from 'jose';
import { Roles, type Actor, type Role } from '@phoi-hop/contracts';
import { AuthError } from './auth.errors';
import type { TokenVerifier } from './token-verifier';

/**
 * Internal tokens: what the gateway gives the services once it has checked a caller (a person
 * against the directory, or an API key). Short-lived (at most five minutes), HS256 with a key the
 * gateway and the services share, and never handed to clients: the gateway refuses them.
 */
export const INTERNAL_ISSUER = 'phoi-hop-gateway';
export const INTERNAL_AUDIENCE = 'phoi-hop-services';
/** Longest life of an internal token. */
export const INTERNAL_TOKEN_MAX_TTL_SECONDS = 300;
/** The default internal key: only usable outside production (see authConfigFromEnv). */
export const DEFAULT_INTERNAL_SECRET = 'phoi-hop-internal-development-key-not-for-production';
const ROLE_SET = new Set<string>(Object.values(Roles));
const MAX_TOKEN_LENGTH = 8192;

/** Whether a token claims to be internal (unverified: only to choose how to verify it). */
export function isInternalToken(token: string): boolean {
  try {
    return decodeJwt(token).iss === INTERNAL_ISSUER;
  } catch {
    return false;
  }
}

function stringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export class InternalTokenIssuer {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  /** Signs `actor` for at most INTERNAL_TOKEN_MAX_TTL_SECONDS, and never past `notAfterMs`. */
  async sign(actor: Actor, ttlSeconds = INTERNAL_TOKEN_MAX_TTL_SECONDS, notAfterMs?: number): Promise<{ token: string; expiresAtMs: number }> {
    const now = Math.floor(Date.now() / 1000);
    let exp = now + Math.min(Math.max(ttlSeconds, 1), INTERNAL_TOKEN_MAX_TTL_SECONDS);
    if (notAfterMs !== undefined) exp = Math.min(exp, Math.floor(notAfterMs / 1000));
    const token = await new SignJWT({
      preferred_username: actor.username,
      agency: actor.agencyCode,
      roles: actor.roles,
      ...(actor.scopes ? { scp: actor.scopes } : {}),
      ...(actor.apiKeyId ? { key: actor.apiKeyId } : {}),
      ...(actor.service ? { svc: actor.service } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(actor.userId)
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAtMs: exp * 1000 };
  }
}

export class InternalTokenVerifier implements TokenVerifier {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly clockTolerance = 5,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async verify(token: string): Promise<Actor> {
    if (!token || token.length > MAX_TOKEN_LENGTH) throw AuthError.unauthenticated('Token is missing or too long');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        issuer: INTERNAL_ISSUER,
        audience: INTERNAL_AUDIENCE,
        algorithms: ['HS256'],
        clockTolerance: this.clockTolerance,
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw AuthError.unauthenticated('Token expired');
      throw AuthError.unauthenticated('Internal token is invalid');
    }
    const { sub, preferred_username: username, agency, roles, scp, key, svc } = payload as Record<string, unknown>;
    if (typeof sub !== 'string' || typeof username !== 'string' || typeof agency !== 'string' || !stringArray(roles) || !roles.every((r) => ROLE_SET.has(r))) {
      throw AuthError.unauthenticated('Internal token is invalid');
    }
    if ((scp !== undefined && !stringArray(scp)) || (key !== undefined && typeof key !== 'string') || (svc !== undefined && typeof svc !== 'string')) {
      throw AuthError.unauthenticated('Internal token is invalid');
    }
    return {
      userId: sub,
      username,
      agencyCode: agency,
      roles: roles as Role[],
      ...(scp ? { scopes: scp } : {}),
      ...(key ? { apiKeyId: key } : {}),
      ...(svc ? { service: svc } : {}),
    };
  }
}

/**
 * A platform service's own internal token (`svc` = its name, no roles), for the calls it makes as
 * itself rather than on a caller's behalf, such as asking the directory who a caller is. Re-signed
 * a minute before it expires.
 */
export class ServiceCredential {
  private readonly issuer: InternalTokenIssuer;
  private current: { token: string; expiresAtMs: number } | null = null;

  constructor(
    secret: string,
    private readonly serviceName: string,
    private readonly now: () => number = Date.now,
  ) {
    this.issuer = new InternalTokenIssuer(secret);
  }

  async token(): Promise<string> {
    if (!this.current || this.current.expiresAtMs - this.now() < 60_000) {
      this.current = await this.issuer.sign({ userId: this.serviceName, username: this.serviceName, agencyCode: '', roles: [], service: this.serviceName });
    }
    return this.current.token;
  }
}
