import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { Observable, from, lastValueFrom } from 'rxjs';
import { SpanKind, context as otelContext } from '@opentelemetry/api';
import { Headers } from '@phoi-hop/contracts';
import { ActorContext, AuthError, authorizeRpc, type ServiceAuthenticator } from '@phoi-hop/auth';
import { authFailures, extractTraceContext, rpcDuration, withSpan } from '@phoi-hop/observability';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { bindRpcActor } from './rpc-actor.decorator';

/** The external token verifier (dev issuer or OIDC). */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
/** The ServiceAuthenticator every RPC handler's caller goes through. */
export const SERVICE_AUTHENTICATOR = Symbol('SERVICE_AUTHENTICATOR');
/** The ActorResolver that maps external tokens to directory users (cached). */
export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');

type NatsHeaderBag = { get(key: string): string } | undefined;

/**
 * Every RPC handler runs inside this interceptor: it continues the caller's trace (W3C
 * traceparent from the NATS headers), verifies the caller's token itself (the gateway is not the
 * only guard), maps a person to an active directory user, hands that actor to the handler's
 * @RpcActor() parameter and runs the handler in ActorContext (for the token of onward calls).
 * Refusals are counted and logged, never with the token.
 */
@Injectable()
export class RpcRequestInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(SERVICE_AUTHENTICATOR) private readonly authenticator: ServiceAuthenticator,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  intercept(executionContext: ExecutionContext, next: CallHandler): Observable<unknown> {
    const natsContext = executionContext.switchToRpc().getContext<NatsContext>();
    const headers = natsContext.getHeaders() as NatsHeaderBag;
    const subject = natsContext.getSubject().slice(this.options.subjectPrefix.length);
    const read = (key: string): string | undefined => headers?.get(key) || undefined;
    const parent = extractTraceContext(read);
    const started = performance.now();

    const run = async (): Promise<unknown> =>
      withSpan(
        `${subject} process`,
        SpanKind.SERVER,
        { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'service.name': this.options.serviceName },
        async () => {
          const authorization = read(Headers.AUTHORIZATION);
          const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
          if (!token) throw AuthError.unauthenticated();
          const actor = await this.authenticator.authenticate(token).catch((error: unknown) => {
            // A provider outage is counted once, where the provider was asked (see MessagingModule).
            if (error instanceof AuthError && !error.isProviderFailure) {
              authFailures().inc({ service: this.options.serviceName, reason: error.message, source: 'credential' });
              this.logger.warn(`Refused a caller of ${subject}: ${error.message}`);
            }
            throw error;
          });
          authorizeRpc(actor, subject);
          bindRpcActor(natsContext, actor);
          // The handler gets the actor as a parameter (@RpcActor()); ActorContext carries the token on to the calls it makes.
          return ActorContext.run(actor, token, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
        },
        parent,
      );

    return from(
      otelContext.with(parent, run).then(
        (value) => {
          rpcDuration().observe({ service: this.options.serviceName, subject, outcome: 'ok' }, (performance.now() - started) / 1000);
          return value;
        },
        (error: unknown) => {
          const code = (error as { code?: string })?.code ?? 'error';
          rpcDuration().observe({ service: this.options.serviceName, subject, outcome: code }, (performance.now() - started) / 1000);
          throw error;
        },
      ),
    );
  }
}
