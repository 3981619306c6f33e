import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '@phoi-hop/contracts';

interface ActorScope {
  actor: Actor;
  token: string;
}

const storage = new AsyncLocalStorage<ActorScope>();

/**
 * The verified actor of the request being handled, and the token it came with, so that calls the
 * handler makes to other services carry the same identity (services authorise again), and events
 * it writes name who caused them. Handlers and resolvers never read the actor from here: they take
 * it as a parameter (`@RpcActor()`, `@CurrentActor()`).
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
};
