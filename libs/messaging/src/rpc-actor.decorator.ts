import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AuthError } from '@phoi-hop/auth';
import type { Actor } from '@phoi-hop/contracts';

/** The actor RpcRequestInterceptor verified for each NATS request, by that request's context object. */
const actors = new WeakMap<object, Actor>();

/** Called by RpcRequestInterceptor once it has verified and authorised the caller of a request. */
export function bindRpcActor(requestContext: object, actor: Actor): void {
  actors.set(requestContext, actor);
}

/**
 * The verified caller of the NATS request being handled, as a handler parameter:
 * `get(@RpcActor() actor: Actor, @Payload() request: CaseGetRequest)`. UNAUTHENTICATED when the
 * handler was reached without RpcRequestInterceptor (which never happens for a registered service).
 */
export const RpcActor = createParamDecorator((_data: unknown, executionContext: ExecutionContext): Actor => {
  const actor = actors.get(executionContext.switchToRpc().getContext<object>());
  if (!actor) throw AuthError.unauthenticated();
  return actor;
});
