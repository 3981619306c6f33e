import { SpanStatusCode, context, propagation, trace, type Attributes, type Context, type Span, type SpanKind } from '@opentelemetry/api';

export const TRACER_NAME = 'phoi-hop';

export function tracer() {
  return trace.getTracer(TRACER_NAME);
}

/** Writes W3C `traceparent`/`tracestate` of `ctx` through `setter` (NATS headers have no OTel instrumentation). */
export function injectTraceContext(setter: (key: string, value: string) => void, ctx: Context = context.active()): void {
  propagation.inject(ctx, undefined, { set: (_carrier, key, value) => setter(key, value) });
}

/** Reads the caller's trace context through `getter`; the active context when there is none. */
export function extractTraceContext(getter: (key: string) => string | undefined): Context {
  return propagation.extract(context.active(), undefined, {
    get: (_carrier, key) => getter(key),
    keys: () => ['traceparent', 'tracestate'],
  });
}

/**
 * Runs `fn` inside a new span (child of `parent` or of the active context), records an exception
 * and an error status when it throws, and always ends the span.
 */
export async function withSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
  parent: Context = context.active(),
): Promise<T> {
  const span = tracer().startSpan(name, { kind, attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
    throw error;
  } finally {
    span.end();
  }
}
