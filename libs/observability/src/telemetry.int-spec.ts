import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type * as Pg from 'pg';
import { instrumentedPg, startTelemetry, type Telemetry } from './telemetry';
import { withSpan } from './trace-context';

// The maintenance database of the test server: it always exists, and SELECT 1 needs no schema.
const databaseUrl = (() => {
  const url = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url.toString();
})();

describe(instrumentedPg.name, () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  let pg: typeof Pg;

  beforeAll(() => {
    telemetry = startTelemetry({ serviceName: 'spec', exporter, spanProcessor: 'simple' });
    pg = instrumentedPg() as typeof Pg;
  });

  afterAll(() => telemetry.shutdown());

  beforeEach(() => exporter.reset());

  const pgSpans = (): ReadableSpan[] => exporter.getFinishedSpans().filter((s) => s.instrumentationScope.name === '@opentelemetry/instrumentation-pg');
  const statement = (span: ReadableSpan) => span.attributes['db.query.text'] ?? span.attributes['db.statement'];

  it('traces a query of a real Postgres under the active span, once even when patched twice', async () => {
    expect(instrumentedPg()).toBe(pg);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const rows = await withSpan('handler', SpanKind.INTERNAL, {}, async () => (await client.query('SELECT 1 AS one')).rows);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
    const handler = exporter.getFinishedSpans().find((s) => s.name === 'handler')!;
    const queries = pgSpans().filter((s) => statement(s) === 'SELECT 1 AS one');
    expect(queries).toHaveLength(1);
    expect(queries[0]!.kind).toBe(SpanKind.CLIENT);
    expect(queries[0]!.spanContext().traceId).toBe(handler.spanContext().traceId);
    expect(queries[0]!.parentSpanContext?.spanId).toBe(handler.spanContext().spanId);
    expect(queries[0]!.resource.attributes['service.name']).toBe('spec');
  });

  it('traces pool checkouts and queries made through pg.Pool', async () => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      await withSpan('pooled', SpanKind.INTERNAL, {}, () => pool.query('SELECT 1'));
    } finally {
      await pool.end();
    }
    const pooled = exporter.getFinishedSpans().find((s) => s.name === 'pooled')!;
    const names = pgSpans()
      .filter((s) => s.spanContext().traceId === pooled.spanContext().traceId)
      .map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['pg-pool.connect', 'pg.query:SELECT postgres']));
  });

  it('sends spans to the provider it is given', async () => {
    const { NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
    const { SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
    const other = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(other)] });
    instrumentedPg(provider);
    const client = new pg.Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      await client.query('SELECT 2');
    } finally {
      await client.end();
      instrumentedPg(telemetry.provider);
    }
    expect(other.getFinishedSpans().map(statement)).toContain('SELECT 2');
    expect(pgSpans().map(statement)).not.toContain('SELECT 2');
    await provider.shutdown();
  });
});
