import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AuthError, GRAPHQL_POLICY, authorizeOperation, type GraphQLOperation } from '@phoi-hop/auth';
import type { GqlContext } from './gql-context';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export function isGraphQLOperation(name: string): name is GraphQLOperation {
  return Object.hasOwn(GRAPHQL_POLICY, name);
}

/**
 * Authorises every root field of the schema by its own name in the policy table (an operation with
 * no entry is refused): UNAUTHENTICATED (saying why) or FORBIDDEN, then the caller's rate limit
 * (per user, or per API key). Resolvers then take the caller with @CurrentActor() / @InternalToken().
 */
@Injectable()
export class OperationGuard implements CanActivate {
  canActivate(executionContext: ExecutionContext): boolean {
    if (executionContext.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(executionContext);
    const info = gql.getInfo<GraphQLResolveInfo>();
    // Field resolvers run inside an operation that was already authorised.
    if (!ROOT_TYPES.has(info.parentType.name)) return true;
    authorizeCaller(gql.getContext<GqlContext>(), info.fieldName);
    return true;
  }
}

export function authorizeCaller(context: GqlContext, operation: string): void {
  if (!context.actor || !context.token) throw context.authError ?? AuthError.unauthenticated();
  if (!isGraphQLOperation(operation)) throw AuthError.forbidden(`Not allowed: ${operation}`);
  authorizeOperation(context.actor, operation);
  context.rateLimit(context.actor.apiKeyId ? `api-key:${context.actor.apiKeyId}` : `user:${context.actor.userId}`);
}
