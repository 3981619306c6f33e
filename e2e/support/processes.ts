import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { TestEnvironment } from '@phoi-hop/testing';

const root = path.resolve(__dirname, '..', '..');

export type ServiceName = 'directory' | 'intake' | 'consultation' | 'notification' | 'gateway';

/** A free TCP port on loopback, so each child process has an HTTP port the test can call. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A service started from dist/ as its own process, as `npm start` and a container run it. */
export interface ServiceProcess {
  name: ServiceName;
  /** e.g. `intake#2` */
  label: string;
  port: number;
  child: ChildProcess;
  exited: Promise<Exit>;
  /** The last lines it wrote (JSON logs), for the failure message. */
  output(): string;
  /** Every line it logged at level error or fatal (pino levels 50, 60), or wrote that is not JSON. */
  errors(): string[];
}

/** The environment of a service process in the test's isolated world (own schemas, prefix, stream). */
export function serviceEnv(env: TestEnvironment, name: ServiceName, port: number, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['E2E_LOG'] ? 'debug' : 'warn',
    DATABASE_URL: env.databaseUrl,
    DB_SCHEMA: env.schema(name),
    DB_POOL_SIZE: '4',
    NATS_URL: env.natsUrl,
    NATS_SUBJECT_PREFIX: env.subjectPrefix,
    EVENTS_STREAM: env.streamName,
    AGENCY_FEED_STREAM: `AGENCY_FEED_${env.id.toUpperCase()}`,
    AUTH_DEV_SECRET: env.devSecret,
    INTERNAL_TOKEN_SECRET: env.auth.internalSecret!,
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    RATE_LIMIT_PER_SECOND: '0',
    // Generous but bounded: these tests share two cores with other runs, and a request that waits
    // for the CPU is not an error of the platform.
    RPC_TIMEOUT_MS: '20000',
    ...overrides,
  };
}

/**
 * Starts `name` from the repository's dist/, or, with `entry`, from another compiled tree (the
 * production install of e2e/production-install): its cwd is then the entry's image folder.
 */
export function startService(
  env: TestEnvironment,
  name: ServiceName,
  label: string,
  overrides: Record<string, string> = {},
  port?: number,
  entry?: { main: string; cwd: string },
): Promise<ServiceProcess> {
  return (port ? Promise.resolve(port) : freePort()).then((chosen) => {
    const child = spawn(process.execPath, [entry?.main ?? path.join(root, `dist/apps/${name}/src/main.js`)], {
      env: serviceEnv(env, name, chosen, overrides),
      cwd: entry?.cwd ?? process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const errors: string[] = [];
    let pending = '';
    const keep = (chunk: Buffer) => {
      const parts = (pending + chunk.toString()).split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        if (!line) continue;
        if (isError(line)) errors.push(line);
        lines.push(line);
        if (lines.length > 40) lines.shift();
        if (process.env['E2E_LOG']) process.stdout.write(`${label} ${line}\n`);
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    return { name, label, port: chosen, child, exited, output: () => lines.join('\n'), errors: () => [...errors] };
  });
}

function isError(line: string): boolean {
  try {
    return (JSON.parse(line) as { level?: number }).level! >= 50;
  } catch {
    // Node's own warnings (e.g. about experimental features) are not JSON and not errors.
    return !/Warning|--trace-warnings/.test(line);
  }
}

/** Waits until the process's readiness endpoint answers 200 (migrations run, NATS connected). */
export async function waitReady(service: ServiceProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) throw new Error(`${service.label} exited during start-up:\n${service.output()}`);
    const ok = await fetch(`http://127.0.0.1:${service.port}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${service.label} was not ready within ${timeoutMs} ms:\n${service.output()}`);
}

export interface Stopped extends Exit {
  label: string;
  /** From SIGTERM to exit. */
  ms: number;
}

/** Sends SIGTERM and waits for the exit (SIGKILL after `killAfterMs`, which the caller asserts against). */
export async function terminate(service: ServiceProcess, killAfterMs = 30_000): Promise<Stopped> {
  const started = Date.now();
  if (service.child.exitCode !== null || service.child.signalCode !== null) return { label: service.label, ...(await service.exited), ms: 0 };
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), killAfterMs);
  const exit = await service.exited;
  clearTimeout(timer);
  return { label: service.label, ...exit, ms: Date.now() - started };
}

/** Kills whatever is still running (afterAll). */
export function killAll(services: ServiceProcess[]): void {
  for (const service of services) if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
}

/** A Prometheus counter's value for the label set that `labels` matches exactly (0 when absent). */
export function metricValue(metricsText: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  let total = 0;
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf('}'));
    const have = labelText.split(',');
    if (wanted.every((w) => have.includes(w))) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}
