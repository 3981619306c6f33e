import { Controller, Get, Header, Injectable, Module, Res, type DynamicModule } from '@nestjs/common';
import type { Response } from 'express';
import { metricsRegistry } from './metrics';

type ReadinessCheck = () => Promise<void>;
const CHECK_TIMEOUT_MS = 2000;

/** Readiness checks registered by the modules that own a dependency (database, NATS). */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  async run(): Promise<{ ok: boolean; checks: Record<string, string> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS))),
          ]);
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, `failed: ${(error as Error)?.message ?? String(error)}`] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return { ok: entries.every(([, status]) => status === 'ok'), checks: Object.fromEntries(entries) };
  }
}

@Controller()
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('health/live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res() res: Response): Promise<void> {
    const result = await this.registry.run();
    res.status(result.ok ? 200 : 503).json({ status: result.ok ? 'ok' : 'unavailable', checks: result.checks });
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metrics(@Res() res: Response): Promise<void> {
    const registry = metricsRegistry();
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  }
}

/** Liveness, readiness and Prometheus endpoints of a service. */
@Module({})
export class ObservabilityModule {
  static forRoot(_options: { serviceName: string }): DynamicModule {
    return { module: ObservabilityModule, global: true, controllers: [HealthController], providers: [HealthRegistry], exports: [HealthRegistry] };
  }
}
