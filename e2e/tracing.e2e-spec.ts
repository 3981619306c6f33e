import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { instrumentedPg, startTelemetry } from '@phoi-hop/observability';
import { SeededUsers, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';
import { SUBMIT_REPORT } from './support/queries';

const exporter = new InMemorySpanExporter();
const telemetry = startTelemetry({ serviceName: 'e2e', exporter, spanProcessor: 'simple' });

/** Acceptance: one trace spans gateway → NATS → intake → directory → Postgres. */
describe('distributed tracing', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform({ pgDriver: instrumentedPg() });
  });

  afterAll(async () => {
    await platform?.stop();
    await telemetry.shutdown();
  });

  it('follows one submitReport through every hop in a single trace', async () => {
    exporter.reset();
    const token = await platform.env.token(SeededUsers.donghoiOfficer);
    const result = await graphqlRequest(
      platform.graphqlUrl,
      SUBMIT_REPORT,
      {
        input: {
          url: 'https://example.vn/mao-danh-cong-an',
          excerpt: 'Mạo danh công an gọi điện yêu cầu chuyển tiền',
          categoryCode: 'IMPERSONATION_SCAM',
          localityCode: 'DONG_HOI',
        },
      },
      token,
    );
    expect(result.errors).toBeUndefined();

    const spans = exporter.getFinishedSpans();
    const byName = (name: string): ReadableSpan => {
      const span = spans.find((s) => s.name === name);
      if (!span) throw new Error(`No span "${name}" among: ${[...new Set(spans.map((s) => s.name))].join(', ')}`);
      return span;
    };
    const http = byName('POST /graphql');
    const intakeSend = byName('intake.report.submit send');
    const intakeProcess = byName('intake.report.submit process');
    // A fresh intake reads its copy of today's routing rules from the directory with its first report.
    const directorySend = byName('directory.routing.snapshot send');
    const directoryProcess = byName('directory.routing.snapshot process');
    const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

    const traceId = http.spanContext().traceId;
    for (const span of [intakeSend, intakeProcess, directorySend, directoryProcess]) expect(span.spanContext().traceId).toBe(traceId);
    expect(parentOf(intakeSend)).toBe(http.spanContext().spanId);
    expect(parentOf(intakeProcess)).toBe(intakeSend.spanContext().spanId);
    expect(parentOf(directorySend)).toBe(intakeProcess.spanContext().spanId);
    expect(parentOf(directoryProcess)).toBe(directorySend.spanContext().spanId);

    // Postgres work of the intake handler is in the same trace, under the intake span.
    const ids = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const descendsFrom = (span: ReadableSpan, ancestor: ReadableSpan): boolean => {
      for (let p = parentOf(span); p; p = ids.get(p) ? parentOf(ids.get(p)!) : undefined) if (p === ancestor.spanContext().spanId) return true;
      return false;
    };
    const pgSpans = spans.filter((s) => s.instrumentationScope.name.includes('instrumentation-pg') && s.spanContext().traceId === traceId);
    expect(pgSpans.length).toBeGreaterThan(0);
    expect(
      pgSpans.some((s) => descendsFrom(s, intakeProcess) && /INSERT/i.test(String(s.attributes['db.statement'] ?? s.attributes['db.query.text'] ?? s.name))),
    ).toBe(true);
  });
});
