// `npm start`: the whole platform on one machine — database and NATS (found or started), then every
// service and the gateway as separate processes, each running its own migrations and seeds.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describeSeedUsers, readSeedUsers, seedDir } from './seed-users';
import { SERVICES, type ServiceSpec } from './services';
import { StartError, linePrefixer, log, parseArgs, portAnswers, resolveDatabase, resolveNats, type Resolved } from './infra';

const root = path.resolve(__dirname, '..', '..', '..');
const READY_TIMEOUT_MS = 60_000;

interface Running {
  spec: ServiceSpec;
  child: ChildProcess;
  tail: string[];
}

const running: Running[] = [];
const infrastructure: Resolved[] = [];
let stopping = false;

function startService(spec: ServiceSpec, env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, [path.join(root, spec.entry)], {
    cwd: root,
    env: { ...env, HTTP_PORT: String(spec.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const entry: Running = { spec, child, tail: [] };
  const keep = (line: string) => {
    entry.tail.push(line);
    if (entry.tail.length > 20) entry.tail.shift();
    process.stdout.write(line);
  };
  child.stdout?.on('data', linePrefixer(spec.name, keep));
  child.stderr?.on('data', linePrefixer(spec.name, keep));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    log(`${spec.name} exited (${code ?? signal}); stopping everything`);
    void shutdown(1);
  });
  running.push(entry);
  return entry;
}

async function waitReady(entry: Running): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const url = `http://127.0.0.1:${entry.spec.port}/health/ready`;
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null) throw new StartError(`${entry.spec.name} exited during start-up`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new StartError(`${entry.spec.name} was not ready within ${READY_TIMEOUT_MS / 1000} s (${url})`);
}

async function stopChild(entry: Running): Promise<void> {
  if (entry.child.exitCode !== null || entry.child.signalCode !== null) return;
  const exited = new Promise((resolve) => entry.child.once('exit', resolve));
  entry.child.kill('SIGTERM');
  const timer = setTimeout(() => entry.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('stopping');
  for (const entry of [...running].reverse()) await stopChild(entry);
  for (const resource of infrastructure.reverse()) await resource.stop().catch((error: unknown) => log(`stop failed: ${String(error)}`));
  log('stopped');
  process.exit(code);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write('Usage: npm start [-- --embedded]\n  --embedded  use an embedded Postgres in .data/postgres even when one runs locally\n');
    return;
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const database = await resolveDatabase(root, args.embedded);
  infrastructure.push(database);
  const nats = await resolveNats(root);
  infrastructure.push(nats);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env['NODE_ENV'] ?? 'development',
    DATABASE_URL: database.url,
    NATS_URL: nats.url,
  };
  const busy = [];
  for (const spec of SERVICES) if (await portAnswers(spec.port)) busy.push(`${spec.name} (${spec.port})`);
  if (busy.length > 0) throw new StartError(`Ports in use: ${busy.join(', ')}. Is another \`npm start\` running?`);
  for (const spec of SERVICES) {
    const started = Date.now();
    const entry = startService(spec, env);
    try {
      await waitReady(entry);
    } catch (error) {
      process.stdout.write(`\n${entry.tail.join('')}\n`);
      throw error;
    }
    log(`${spec.name} ready on :${spec.port} in ${Date.now() - started} ms`);
  }
  const gateway = SERVICES.find((s) => s.name === 'gateway')!;
  process.stdout.write(`
Phối Hợp is running.
  GraphQL:      http://localhost:${gateway.port}/graphql   (subscriptions: ws://localhost:${gateway.port}/graphql)
  Get a token:  npm run -s token -- <username>     (the seeded users:)
${describeSeedUsers(readSeedUsers(seedDir(root)))}
  Database:     ${database.description}
  NATS:         ${nats.description}
Press Ctrl-C to stop.
`);
}

main().catch(async (error: unknown) => {
  log(error instanceof StartError ? error.message : `failed: ${(error as Error)?.stack ?? String(error)}`);
  await shutdown(1);
});
