import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthError } from '@phoi-hop/auth';
import type { Actor } from '@phoi-hop/contracts';
import type { GqlContext } from './gql-context';

function contextOf(executionContext: ExecutionContext): GqlContext {
  return GqlExecutionContext.create(executionContext).getContext<GqlContext>();
}

/** The caller of the operation, as OperationGuard authorised it. */
export const CurrentActor = createParamDecorator((_data: unknown, executionContext: ExecutionContext): Actor => {
  const { actor } = contextOf(executionContext);
  if (!actor) throw AuthError.unauthenticated();
  return actor;
});

/** The internal token the services get for the caller (never the client's own credential). */
export const InternalToken = createParamDecorator((_data: unknown, executionContext: ExecutionContext): string => {
  const { token } = contextOf(executionContext);
  if (!token) throw AuthError.unauthenticated();
  return token;
});
