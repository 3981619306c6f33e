// `npm start`: the whole platform on one machine — database and NATS (found or started), then every
// service and the gateway as separate processes, each running its own migrations and seeds.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describeSeedUsers, readSeedUsers, seedDir } from './seed-users';
import { MAX_REPLICAS, SERVICES, replicaPlan, type ReplicaSpec } from './services';
import { StartError, linePrefixer, log, parseArgs, portAnswers, resolveDatabase, resolveNats, type Resolved } from './infra';

const root = path.resolve(__dirname, '..', '..', '..');
const READY_TIMEOUT_MS = 60_000;
/** A service stops by itself within its SHUTDOWN_GRACE_MS (10 s by default); past this it is killed. */
const STOP_TIMEOUT_MS = 15_000;

interface Running {
  spec: ReplicaSpec;
  child: ChildProcess;
  tail: string[];
}

const running: Running[] = [];
const infrastructure: Resolved[] = [];
let stopping = false;

function startService(spec: ReplicaSpec, env: NodeJS.ProcessEnv): Running {
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
  child.stdout?.on('data', linePrefixer(spec.label, keep));
  child.stderr?.on('data', linePrefixer(spec.label, keep));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    log(`${spec.label} exited (${code ?? signal}); stopping everything`);
    void shutdown(1);
  });
  running.push(entry);
  return entry;
}

async function waitReady(entry: Running): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const url = `http://127.0.0.1:${entry.spec.port}/health/ready`;
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null) throw new StartError(`${entry.spec.label} exited during start-up`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new StartError(`${entry.spec.label} was not ready within ${READY_TIMEOUT_MS / 1000} s (${url})`);
}

async function stopChild(entry: Running): Promise<void> {
  if (entry.child.exitCode !== null || entry.child.signalCode !== null) return;
  const exited = new Promise((resolve) => entry.child.once('exit', resolve));
  entry.child.kill('SIGTERM');
  const timer = setTimeout(() => entry.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('stopping');
  // The gateways first, then the services they call; the replicas of one service together.
  const byService = new Map<string, Running[]>();
  for (const entry of running) byService.set(entry.spec.name, [...(byService.get(entry.spec.name) ?? []), entry]);
  for (const replicas of [...byService.values()].reverse()) await Promise.all(replicas.map((entry) => stopChild(entry)));
  for (const resource of infrastructure.reverse()) await resource.stop().catch((error: unknown) => log(`stop failed: ${String(error)}`));
  log('stopped');
  process.exit(code);
}

/** Every replica's HTTP port, one line per service (`npm start -- --replicas N`). */
function replicaTable(plan: ReplicaSpec[][]): string {
  const lines = plan.map((replicas) => `  ${replicas[0]!.name.padEnd(13)} ${replicas.map((r) => `${r.label} :${r.port}`).join('   ')}`);
  const gateways = plan.find((replicas) => replicas[0]!.name === 'gateway')!;
  return `  Replicas:     ${plan[0]!.length} of each, one NATS queue group per service, one schema per service\n${lines.join('\n')}\n  GraphQL URLs: ${gateways.map((g) => `http://localhost:${g.port}/graphql`).join('  ')}\n`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), MAX_REPLICAS);
  if (args.help) {
    process.stdout.write(
      `Usage: npm start [-- [--embedded] [--replicas N]]\n  --embedded    use an embedded Postgres in .data/postgres even when one runs locally\n  --replicas N  run N replicas (1-${MAX_REPLICAS}) of every service and of the gateway, replica k on port + 100·(k-1)\n`,
    );
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
  const plan = replicaPlan(SERVICES, args.replicas);
  const busy = [];
  for (const spec of plan.flat()) if (await portAnswers(spec.port)) busy.push(`${spec.label} (${spec.port})`);
  if (busy.length > 0) throw new StartError(`Ports in use: ${busy.join(', ')}. Is another \`npm start\` running?`);
  // A service's replicas start together (migrations and the seed run under advisory locks).
  for (const replicas of plan) {
    const started = Date.now();
    await Promise.all(
      replicas.map(async (spec) => {
        const entry = startService(spec, env);
        try {
          await waitReady(entry);
        } catch (error) {
          process.stdout.write(`\n${entry.tail.join('')}\n`);
          throw error;
        }
        log(`${spec.label} ready on :${spec.port} in ${Date.now() - started} ms`);
      }),
    );
  }
  const gateway = plan.find((replicas) => replicas[0]!.name === 'gateway')![0]!;
  process.stdout.write(`
Phối Hợp is running.
  GraphQL:      http://localhost:${gateway.port}/graphql   (subscriptions: ws://localhost:${gateway.port}/graphql)
  Get a token:  npm run -s token -- <username>     (the seeded users:)
${describeSeedUsers(readSeedUsers(seedDir(root)))}
  Database:     ${database.description}
  NATS:         ${nats.description}
${args.replicas > 1 ? replicaTable(plan) : ''}Press Ctrl-C to stop.
`);
}

main().catch(async (error: unknown) => {
  log(error instanceof StartError ? error.message : `failed: ${(error as Error)?.stack ?? String(error)}`);
  await shutdown(1);
});
