import { Writable } from 'node:stream';
import { SpanKind, context, trace } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from './telemetry';
import { withSpan } from './trace-context';
import { PinoNestLogger, createLogger } from './logger';

/** A pino destination that keeps the parsed JSON lines. */
function captureLines(): { stream: Writable; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { stream, lines };
}

describe(createLogger.name, () => {
  let telemetry: Telemetry;

  beforeAll(() => {
    telemetry = startTelemetry({ serviceName: 'spec' });
  });

  afterAll(() => telemetry.shutdown());

  it('stamps lines with the service and the trace and span ids of the active span', async () => {
    const { stream, lines } = captureLines();
    const logger = createLogger('intake', 'info', stream);
    const ids = await withSpan('handle', SpanKind.INTERNAL, {}, async (span) => {
      await Promise.resolve();
      logger.info('inside');
      return span.spanContext();
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ service: 'intake', msg: 'inside', trace_id: ids.traceId, span_id: ids.spanId, level: 30 });
    expect(lines[1]).toMatchObject({ service: 'intake', msg: 'outside' });
    expect(lines[1]).not.toHaveProperty('trace_id');
    expect(typeof lines[0]?.['time']).toBe('string');
  });

  it('never writes authorization headers, tokens or passwords', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger('gateway', 'info', stream);
    logger.info(
      {
        authorization: 'Bearer a.b.c',
        headers: { authorization: 'Bearer d.e.f', accept: 'application/json' },
        user: { token: 'secret-token', password: 'hunter2', name: 'Cán bộ A' },
      },
      'request',
    );
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/a\.b\.c|d\.e\.f|secret-token|hunter2/);
    expect(lines[0]).toMatchObject({
      authorization: '[redacted]',
      headers: { authorization: '[redacted]', accept: 'application/json' },
      user: { token: '[redacted]', password: '[redacted]', name: 'Cán bộ A' },
    });
  });

  it('takes the level from the argument, then LOG_LEVEL', () => {
    const silent = captureLines();
    createLogger('spec', 'silent', silent.stream).error('not written');
    expect(silent.lines).toHaveLength(0);

    const previous = process.env['LOG_LEVEL'];
    process.env['LOG_LEVEL'] = 'warn';
    try {
      const fromEnv = captureLines();
      const logger = createLogger('spec', undefined, fromEnv.stream);
      logger.info('dropped');
      logger.warn('kept');
      expect(fromEnv.lines.map((l) => l['msg'])).toEqual(['kept']);
    } finally {
      if (previous === undefined) delete process.env['LOG_LEVEL'];
      else process.env['LOG_LEVEL'] = previous;
    }
  });
});

describe(PinoNestLogger.name, () => {
  it('maps Nest calls to pino levels with the logging class as context', () => {
    const { stream, lines } = captureLines();
    const nest = new PinoNestLogger(createLogger('directory', 'trace', stream));
    nest.log('Nest application successfully started', 'NestApplication');
    nest.warn('slow query', 'CaseRepository');
    nest.verbose('detail');
    nest.error('boom', 'Error: boom\n    at handler (case.service.ts:1:1)', 'ExceptionsHandler');
    nest.error('no stack', undefined, 'RpcFilter');
    nest.error('static without context', 'Error: x\n    at y (z.ts:1:1)');
    nest.fatal(new Error('cannot start'));
    expect(lines.map((l) => [l['level'], l['msg'], l['context'], l['stack']])).toEqual([
      [30, 'Nest application successfully started', 'NestApplication', undefined],
      [40, 'slow query', 'CaseRepository', undefined],
      [10, 'detail', undefined, undefined],
      [50, 'boom', 'ExceptionsHandler', 'Error: boom\n    at handler (case.service.ts:1:1)'],
      [50, 'no stack', 'RpcFilter', undefined],
      [50, 'static without context', undefined, 'Error: x\n    at y (z.ts:1:1)'],
      [60, 'cannot start', undefined, undefined],
    ]);
    expect(lines[6]?.['err']).toMatchObject({ type: 'Error', message: 'cannot start' });
    expect(lines.every((l) => l['service'] === 'directory')).toBe(true);
  });

  it('carries the trace id of the active span into framework logs', async () => {
    const telemetry = startTelemetry({ serviceName: 'spec' });
    try {
      const { stream, lines } = captureLines();
      const nest = new PinoNestLogger(createLogger('directory', 'info', stream));
      const span = trace.getTracer('spec').startSpan('rpc');
      await withSpan('child', SpanKind.INTERNAL, {}, async () => nest.log({ event: 'handled' }, 'RpcHandler'), trace.setSpan(context.active(), span));
      span.end();
      expect(lines[0]).toMatchObject({ event: 'handled', context: 'RpcHandler', trace_id: span.spanContext().traceId });
    } finally {
      await telemetry.shutdown();
    }
  });
});
