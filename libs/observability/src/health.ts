import { Controller, Get, Header, Inject, Injectable, Module, Optional, Res, type DynamicModule } from '@nestjs/common';
import type { Response } from 'express';
import { metricsRegistry, serviceInfo } from './metrics';

export type ReadinessCheck = () => Promise<void>;

export interface ObservabilityOptions {
  serviceName: string;
  /** How long one readiness check may take before it counts as failed; default 2000 ms. */
  readinessTimeoutMs?: number;
}

export interface ReadinessReport {
  ok: boolean;
  /** Check name → `ok`, or `failed: <message>` (never a stack). */
  checks: Record<string, string>;
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');
const DEFAULT_READINESS_TIMEOUT_MS = 2000;

/** Readiness checks registered by the modules that own a dependency (database, NATS). */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();
  private readonly timeoutMs: number;
  private stopping = false;

  constructor(@Optional() @Inject(OBSERVABILITY_OPTIONS) options?: ObservabilityOptions) {
    this.timeoutMs = options?.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS;
  }

  /** Adds (or replaces) the check called `name`; it passes when its promise resolves in time. */
  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /**
   * From now on the service answers not ready, whatever its checks say: a stopping replica is taken
   * out of its load balancer before it stops taking requests.
   */
  beginShutdown(): void {
    this.stopping = true;
  }

  get shuttingDown(): boolean {
    return this.stopping;
  }

  /** Runs every check in parallel, each bounded by the timeout. */
  async run(): Promise<ReadinessReport> {
    if (this.stopping) return { ok: false, checks: { shutdown: 'failed: shutting down' } };
    const entries = await Promise.all([...this.checks].map(async ([name, check]) => [name, await this.runOne(check)] as const));
    return { ok: entries.every(([, status]) => status === 'ok'), checks: Object.fromEntries(entries) };
  }

  private async runOne(check: ReadinessCheck): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([check(), timeout]);
      return 'ok';
    } catch (error) {
      return `failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      clearTimeout(timer);
    }
  }
}

@Controller()
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @Header('Cache-Control', 'no-store')
  async ready(@Res() res: Response): Promise<void> {
    const report = await this.registry.run();
    const status = report.ok ? 'ok' : this.registry.shuttingDown ? 'shutting-down' : 'unavailable';
    res.status(report.ok ? 200 : 503).json({ status, checks: report.checks });
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metrics(@Res() res: Response): Promise<void> {
    const registry = metricsRegistry();
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  }
}

/**
 * Liveness, readiness and Prometheus endpoints of a service. Global, so any module can inject
 * {@link HealthRegistry} to register the readiness of what it owns.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    serviceInfo().labels(options.serviceName).set(1);
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [HealthController],
      providers: [{ provide: OBSERVABILITY_OPTIONS, useValue: options }, HealthRegistry],
      exports: [HealthRegistry],
    };
  }
}
