import DataLoader from 'dataloader';
import type { Actor, AgencyDto } from '@phoi-hop/contracts';
import { AuthError, parseApiKeyId } from '@phoi-hop/auth';
import { Logger } from '@nestjs/common';
import { authFailures } from '@phoi-hop/observability';
import type { CallerAuthenticator, Credential } from '../../auth/caller-authenticator';
import type { CaseReportLoaders, CaseReportsReader } from '../case/case-reports.reader';
import type { AgencyCache } from '../directory/agency.cache';
import type { RateLimiter } from './rate-limiter';

const logger = new Logger('Auth');

export interface GqlContext {
  actor: Actor | null;
  /** Counts the request against the caller's rate limit (RATE_LIMITED when over it). */
  rateLimit: (caller: string) => void;
  /** The internal token the services get for this caller (never the client's own credential). */
  token: string | null;
  /** Why authentication failed (or could not be done), reported only when an operation needs an actor. */
  authError: Error | null;
  loaders: { agency: DataLoader<string, AgencyDto | null>; cases: CaseReportLoaders };
  /** The request's `Idempotency-Key` header (creating mutations pass it on as `clientRequestId`). */
  idempotencyKey?: string | null;
}

export function bearerToken(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1]! : null;
}

/**
 * The credential of a request: `Authorization: Bearer <token>`, `Authorization: ApiKey <key>` or
 * `X-Api-Key: <key>` (HTTP headers, or the same names in graphql-ws connectionParams).
 */
export function credentialFrom(headers: Record<string, unknown>): Credential | null {
  const authorization = headers['authorization'] ?? headers['Authorization'];
  if (typeof authorization === 'string') {
    const token = bearerToken(authorization);
    if (token) return { kind: 'bearer', token };
    const key = /^ApiKey\s+(\S+)$/i.exec(authorization.trim());
    if (key) return { kind: 'apiKey', secret: key[1]! };
  }
  const apiKey = headers['x-api-key'] ?? headers['X-Api-Key'];
  return typeof apiKey === 'string' && apiKey.trim() ? { kind: 'apiKey', secret: apiKey.trim() } : null;
}

/**
 * Counts and logs a refused credential: the reason, and an API key's id, never the secret. An
 * identity provider's outage is not the credential's fault: it was logged and counted where the
 * provider was asked (source "provider").
 */
export function reportRefusal(credential: Credential, error: AuthError): void {
  if (error.isProviderFailure) return;
  authFailures().inc({ service: 'gateway', reason: error.message, source: 'credential' });
  const what = credential.kind === 'apiKey' ? `an API key (id ${parseApiKeyId(credential.secret) ?? 'unreadable'})` : 'a bearer token';
  logger.warn(`Refused ${what}: ${error.message}`);
}

/** Authenticates the caller once per request and builds the request's batching loaders. */
export async function buildContext(
  authenticator: CallerAuthenticator,
  agencies: AgencyCache,
  caseReports: CaseReportsReader,
  limiter: RateLimiter,
  credential: Credential | null,
  idempotencyKey: string | null = null,
): Promise<GqlContext> {
  let actor: Actor | null = null;
  let token: string | null = null;
  let authError: Error | null = null;
  if (credential) {
    try {
      ({ actor, token } = await authenticator.authenticate(credential));
    } catch (error) {
      // The directory being unreachable is not the caller's fault: that stays UNAVAILABLE.
      authError = error instanceof Error ? error : AuthError.unauthenticated();
      if (error instanceof AuthError) reportRefusal(credential, error);
    }
  }
  const agency = new DataLoader<string, AgencyDto | null>((codes) => agencies.getMany(codes, token ?? ''));
  return { actor, token, authError, loaders: { agency, cases: caseReports.loaders(token ?? '') }, rateLimit: (caller) => limiter.take(caller), idempotencyKey };
}
