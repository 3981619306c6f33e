import { randomUUID } from 'node:crypto';
import { NoRespondersError, RequestError, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { SpanKind } from '@opentelemetry/api';
import { ErrorCodes, Headers, isRpcErrorBody, isValidationRule, type RpcSubject } from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { injectTraceContext, rpcDuration, withSpan } from '@phoi-hop/observability';
import type { MessagingOptions } from './messaging.options';
import { RpcCallError } from './rpc.errors';

export interface RpcCallOptions {
  timeoutMs?: number;
  /** Bearer token to send; defaults to the token of the request being handled (ActorContext). */
  token?: string;
}

interface NestReply {
  id?: string;
  response?: unknown;
  err?: unknown;
  isDisposed?: boolean;
}

/**
 * Request/reply over NATS in the packet format of Nest's NATS transport, with a timeout on every
 * call, the caller's token and W3C trace context in the headers, and remote errors rethrown as
 * RpcCallError with the remote code. A call that times out is UNAVAILABLE; so is, at once, a call
 * that finds no responder (no replica of the service runs) or is made while NATS is unreachable.
 */
export class RpcClient {
  /** False while the connection to NATS is lost and being re-established. */
  private connected = true;

  constructor(
    private readonly connection: NatsConnection,
    private readonly options: Pick<MessagingOptions, 'subjectPrefix' | 'rpcTimeoutMs' | 'serviceName'>,
  ) {
    void this.followConnection();
  }

  private async followConnection(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === 'disconnect') this.connected = false;
      else if (status.type === 'reconnect') this.connected = true;
    }
  }

  async request<TResponse>(subject: RpcSubject, data: unknown, callOptions: RpcCallOptions = {}): Promise<TResponse> {
    const started = performance.now();
    let outcome = 'ok';
    try {
      return await withSpan(`${subject} send`, SpanKind.CLIENT, { 'messaging.system': 'nats', 'messaging.destination.name': subject }, () =>
        this.send<TResponse>(subject, data, callOptions),
      );
    } catch (error) {
      outcome = error instanceof RpcCallError ? error.code : 'error';
      throw error;
    } finally {
      rpcDuration().observe({ service: this.options.serviceName, subject, outcome }, (performance.now() - started) / 1000);
    }
  }

  private async send<TResponse>(subject: RpcSubject, data: unknown, callOptions: RpcCallOptions): Promise<TResponse> {
    const hdrs = natsHeaders();
    const token = callOptions.token ?? ActorContext.token();
    if (token) hdrs.set(Headers.AUTHORIZATION, `Bearer ${token}`);
    injectTraceContext((key, value) => hdrs.set(key, value));
    const packet = JSON.stringify({ pattern: subject, data, id: randomUUID() });
    const timeout = callOptions.timeoutMs ?? this.options.rpcTimeoutMs;
    // A request made while NATS is away would wait in the reconnect buffer for the whole timeout; the caller may as well retry now.
    if (!this.connected || this.connection.isClosed()) {
      throw new RpcCallError(ErrorCodes.UNAVAILABLE, `Service unavailable: ${subject} cannot be reached (NATS connection lost)`, undefined, subject);
    }
    let reply: NestReply;
    try {
      const message = await this.connection.request(`${this.options.subjectPrefix}${subject}`, packet, { timeout, headers: hdrs });
      reply = message.json<NestReply>();
    } catch (error) {
      // NATS answers at once when no replica subscribes to the subject: the caller hears UNAVAILABLE then, not after the timeout.
      const reason = isNoResponders(error) ? 'has no responder (no replica of the service is running)' : `did not answer within ${timeout} ms`;
      throw new RpcCallError(ErrorCodes.UNAVAILABLE, `Service unavailable: ${subject} ${reason}`, undefined, subject);
    }
    if (reply.err !== undefined && reply.err !== null) {
      if (isRpcErrorBody(reply.err)) {
        const rule = isValidationRule(reply.err.rule) ? reply.err.rule : undefined;
        throw new RpcCallError(reply.err.code, reply.err.message, reply.err.field, subject, rule);
      }
      throw new RpcCallError(ErrorCodes.INTERNAL, 'Internal error', undefined, subject);
    }
    return reply.response as TResponse;
  }
}

/** Whether a failed request found nobody subscribed to its subject (NATS "no responders", status 503). */
export function isNoResponders(error: unknown): boolean {
  if (error instanceof NoRespondersError) return true;
  if (error instanceof RequestError) return error.isNoResponders() || error.cause instanceof NoRespondersError;
  return (error as Error | null)?.message?.includes('no responders') ?? false;
}
