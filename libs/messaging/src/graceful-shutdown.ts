import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { num } from 'envalid';
import { HealthRegistry, InFlightWork, inFlightWork } from '@phoi-hop/observability';
import { stopRpcServer } from './messaging.module';

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** The shutdown setting every service takes (validated at boot). */
export function shutdownEnv() {
  return {
    SHUTDOWN_GRACE_MS: num({
      default: DEFAULT_SHUTDOWN_GRACE_MS,
      desc: 'Longest a stopping replica takes to finish its work before it exits anyway (non-zero)',
    }),
  };
}

export function shutdownGraceMsFromEnv(env: { SHUTDOWN_GRACE_MS: number }): number {
  const grace = env.SHUTDOWN_GRACE_MS;
  if (!Number.isInteger(grace) || grace < 100 || grace > 600_000) throw new Error('SHUTDOWN_GRACE_MS must be an integer from 100 to 600000 (milliseconds)');
  return grace;
}

/**
 * Counts the HTTP requests a server is answering, so that a stopping replica stops listening and
 * still answers them (each with `Connection: close`, so that no kept-alive socket brings another).
 * WebSocket upgrades are not requests here: GraphQL closes its sockets itself when it stops.
 */
export class HttpDrain {
  private readonly active = new InFlightWork();
  private readonly responses = new Set<ServerResponse>();
  private draining = false;

  constructor(private readonly server: Server) {
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      const what = `http ${req.method ?? '?'} ${(req.url ?? '').split('?')[0]}`;
      const endLocal = this.active.begin(what);
      const endProcess = inFlightWork().begin(what);
      this.responses.add(res);
      if (this.draining) res.shouldKeepAlive = false;
      res.once('close', () => {
        this.responses.delete(res);
        endLocal();
        endProcess();
      });
    });
  }

  /** Stops listening and resolves once every request in progress has been answered. */
  async drain(): Promise<void> {
    if (!this.draining) {
      this.draining = true;
      for (const res of this.responses) res.shouldKeepAlive = false;
      if (this.server.listening) this.server.close();
      this.server.closeIdleConnections();
    }
    await this.active.idle();
    this.server.closeIdleConnections();
  }
}

const drains = new WeakMap<INestApplication, HttpDrain>();

/** Call before `listen`: the app's HTTP requests are then finished, not cut, when it stops. */
export function attachHttpDrain(app: INestApplication): void {
  drains.set(app, new HttpDrain(app.getHttpServer() as Server));
}

export type ShutdownPhase = 'readiness' | 'rpc' | 'http' | 'workers';

/**
 * Stops `app` in the order that loses nothing a caller was told succeeded: readiness fails first
 * (the load balancer stops sending), the RPC subscriptions drain and the requests already received
 * are answered, the HTTP server stops listening and answers the requests in progress; then the
 * app closes: consumers finish the event in hand and hand back the rest, deadline pollers finish the
 * item in hand, the outbox relay publishes what is left, NATS drains and Postgres closes.
 */
export async function shutdownGracefully(app: INestApplication, progress: { phase?: ShutdownPhase } = {}): Promise<void> {
  progress.phase = 'readiness';
  app.get(HealthRegistry, { strict: false }).beginShutdown();
  progress.phase = 'rpc';
  await stopRpcServer(app);
  progress.phase = 'http';
  await drains.get(app)?.drain();
  progress.phase = 'workers';
  await app.close();
}

export interface ShutdownLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface StopOptions {
  graceMs: number;
  logger: ShutdownLogger;
  /** Ends the process with this code (process.exit after the logs are flushed). */
  exit: (code: number) => void;
}

/**
 * {@link shutdownGracefully}, then `exit(0)`; past `graceMs`, or on an error while stopping,
 * `exit(1)`, logging the phase it was in and the work still running.
 */
export function stopWithinGrace(app: INestApplication, options: StopOptions, signal: string): Promise<void> {
  const { graceMs, logger, exit } = options;
  const started = Date.now();
  const progress: { phase?: ShutdownPhase } = {};
  logger.info({ signal, graceMs, running: inFlightWork().snapshot() }, 'stopping: no new requests; finishing those in flight');
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      logger.error({ phase: progress.phase, running: inFlightWork().snapshot(), graceMs }, 'shutdown grace period exceeded; exiting with work still running');
      exit(1);
      resolve();
    }, graceMs);
    shutdownGracefully(app, progress).then(
      () => {
        clearTimeout(timer);
        logger.info({ ms: Date.now() - started }, 'stopped');
        exit(0);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        logger.error({ err: error, phase: progress.phase, running: inFlightWork().snapshot() }, 'shutdown failed');
        exit(1);
        resolve();
      },
    );
  });
}

/** On the first SIGTERM or SIGINT, {@link stopWithinGrace}; a second signal is only logged. */
export function exitGracefullyOnSignals(app: INestApplication, options: StopOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      options.logger.warn({ signal }, 'already stopping');
      return;
    }
    stopping = true;
    void stopWithinGrace(app, options, signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
