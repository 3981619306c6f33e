import { Inject, Injectable, type Provider } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { decodeJwt } from 'jose';
import type { Actor } from '@phoi-hop/contracts';
import type { ActorResolver, TokenVerifier } from '@phoi-hop/auth';
import { ACTOR_RESOLVER, MESSAGING_OPTIONS, NATS_CONNECTION, RpcClient, TOKEN_VERIFIER, type MessagingOptions } from '@phoi-hop/messaging';
import { ApiKeyExchange } from './api-key.exchange';
import { InternalTokenMinter } from './internal-token.minter';

/** What a client presents: a bearer token of the identity provider, or an API key. */
export type Credential = { kind: 'bearer'; token: string } | { kind: 'apiKey'; secret: string };

export interface AuthenticatedCaller {
  actor: Actor;
  /** The internal token sent to the services on the caller's behalf. */
  token: string;
}

/**
 * Who is calling the gateway. A bearer token is verified (dev issuer or OIDC), then mapped to an
 * active directory user whose roles and agency are used (cached 30 s, dropped on
 * `evt.directory.user.changed`); an API key is exchanged through the directory. Either way the
 * services get a short-lived internal token, never the client's credential.
 */
@Injectable()
export class CallerAuthenticator {
  /** The expiry (ms) of bearer tokens already seen: decoding one on every request cost as much as verifying it from cache. */
  private readonly expiries = new Map<string, number | undefined>();
  private readonly maxExpiries = 10_000;

  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(ACTOR_RESOLVER) private readonly users: ActorResolver,
    private readonly minter: InternalTokenMinter,
    readonly apiKeys: ApiKeyExchange,
  ) {}

  async authenticate(credential: Credential): Promise<AuthenticatedCaller> {
    if (credential.kind === 'apiKey') return this.apiKeys.exchange(credential.secret);
    const claims = await this.verifier.verify(credential.token);
    const actor = await this.users.resolve(claims, credential.token);
    // The internal token never outlives the token it stands for.
    const { token } = await this.minter.tokenFor(actor, this.expiryOf(credential.token));
    return { actor, token };
  }

  /** A token's `exp` in ms (a token's claims never change, so the answer is kept; bounded, oldest first out). */
  private expiryOf(token: string): number | undefined {
    if (this.expiries.has(token)) return this.expiries.get(token);
    const { exp } = decodeJwt(token);
    const expiresAtMs = typeof exp === 'number' ? exp * 1000 : undefined;
    if (this.expiries.size >= this.maxExpiries) this.expiries.delete(this.expiries.keys().next().value!);
    this.expiries.set(token, expiresAtMs);
    return expiresAtMs;
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
