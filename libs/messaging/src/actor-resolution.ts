import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { EventSubjects, RpcSubjects, type ActorResolveRequest, type EventEnvelope, type UserChangedEvent } from '@phoi-hop/contracts';
import { AuthError, CachedActorResolver, type ActorLookup, type ActorResolver, type ServiceCredential } from '@phoi-hop/auth';
import type { RpcClient } from './rpc.client';
import { RpcCallError } from './rpc.errors';

/**
 * The lookup services use: ask the directory, as this service (its own internal token), which
 * active user the verified identity names. Only the issuer, the subject and an allowed username
 * are sent; the caller's token stays where it arrived.
 */
export function directoryActorLookup(rpc: RpcClient, self: ServiceCredential): ActorLookup {
  return async (identity) => {
    const request: ActorResolveRequest = { issuer: identity.issuer, subject: identity.subject, ...(identity.username ? { username: identity.username } : {}) };
    try {
      return await rpc.request(RpcSubjects.directory.actorResolve, request, { token: await self.token() });
    } catch (error) {
      if (error instanceof RpcCallError && error.code === 'UNAUTHENTICATED') throw AuthError.unauthenticated(error.message);
      throw error;
    }
  };
}

/**
 * Listens to `evt.directory.user.changed` on core NATS (every JetStream publish is also a plain
 * message on its subject) and tells `onChange` which user changed. Best effort by design: a missed
 * event costs at most the cache TTL.
 */
export function onUserChanged(connection: NatsConnection, subjectPrefix: string, onChange: (username: string) => void): Subscription {
  return connection.subscribe(`${subjectPrefix}${EventSubjects.directory.userChanged}`, {
    callback: (error, message) => {
      if (error) return;
      try {
        onChange(message.json<EventEnvelope<UserChangedEvent>>().data.username);
      } catch {
        // Not an envelope: forget everyone rather than keep a user who may have changed.
        onChange('');
      }
    },
  });
}

/** A resolver with the directory users cached for 30 s and dropped when the directory says they changed. */
export function createActorResolver(lookup: ActorLookup, connection: NatsConnection, subjectPrefix: string): ActorResolver {
  const resolver = new CachedActorResolver(lookup);
  onUserChanged(connection, subjectPrefix, (username) => resolver.forget(username || undefined));
  return resolver;
}
