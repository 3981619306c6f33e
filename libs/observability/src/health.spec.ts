import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthRegistry, ObservabilityModule } from './health';
import { rpcDuration } from './metrics';

/** Stands for a module that owns a dependency and registers its readiness. */
@Injectable()
class DatabaseProbe {
  constructor(health: HealthRegistry) {
    health.register('postgres', async () => undefined);
  }
}

@Module({ imports: [ObservabilityModule.forRoot({ serviceName: 'spec', readinessTimeoutMs: 150 })], providers: [DatabaseProbe] })
class SpecAppModule {}

describe(ObservabilityModule.name, () => {
  let app: INestApplication;
  let baseUrl: string;
  let health: HealthRegistry;

  beforeAll(async () => {
    app = await NestFactory.create(SpecAppModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    health = app.get(HealthRegistry);
  });

  afterAll(() => app?.close());

  beforeEach(() => {
    health.register('nats', async () => undefined);
  });

  const get = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`);
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };

  it('answers liveness without running checks', async () => {
    health.register('nats', () => new Promise(() => undefined));
    const live = await get('/health/live');
    expect(live.status).toBe(200);
    expect(JSON.parse(live.text)).toEqual({ status: 'ok' });
  });

  it('is ready when every registered check passes, including those of other modules', async () => {
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ status: 'ok', checks: { postgres: 'ok', nats: 'ok' } });
  });

  it('answers 503 naming a failing check, with its message and no stack', async () => {
    health.register('nats', async () => {
      throw new Error('connection closed');
    });
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toEqual({ status: 'unavailable', checks: { postgres: 'ok', nats: 'failed: connection closed' } });
    expect(ready.text).not.toMatch(/\s+at /);
  });

  it('answers 503 when a check hangs past the timeout, and does not wait for it', async () => {
    health.register('nats', () => new Promise(() => undefined));
    const started = Date.now();
    const ready = await get('/health/ready');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toEqual({ status: 'unavailable', checks: { postgres: 'ok', nats: 'failed: timed out after 150 ms' } });
  });

  it('serves Prometheus text with its content type', async () => {
    rpcDuration().labels('spec', 'spec.thing.get', 'ok').observe(0.01);
    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8/);
    expect(metrics.text).toContain('phoihop_service_info{service="spec"} 1');
    expect(metrics.text).toContain('phoihop_rpc_duration_seconds_count{service="spec",subject="spec.thing.get",outcome="ok"} 1');
  });
});

describe(HealthRegistry.name, () => {
  it('waits two seconds by default before failing a hanging check', async () => {
    jest.useFakeTimers();
    try {
      const sut = new HealthRegistry();
      sut.register('slow', () => new Promise(() => undefined));
      const report = sut.run();
      await jest.advanceTimersByTimeAsync(1999);
      let settled = false;
      void report.then(() => (settled = true));
      await jest.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await expect(report).resolves.toEqual({ ok: false, checks: { slow: 'failed: timed out after 2000 ms' } });
    } finally {
      jest.useRealTimers();
    }
  });

  it('is not ready once shutting down, whatever its checks say', async () => {
    const sut = new HealthRegistry();
    sut.register('postgres', async () => undefined);
    sut.beginShutdown();
    expect(sut.shuttingDown).toBe(true);
    await expect(sut.run()).resolves.toEqual({ ok: false, checks: { shutdown: 'failed: shutting down' } });
  });

  it('is ready with no checks, and reports a check that throws synchronously', async () => {
    const sut = new HealthRegistry();
    await expect(sut.run()).resolves.toEqual({ ok: true, checks: {} });
    sut.register('broken', () => {
      throw new Error('not configured');
    });
    await expect(sut.run()).resolves.toEqual({ ok: false, checks: { broken: 'failed: not configured' } });
  });
});
