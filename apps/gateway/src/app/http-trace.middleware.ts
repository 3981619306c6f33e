import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { extractTraceContext } from '@phoi-hop/observability';

/**
 * Starts the server span of an HTTP request when no HTTP instrumentation did (express is loaded as
 * ESM by Nest, and test runners bypass require hooks), so every GraphQL operation roots a trace
 * that follows it over NATS into the services.
 */
export function httpTraceMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (trace.getSpan(context.active())) return next();
  const parent = extractTraceContext((key) => {
    const value = req.headers[key];
    return Array.isArray(value) ? value[0] : value;
  });
  const span = trace.getTracer('phoi-hop').startSpan(`${req.method} ${req.baseUrl || req.path}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.originalUrl.split('?')[0] } }, parent);
  res.on('finish', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  const active = trace.setSpan(parent, span);
  // Body parsing continues in stream callbacks: bind them so the span stays active there too.
  context.bind(active, req);
  context.bind(active, res);
  context.with(active, next);
}
