import { register as registerLoaderHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import { context, propagation, trace, type TracerProvider } from '@opentelemetry/api';
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
  /** `batch` (default) for services; `simple` exports each span as it ends (tests). */
  spanProcessor?: 'simple' | 'batch';
}

export interface Telemetry {
  readonly serviceName: string;
  readonly provider: NodeTracerProvider;
  /** Whether http, express, graphql and pg are patched (only when spans are exported). */
  readonly libraryInstrumentation: boolean;
  /** Flushes pending spans, unpatches the libraries and releases the global tracer, so tracing can start again. */
  shutdown(): Promise<void>;
}

let current: Telemetry | null = null;
let esmHookRegistered = false;

/**
 * Starts tracing: W3C trace context, AsyncLocalStorage context, and the http, express, graphql and
 * pg instrumentations. Call it before Nest, TypeORM and pg are loaded (each main.ts imports its
 * `instrumentation.ts` first). Spans exist even without an exporter, so logs always carry trace
 * ids. Idempotent: a second call returns the running instance.
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
  // The platform's own spans (HTTP entry, NATS hops) still carry trace ids into logs and across services.
  const libraryInstrumentation = Boolean(exporter) || process.env['OTEL_INSTRUMENT_ALWAYS'] === 'true';
  let unregister = (): void => undefined;
  if (libraryInstrumentation) {
    registerEsmHook();
    unregister = registerInstrumentations({
      tracerProvider: provider,
      instrumentations: [
        new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|metrics)/.test(req.url ?? '') }),
        new ExpressInstrumentation(),
        new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
        new PgInstrumentation({ enhancedDatabaseReporting: false }),
      ],
    });
  }

  const telemetry: Telemetry = {
    serviceName: options.serviceName,
    provider,
    libraryInstrumentation,
    async shutdown() {
      if (current !== telemetry) return;
      current = null;
      unregister();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
  current = telemetry;
  return telemetry;
}

/**
 * Express reaches the process through `import` (from the ESM-only @nestjs/platform-express), which
 * require hooks never see; import-in-the-middle's loader hook lets the express instrumentation
 * patch it. pg (required by TypeORM), graphql and http are CommonJS loads and need no hook.
 * Jest loads modules itself, so Node's loader hooks would only cost a thread there.
 */
function registerEsmHook(): void {
  if (esmHookRegistered || process.env['JEST_WORKER_ID'] !== undefined) return;
  registerLoaderHooks('@opentelemetry/instrumentation/hook.mjs', pathToFileURL(__filename), { data: { include: ['express'] } });
  esmHookRegistered = true;
}

const patchedPg = new WeakMap<object, PgInstrumentation>();

/**
 * Returns the `pg` module with the pg instrumentation applied by hand, for tests: Jest loads
 * modules through its own runtime, which require hooks never see. Pass the returned module to
 * TypeORM as its `driver` (it is also the module any later `require('pg')` in the same Jest module
 * registry returns). Spans go to `provider`, else to the running telemetry, else to the global
 * tracer provider. Calling it again re-targets the same patch instead of wrapping twice.
 */
export function instrumentedPg(provider?: TracerProvider): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object Jest gives this file is the one to patch
  const pg = require('pg') as { Pool: object };
  // pg.Pool extends pg-pool's class: patching that class is patching the pool pg uses, wherever npm put it.
  const modules: Record<string, object> = { pg, 'pg-pool': Object.getPrototypeOf(pg.Pool) as object };
  const target = provider ?? current?.provider;
  let instrumentation = patchedPg.get(pg);
  if (!instrumentation) {
    // Not enabled: enabling would add a require hook, which is the very thing that does not work here.
    instrumentation = new PgInstrumentation({ enabled: false, enhancedDatabaseReporting: false });
    if (target) instrumentation.setTracerProvider(target);
    for (const definition of instrumentation.getModuleDefinitions()) {
      const moduleExports = modules[definition.name];
      if (moduleExports) definition.patch?.(moduleExports);
    }
    patchedPg.set(pg, instrumentation);
  } else if (target) {
    instrumentation.setTracerProvider(target);
  }
  return pg;
}
