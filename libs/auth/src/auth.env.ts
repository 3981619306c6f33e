import { num, str } from 'envalid';
import { DEFAULT_INTERNAL_SECRET } from './internal-token';
import { DEFAULT_DEV_SECRET, type AuthConfig } from './token-verifier';

/** Authentication settings every service shares: the dev issuer outside production, OIDC in it. */
export function authEnv() {
  return {
    NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
    AUTH_MODE: str({ choices: ['dev', 'oidc'], default: 'dev', desc: 'dev: built-in issuer (refused in production); oidc: JWKS' }),
    AUTH_DEV_SECRET: str({ default: DEFAULT_DEV_SECRET, desc: 'HS256 secret of the built-in development issuer' }),
    OIDC_ISSUER: str({ default: '', desc: 'OIDC issuer URL (AUTH_MODE=oidc)' }),
    OIDC_AUDIENCE: str({ default: 'phoi-hop', desc: 'Expected token audience' }),
    OIDC_JWKS_URL: str({ default: '', desc: 'JWKS URL; defaults to the Keycloak path under the issuer' }),
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
  AUTH_CLOCK_SKEW_SECONDS: number;
  INTERNAL_TOKEN_SECRET: string;
}

export function authConfigFromEnv(env: AuthEnv): AuthConfig {
  if (env.AUTH_MODE === 'oidc' && !env.OIDC_ISSUER) throw new Error('OIDC_ISSUER is required when AUTH_MODE=oidc');
  return {
    internalSecret: internalSecretFromEnv(env),
    mode: env.AUTH_MODE === 'oidc' ? 'oidc' : 'dev',
    devSecret: env.AUTH_DEV_SECRET,
    issuer: env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE,
    ...(env.OIDC_JWKS_URL ? { jwksUrl: env.OIDC_JWKS_URL } : {}),
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
