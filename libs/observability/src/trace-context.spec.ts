import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTelemetry, type Telemetry } from './telemetry';
import { TRACER_NAME, extractTraceContext, injectTraceContext, withSpan } from './trace-context';

describe('trace context over message headers', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;

  beforeAll(() => {
    telemetry = startTelemetry({ serviceName: 'spec', exporter, spanProcessor: 'simple' });
  });

  afterAll(() => telemetry.shutdown());

  beforeEach(() => exporter.reset());

  const finished = (name: string) => {
    const span = exporter.getFinishedSpans().find((s) => s.name === name);
    if (!span) throw new Error(`no finished span ${name}`);
    return span;
  };

  it('injects a W3C traceparent of the active span', async () => {
    const headers = new Map<string, string>();
    const ids = await withSpan('send', SpanKind.PRODUCER, {}, async (span) => {
      injectTraceContext((key, value) => headers.set(key, value));
      return span.spanContext();
    });
    expect(headers.get('traceparent')).toBe(`00-${ids.traceId}-${ids.spanId}-01`);
  });

  it('round-trips: the span started from extracted headers is a child in the same trace', async () => {
    const headers = new Map<string, string>();
    await withSpan('publish', SpanKind.PRODUCER, {}, async () => {
      injectTraceContext((key, value) => headers.set(key, value));
    });
    // The receiving side runs outside the sender's context, as a NATS handler does.
    await context.with(ROOT_CONTEXT, () =>
      withSpan(
        'consume',
        SpanKind.CONSUMER,
        { 'messaging.system': 'nats' },
        async () => undefined,
        extractTraceContext((key) => headers.get(key)),
      ),
    );
    const publish = finished('publish');
    const consume = finished('consume');
    expect(consume.spanContext().traceId).toBe(publish.spanContext().traceId);
    expect(consume.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
    expect(consume.parentSpanContext?.isRemote).toBe(true);
    expect(consume.kind).toBe(SpanKind.CONSUMER);
    expect(consume.attributes['messaging.system']).toBe('nats');
    expect(consume.instrumentationScope.name).toBe(TRACER_NAME);
  });

  it('injects nothing without an active span, and extracts a new root from missing or bad headers', async () => {
    const headers = new Map<string, string>();
    context.with(ROOT_CONTEXT, () => injectTraceContext((key, value) => headers.set(key, value)));
    expect(headers.size).toBe(0);

    for (const traceparent of [undefined, 'garbage', '00-00000000000000000000000000000000-0000000000000000-01']) {
      const extracted = context.with(ROOT_CONTEXT, () => extractTraceContext((key) => (key === 'traceparent' ? traceparent : undefined)));
      expect(trace.getSpanContext(extracted)).toBeUndefined();
    }
    await context.with(ROOT_CONTEXT, () =>
      withSpan(
        'root',
        SpanKind.SERVER,
        {},
        async () => undefined,
        extractTraceContext(() => undefined),
      ),
    );
    expect(finished('root').parentSpanContext).toBeUndefined();
  });

  it('withSpan makes its span active inside fn and ends it with the result', async () => {
    const result = await withSpan('outer', SpanKind.INTERNAL, {}, async (outer) => {
      expect(trace.getActiveSpan()).toBe(outer);
      return withSpan('inner', SpanKind.INTERNAL, {}, async () => 42);
    });
    expect(result).toBe(42);
    expect(finished('inner').parentSpanContext?.spanId).toBe(finished('outer').spanContext().spanId);
    expect(finished('outer').status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it('withSpan records the exception and an error status, ends the span and rethrows', async () => {
    await expect(
      withSpan('failing', SpanKind.CLIENT, {}, async () => {
        throw new Error('directory did not answer');
      }),
    ).rejects.toThrow('directory did not answer');
    const span = finished('failing');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'directory did not answer' });
    expect(span.events.map((e) => [e.name, e.attributes?.['exception.message']])).toEqual([['exception', 'directory did not answer']]);
    expect(span.ended).toBe(true);
  });
});
