import { Controller, Get, Injectable, Module, type INestApplication, type OnModuleDestroy } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthRegistry, ObservabilityModule, inFlightWork } from '@phoi-hop/observability';
import { attachHttpDrain, shutdownGraceMsFromEnv, stopWithinGrace, type ShutdownLogger } from './graceful-shutdown';

let releaseSlow: () => void = () => undefined;
let releaseStuck: () => void = () => undefined;

@Controller()
class SlowController {
  @Get('slow')
  async slow(): Promise<{ done: true }> {
    await new Promise<void>((resolve) => (releaseSlow = resolve));
    return { done: true };
  }
}

/** Stands for a consumer whose event never finishes applying. */
@Injectable()
class StuckWorker implements OnModuleDestroy {
  async onModuleDestroy(): Promise<void> {
    const end = inFlightWork().begin('consumer stuck-consumer');
    await new Promise<void>((resolve) => (releaseStuck = resolve));
    end();
  }
}

@Module({ imports: [ObservabilityModule.forRoot({ serviceName: 'spec' })], controllers: [SlowController] })
class SlowAppModule {}

@Module({ imports: [ObservabilityModule.forRoot({ serviceName: 'spec' })], providers: [StuckWorker] })
class StuckAppModule {}

function recordingLogger(): ShutdownLogger & { lines: Array<{ level: string; fields: object; message: string }> } {
  const lines: Array<{ level: string; fields: object; message: string }> = [];
  const at = (level: string) => (fields: object, message: string) => void lines.push({ level, fields, message });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

async function started(module: unknown): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(module as never, { logger: false });
  attachHttpDrain(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}` };
}

describe(stopWithinGrace.name, () => {
  afterAll(() => {
    releaseSlow();
    releaseStuck();
  });

  it('turns unready, stops listening, answers the request in progress and exits 0', async () => {
    const { app, url } = await started(SlowAppModule);
    const health = app.get(HealthRegistry);
    const inProgress = fetch(`${url}/slow`);
    await waitFor(() => inFlightWork().snapshot()['http GET /slow'] === 1);

    const exits: number[] = [];
    const logger = recordingLogger();
    const stopping = stopWithinGrace(app, { graceMs: 5000, logger, exit: (code) => exits.push(code) }, 'SIGTERM');
    expect((await health.run()).ok).toBe(false);
    expect(logger.lines[0]).toMatchObject({ level: 'info', fields: { signal: 'SIGTERM', running: { 'http GET /slow': 1 } } });
    await waitFor(() =>
      fetch(`${url}/health/live`).then(
        () => false,
        () => true,
      ),
    );
    expect(exits).toEqual([]);

    releaseSlow();
    const answer = await inProgress;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('connection')).toBe('close');
    expect(await answer.json()).toEqual({ done: true });
    await stopping;
    expect(exits).toEqual([0]);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'info', message: 'stopped' });
  });

  it('exits 1 past the grace period, naming the phase and the work still running', async () => {
    const { app } = await started(StuckAppModule);
    const exits: number[] = [];
    const logger = recordingLogger();
    const began = Date.now();
    await stopWithinGrace(app, { graceMs: 300, logger, exit: (code) => exits.push(code) }, 'SIGTERM');
    expect(Date.now() - began).toBeGreaterThanOrEqual(290);
    expect(exits).toEqual([1]);
    expect(logger.lines.at(-1)).toMatchObject({
      level: 'error',
      message: 'shutdown grace period exceeded; exiting with work still running',
      fields: { phase: 'workers', graceMs: 300, running: { 'consumer stuck-consumer': 1 } },
    });
    releaseStuck();
  });
});

describe(shutdownGraceMsFromEnv.name, () => {
  it.each([10_000, 100, 600_000])('accepts %d ms', (grace) => {
    expect(shutdownGraceMsFromEnv({ SHUTDOWN_GRACE_MS: grace })).toBe(grace);
  });

  it.each([0, 99, 600_001, 1.5, Number.NaN])('refuses %d ms, naming the setting', (grace) => {
    expect(() => shutdownGraceMsFromEnv({ SHUTDOWN_GRACE_MS: grace })).toThrow('SHUTDOWN_GRACE_MS must be an integer from 100 to 600000');
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
