import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTelemetry } from './telemetry';

describe(startTelemetry.name, () => {
  beforeEach(() => {
    delete process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    delete process.env['OTEL_INSTRUMENT_ALWAYS'];
  });

  it('is idempotent: a second call returns the running instance', async () => {
    const first = startTelemetry({ serviceName: 'spec-a' });
    const second = startTelemetry({ serviceName: 'spec-b' });
    expect(second).toBe(first);
    expect(second.serviceName).toBe('spec-a');
    await first.shutdown();
  });

  it('creates real spans without an exporter, so logs get trace ids, and patches no library', async () => {
    const telemetry = startTelemetry({ serviceName: 'spec' });
    const span = trace.getTracer('spec').startSpan('work');
    expect(span.isRecording()).toBe(true);
    expect(span.spanContext().traceId).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
    // The AsyncLocalStorage context manager keeps the span active across awaits.
    const seen = await context.with(trace.setSpan(context.active(), span), async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return trace.getSpan(context.active())?.spanContext().spanId;
    });
    expect(seen).toBe(span.spanContext().spanId);
    span.end();
    expect(telemetry.libraryInstrumentation).toBe(false);
    await telemetry.shutdown();
  });

  it('exports to the given exporter, and starts afresh after shutdown', async () => {
    const firstExporter = new InMemorySpanExporter();
    const first = startTelemetry({ serviceName: 'spec', exporter: firstExporter, spanProcessor: 'simple' });
    try {
      expect(first.libraryInstrumentation).toBe(true);
      trace.getTracer('spec').startSpan('one').end();
      expect(firstExporter.getFinishedSpans().map((s) => s.name)).toEqual(['one']);
    } finally {
      await first.shutdown();
    }

    const secondExporter = new InMemorySpanExporter();
    const second = startTelemetry({ serviceName: 'spec-2', exporter: secondExporter, spanProcessor: 'simple' });
    try {
      expect(second).not.toBe(first);
      trace.getTracer('spec').startSpan('two').end();
      expect(secondExporter.getFinishedSpans().map((s) => s.name)).toEqual(['two']);
      expect(secondExporter.getFinishedSpans()[0]?.resource.attributes['service.name']).toBe('spec-2');
    } finally {
      await second.shutdown();
    }
  });

  it('batches by default: spans reach the exporter when flushed', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = startTelemetry({ serviceName: 'spec', exporter });
    try {
      trace.getTracer('spec').startSpan('batched').end();
      expect(exporter.getFinishedSpans()).toHaveLength(0);
      await telemetry.provider.forceFlush();
      expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['batched']);
    } finally {
      await telemetry.shutdown();
    }
  });
});
