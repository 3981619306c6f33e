import DataLoader from 'dataloader';
import type { Actor, AgencyDto } from '@phoi-hop/contracts';
import { AuthError, authorizeOperation, type GraphQLOperation, type TokenVerifier } from '@phoi-hop/auth';
import type { AgencyCache } from './agency.cache';

export interface GqlContext {
  actor: Actor | null;
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
export async function buildContext(verifier: TokenVerifier, agencies: AgencyCache, token: string | null): Promise<GqlContext> {
  let actor: Actor | null = null;
  let authError: AuthError | null = null;
  if (token) {
    try {
      actor = await verifier.verify(token);
    } catch (error) {
      authError = error instanceof AuthError ? error : AuthError.unauthenticated();
    }
  }
  const agency = new DataLoader<string, AgencyDto | null>((codes) => agencies.getMany(codes, token ?? ''));
  return { actor, token, authError, loaders: { agency } };
}

/**
 * The actor of the request, allowed by the policy table to call `operation`; otherwise
 * UNAUTHENTICATED (saying why) or FORBIDDEN.
 */
export function requireActor(context: GqlContext, operation: GraphQLOperation): { actor: Actor; token: string } {
  if (!context.actor || !context.token) throw context.authError ?? AuthError.unauthenticated();
  authorizeOperation(context.actor, operation);
  return { actor: context.actor, token: context.token };
}
