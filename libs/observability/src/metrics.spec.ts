import { eventsConsumed, eventsPublished, metricsRegistry, outboxLag, rpcDuration, serviceInfo } from './metrics';

describe('metrics', () => {
  it('creates each metric once per process, however many services ask for it', () => {
    expect(metricsRegistry()).toBe(metricsRegistry());
    for (const get of [rpcDuration, eventsPublished, eventsConsumed, outboxLag, serviceInfo]) expect(get()).toBe(get());
    const names = metricsRegistry()
      .getMetricsAsArray()
      .map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('renders Prometheus text with per-service labels and prefixed Node metrics', async () => {
    rpcDuration().labels('intake', 'directory.case.route', 'ok').observe(0.004);
    rpcDuration().labels('gateway', 'intake.report.submit', 'error').observe(0.3);
    eventsPublished().labels('intake', 'evt.intake.case.opened').inc(2);
    eventsConsumed().labels('directory', 'evt.intake.case.opened').inc();
    outboxLag().labels('intake').set(5);

    const text = await metricsRegistry().metrics();
    expect(metricsRegistry().contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('# TYPE phoihop_rpc_duration_seconds histogram');
    expect(text).toMatch(/phoihop_rpc_duration_seconds_bucket\{le="0\.005",service="intake",subject="directory\.case\.route",outcome="ok"\} 1/);
    expect(text).toMatch(/phoihop_rpc_duration_seconds_count\{service="gateway",subject="intake\.report\.submit",outcome="error"\} 1/);
    expect(text).toContain('phoihop_events_published_total{service="intake",subject="evt.intake.case.opened"} 2');
    expect(text).toContain('phoihop_events_consumed_total{service="directory",subject="evt.intake.case.opened"} 1');
    expect(text).toContain('phoihop_outbox_pending{service="intake"} 5');
    expect(text).toMatch(/^phoihop_process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^phoihop_nodejs_eventloop_lag_seconds /m);
    expect(text).not.toMatch(/^process_cpu_user_seconds_total /m);
  });
});
