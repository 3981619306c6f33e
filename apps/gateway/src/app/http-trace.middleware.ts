import { SpanKind, SpanStatusCode, context, trace, type Context } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { extractTraceContext } from '@phoi-hop/observability';

/** The context of each request's server span, for {@link httpTraceContinuation}. */
const requestContexts = new WeakMap<Request, Context>();

/**
 * Starts the server span of an HTTP request when no HTTP instrumentation did (express is loaded as
 * ESM by Nest, and test runners bypass require hooks), so every GraphQL operation roots a trace
 * that follows it over NATS into the services. Runs before the body parser, so the span covers
 * reading the body and also ends for a request the parser refuses.
 */
export function httpTraceMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (trace.getSpan(context.active())) return next();
  const parent = extractTraceContext((key) => {
    const value = req.headers[key];
    return Array.isArray(value) ? value[0] : value;
  });
  const span = trace
    .getTracer('phoi-hop')
    .startSpan(
      `${req.method} ${req.baseUrl || req.path}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.originalUrl.split('?')[0] } },
      parent,
    );
  res.on('finish', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  const active = trace.setSpan(parent, span);
  requestContexts.set(req, active);
  context.with(active, next);
}

/**
 * Mounted after the body parser: the parser calls on from a stream callback, outside the span's
 * context, so the rest of the request (GraphQL, NATS calls, logs) re-enters it here. Cheaper than
 * binding the request and response emitters, which wraps every listener added to them.
 */
export function httpTraceContinuation(req: Request, _res: Response, next: NextFunction): void {
  const active = requestContexts.get(req);
  if (!active) return next();
  context.with(active, next);
}
