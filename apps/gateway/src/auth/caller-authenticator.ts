import { Inject, Injectable, type Provider } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Actor } from '@phoi-hop/contracts';
import type { ActorResolver, IdentityVerifier } from '@phoi-hop/auth';
import { ACTOR_RESOLVER, MESSAGING_OPTIONS, NATS_CONNECTION, RpcClient, TOKEN_VERIFIER, type MessagingOptions } from '@phoi-hop/messaging';
import { ApiKeyExchange } from './api-key.exchange';
import { InternalTokenMinter } from './internal-token.minter';

/** What a client presents: a bearer token of the identity provider, or an API key. */
export type Credential = { kind: 'bearer'; token: string } | { kind: 'apiKey'; secret: string };

export interface AuthenticatedCaller {
  actor: Actor;
  /** The internal token sent to the services on the caller's behalf. */
  token: string;
  /** When the caller's credential expires (ms since the epoch), if it does: open subscriptions end then. */
  expiresAtMs?: number;
}

/**
 * Who is calling the gateway. A bearer token is verified (dev issuer or OIDC), then the identity it
 * names (issuer and subject, never its roles) is mapped to an active directory user whose roles
 * and agency are used (cached 30 s, dropped on `evt.directory.user.changed`); an API key is
 * exchanged through the directory. Either way the services get a short-lived internal token, never
 * the client's credential.
 */
@Injectable()
export class CallerAuthenticator {
  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: IdentityVerifier,
    @Inject(ACTOR_RESOLVER) private readonly users: ActorResolver,
    private readonly minter: InternalTokenMinter,
    readonly apiKeys: ApiKeyExchange,
  ) {}

  async authenticate(credential: Credential): Promise<AuthenticatedCaller> {
    if (credential.kind === 'apiKey') return this.apiKeys.exchange(credential.secret);
    const identity = await this.verifier.verify(credential.token);
    const actor = await this.users.resolve(identity);
    // The internal token never outlives the token it stands for.
    const { token } = await this.minter.tokenFor(actor, identity.expiresAtMs);
    return { actor, token, ...(identity.expiresAtMs !== undefined ? { expiresAtMs: identity.expiresAtMs } : {}) };
  }

  /** Drops a user this gateway has just changed (other gateways learn it from the event). */
  forgetUser(username: string): void {
    this.users.forget(username);
  }
}

/** The gateway's authentication providers: the minter (internal key, token life) and the key exchange. */
export function callerAuthenticationProviders(settings: { internalSecret: string; internalTokenTtlSeconds: number }): Provider[] {
  return [
    { provide: InternalTokenMinter, useValue: new InternalTokenMinter(settings.internalSecret, settings.internalTokenTtlSeconds) },
    {
      provide: ApiKeyExchange,
      inject: [RpcClient, InternalTokenMinter, NATS_CONNECTION, MESSAGING_OPTIONS],
      useFactory: (rpc: RpcClient, minter: InternalTokenMinter, connection: NatsConnection, options: MessagingOptions) => {
        const exchange = new ApiKeyExchange(rpc, minter);
        exchange.listen(connection, options.subjectPrefix);
        return exchange;
      },
    },
    CallerAuthenticator,
  ];
}
