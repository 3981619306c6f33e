import DataLoader from 'dataloader';
import type { Actor, AgencyDto } from '@phoi-hop/contracts';
import { AuthError, authorizeOperation, type GraphQLOperation, type TokenVerifier } from '@phoi-hop/auth';
import { Logger } from '@nestjs/common';
import { authFailures } from '@phoi-hop/observability';
import type { AgencyCache } from './agency.cache';
import type { RateLimiter } from './rate-limiter';

const logger = new Logger('Auth');

export interface GqlContext {
  actor: Actor | null;
  /** Counts the request against the caller's rate limit (RATE_LIMITED when over it). */
  rateLimit: (caller: string) => void;
  token: string | null;
  /** Why authentication failed, reported only when an operation needs an actor. */
  authError: AuthError | null;
  loaders: { agency: DataLoader<string, AgencyDto | null> };
}

export function bearerToken(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1]! : null;
}

/** Verifies the caller once per request and builds the request's batching loaders. */
export async function buildContext(verifier: TokenVerifier, agencies: AgencyCache, limiter: RateLimiter, token: string | null): Promise<GqlContext> {
  let actor: Actor | null = null;
  let authError: AuthError | null = null;
  if (token) {
    try {
      actor = await verifier.verify(token);
    } catch (error) {
      authError = error instanceof AuthError ? error : AuthError.unauthenticated();
      authFailures().inc({ service: 'gateway', reason: authError.message });
      logger.warn(`Refused a bearer token: ${authError.message}`);
    }
  }
  const agency = new DataLoader<string, AgencyDto | null>((codes) => agencies.getMany(codes, token ?? ''));
  return { actor, token, authError, loaders: { agency }, rateLimit: (caller) => limiter.take(caller) };
}

/**
 * The actor of the request, allowed by the policy table to call `operation`; otherwise
 * UNAUTHENTICATED (saying why) or FORBIDDEN.
 */
export function requireActor(context: GqlContext, operation: GraphQLOperation): { actor: Actor; token: string } {
  if (!context.actor || !context.token) throw context.authError ?? AuthError.unauthenticated();
  authorizeOperation(context.actor, operation);
  context.rateLimit(context.actor.userId);
  return { actor: context.actor, token: context.token };
}
