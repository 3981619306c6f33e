// What the benchmarks share: free ports, readiness, timed load phases with percentiles, report-like Vietnamese text.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import type { TestEnvironment } from '@phoi-hop/testing';

const WORDS = (
  'tin đồn đập thủy điện vỡ lũ lụt sơ tán khẩn cấp giá xăng tăng gấp đôi ngân hàng phá sản dịch bệnh lây lan ' +
  'trường học đóng cửa quan chức tham nhũng lừa đảo chuyển khoản mạo danh công an cảnh báo người dân chia sẻ ngay ' +
  'huyện xã thị trấn thành phố tỉnh bộ sở ban ngành cấp cứu bệnh viện vắc xin học sinh giáo viên nông dân lúa gạo'
).split(' ');

/** A free local port, so that two benchmarks (or a running `npm start`) never meet. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function randomText(): string {
  const bytes = randomBytes(60);
  return Array.from(bytes, (b) => WORDS[b % WORDS.length]).join(' ') + ` ${randomBytes(6).toString('hex')}`;
}

export async function waitReady(port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Service on port ${port} not ready within ${timeoutMs} ms`);
}

export interface PhaseResult {
  label: string;
  concurrency: number;
  count: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function runPhase(label: string, concurrency: number, seconds: number, operation: () => Promise<boolean>): Promise<PhaseResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const ok = await operation().catch((error: unknown) => {
          if (errors === 0) process.stderr.write(`[bench] ${label}: first error: ${String(error)}\n`);
          return false;
        });
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    label,
    concurrency,
    count: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/**
 * One service of the platform as its own process, on the benchmark's isolated schema, subject prefix
 * and stream, with the per-user rate limit off (one user sends all the load). BENCH_PROFILE=intake,gateway:
 * those services write a V8 CPU profile into tmp/profiles when stopped.
 */
export function startBenchService(root: string, name: string, port: number, env: TestEnvironment): ChildProcess {
  const profiled = (process.env['BENCH_PROFILE'] ?? '').split(',').includes(name);
  const flags = profiled ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, 'tmp', 'profiles')}`] : [];
  const child = spawn(process.execPath, [...flags, path.join(root, `dist/apps/${name}/src/main.js`)], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_URL: env.databaseUrl,
      DB_SCHEMA: env.schema(name),
      DB_POOL_SIZE: '20',
      NATS_URL: env.natsUrl,
      NATS_SUBJECT_PREFIX: env.subjectPrefix,
      EVENTS_STREAM: env.streamName,
      AUTH_DEV_SECRET: env.devSecret,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      RATE_LIMIT_PER_SECOND: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== null && code !== 0) process.stderr.write(`[bench] ${name} exited with ${code ?? signal}\n`);
  });
  return child;
}
