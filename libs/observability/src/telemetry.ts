import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

export interface TelemetryOptions {
  serviceName: string;
  /** Where spans go; default: OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set, else nowhere. */
  exporter?: SpanExporter;
  spanProcessor?: 'simple' | 'batch';
}

export interface Telemetry {
  provider: NodeTracerProvider;
  shutdown(): Promise<void>;
}

let current: Telemetry | null = null;

/**
 * Starts tracing. Call it before Nest, TypeORM and pg are loaded (each main.ts imports its
 * `instrumentation.ts` first) so that http, express, graphql and pg are patched. Spans exist even
 * without an exporter, so logs always carry trace ids. Idempotent.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (current) return current;
  const processors: SpanProcessor[] = [];
  const exporter = options.exporter ?? (process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ? new OTLPTraceExporter() : undefined);
  if (exporter) processors.push(options.spanProcessor === 'simple' ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: processors,
  });
  const contextManager = new AsyncLocalStorageContextManager();
  contextManager.enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  // Without an exporter nobody reads the library spans: skip the per-query and per-resolver cost.
  // The platform's own spans (NATS hops) still carry trace ids into logs and across services.
  if (exporter || process.env['OTEL_INSTRUMENT_ALWAYS'] === 'true') registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|metrics)/.test(req.url ?? '') }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  current = {
    provider,
    async shutdown() {
      await provider.shutdown();
      current = null;
    },
  };
  return current;
}

/**
 * Returns the `pg` module with the pg instrumentation applied by hand. Test runners such as Jest
 * load modules through their own loader, which require hooks never see; services pass the returned
 * module to TypeORM as its driver.
 */
export function instrumentedPg(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg: unknown = require('pg');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version = (require('pg/package.json') as { version: string }).version;
  const instrumentation = new PgInstrumentation({ enhancedDatabaseReporting: false });
  if (current) instrumentation.setTracerProvider(current.provider);
  type Definition = { name: string; patch?: (moduleExports: unknown, moduleVersion?: string) => unknown };
  const definitions = (instrumentation as unknown as { getModuleDefinitions(): Definition[] }).getModuleDefinitions();
  definitions.find((d) => d.name === 'pg')?.patch?.(pg, version);
  return pg;
}
