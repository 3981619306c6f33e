import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '@phoi-hop/contracts';
import { AuthError } from './auth.errors';

interface ActorScope {
  actor: Actor;
  token: string;
}

const storage = new AsyncLocalStorage<ActorScope>();

/**
 * The verified actor of the request being handled, and the token it came with, so that calls the
 * handler makes to other services carry the same identity (services authorise again).
 */
export const ActorContext = {
  run<T>(actor: Actor, token: string, fn: () => T): T {
    return storage.run({ actor, token }, fn);
  },
  current(): Actor | undefined {
    return storage.getStore()?.actor;
  },
  token(): string | undefined {
    return storage.getStore()?.token;
  },
  require(): Actor {
    const scope = storage.getStore();
    if (!scope) throw AuthError.unauthenticated();
    return scope.actor;
  },
};
