import { bool, num, str } from 'envalid';
import { DEFAULT_INTERNAL_SECRET } from './internal-token';
import { AUTH_DEFAULTS, DEFAULT_DEV_SECRET, type AuthConfig } from './token-verifier';

/** Authentication settings every service shares: the dev issuer outside production, OIDC in it. */
export function authEnv() {
  return {
    NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
    AUTH_MODE: str({ choices: ['dev', 'oidc'], default: 'dev', desc: 'dev: built-in issuer (refused in production); oidc: JWKS' }),
    AUTH_DEV_SECRET: str({ default: DEFAULT_DEV_SECRET, desc: 'HS256 secret of the built-in development issuer' }),
    OIDC_ISSUER: str({ default: '', desc: 'OIDC issuer URL (AUTH_MODE=oidc)' }),
    OIDC_AUDIENCE: str({ default: 'phoi-hop', desc: 'Expected token audience' }),
    OIDC_JWKS_URL: str({ default: '', desc: "JWKS URL; default: the jwks_uri of the issuer's discovery document" }),
    OIDC_USERNAME_CLAIM: str({ default: '', desc: 'Claim whose value names a directory user by username (e.g. preferred_username); empty: only subjects linked by an administrator' }),
    OIDC_ALLOW_UNTYPED_ACCESS_TOKENS: bool({ default: false, desc: 'Accept access tokens without typ at+jwt (RFC 9068), for providers that do not send it' }),
    OIDC_JWKS_REFRESH_SECONDS: num({ default: AUTH_DEFAULTS.jwksRefreshMs / 1000, desc: "Keys older than this are read again from the provider" }),
    OIDC_JWKS_MAX_STALE_SECONDS: num({ default: AUTH_DEFAULTS.jwksMaxStaleMs / 1000, desc: 'While the provider is unreachable, the last keys read serve this long after they were read' }),
    AUTH_TOKEN_CACHE_SECONDS: num({ default: AUTH_DEFAULTS.tokenCacheMs / 1000, desc: 'Longest time a verified token is accepted without verifying it again' }),
    AUTH_CLOCK_SKEW_SECONDS: num({ default: 30 }),
    INTERNAL_TOKEN_SECRET: str({ default: '', desc: 'HS256 key of internal tokens, shared by the gateway and the services; required in production (≥ 32 characters)' }),
  };
}

export interface AuthEnv {
  NODE_ENV: string;
  AUTH_MODE: string;
  AUTH_DEV_SECRET: string;
  OIDC_ISSUER: string;
  OIDC_AUDIENCE: string;
  OIDC_JWKS_URL: string;
  OIDC_USERNAME_CLAIM: string;
  OIDC_ALLOW_UNTYPED_ACCESS_TOKENS: boolean;
  OIDC_JWKS_REFRESH_SECONDS: number;
  OIDC_JWKS_MAX_STALE_SECONDS: number;
  AUTH_TOKEN_CACHE_SECONDS: number;
  AUTH_CLOCK_SKEW_SECONDS: number;
  INTERNAL_TOKEN_SECRET: string;
}

export function authConfigFromEnv(env: AuthEnv): AuthConfig {
  if (env.AUTH_MODE === 'oidc' && !env.OIDC_ISSUER) throw new Error('OIDC_ISSUER is required when AUTH_MODE=oidc');
  for (const name of ['OIDC_JWKS_REFRESH_SECONDS', 'OIDC_JWKS_MAX_STALE_SECONDS', 'AUTH_TOKEN_CACHE_SECONDS'] as const) {
    if (!(env[name] >= 0 && env[name] <= 86_400)) throw new Error(`${name} must be between 0 and 86400`);
  }
  if (env.OIDC_JWKS_MAX_STALE_SECONDS < env.OIDC_JWKS_REFRESH_SECONDS) throw new Error('OIDC_JWKS_MAX_STALE_SECONDS must be at least OIDC_JWKS_REFRESH_SECONDS');
  return {
    internalSecret: internalSecretFromEnv(env),
    mode: env.AUTH_MODE === 'oidc' ? 'oidc' : 'dev',
    devSecret: env.AUTH_DEV_SECRET,
    issuer: env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE,
    ...(env.OIDC_JWKS_URL ? { jwksUrl: env.OIDC_JWKS_URL } : {}),
    ...(env.OIDC_USERNAME_CLAIM ? { usernameClaim: env.OIDC_USERNAME_CLAIM } : {}),
    allowUntypedAccessTokens: env.OIDC_ALLOW_UNTYPED_ACCESS_TOKENS,
    jwksRefreshMs: env.OIDC_JWKS_REFRESH_SECONDS * 1000,
    jwksMaxStaleMs: env.OIDC_JWKS_MAX_STALE_SECONDS * 1000,
    tokenCacheMs: env.AUTH_TOKEN_CACHE_SECONDS * 1000,
    clockToleranceSeconds: env.AUTH_CLOCK_SKEW_SECONDS,
    nodeEnv: env.NODE_ENV,
  };
}

/** The internal token key: required in production, a development default elsewhere. */
export function internalSecretFromEnv(env: Pick<AuthEnv, 'NODE_ENV' | 'INTERNAL_TOKEN_SECRET'>): string {
  const secret = env.INTERNAL_TOKEN_SECRET;
  if (env.NODE_ENV === 'production') {
    if (!secret) throw new Error('INTERNAL_TOKEN_SECRET is required when NODE_ENV=production');
    if (secret.length < 32 || secret === DEFAULT_INTERNAL_SECRET) throw new Error('INTERNAL_TOKEN_SECRET must be a random value of at least 32 characters in production');
  }
  return secret || DEFAULT_INTERNAL_SECRET;
}

/**
 * The internal-token key of a configuration: the validated one, or the development value for a
 * configuration built by hand (tests). Production configurations always carry a checked key.
 */
export function internalSecretOf(auth: { internalSecret?: string }): string {
  return auth.internalSecret ?? DEFAULT_INTERNAL_SECRET;
}
