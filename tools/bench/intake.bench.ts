// `npm run bench:intake`: submitReport throughput and latency through the whole platform
// (GraphQL gateway → NATS → intake → NATS → directory → Postgres), each service in its own process
// as deployed, at concurrency 1 and 32, beside a raw `pg` single-row insert measured in the same run.
// Options: --seconds N (per phase, default 10), --concurrency 1,32, --breakdown (also each hop on its
// own: a GraphQL query that reaches no service, directory routing and intake submission straight over NATS).
// --keep leaves the database schemas for inspection. --joins adds reports that all join one case.
// BENCH_PROFILE=intake (or gateway, directory; comma-separated) writes those services' CPU profiles to tmp/profiles.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { RpcSubjects } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { SeededUsers, createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';
import { freePort, startBenchService, randomText, runPhase, waitReady, type PhaseResult } from './bench-support';

const root = path.resolve(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const SECONDS = Number(option('seconds', '10'));
const CONCURRENCY = option('concurrency', '1,32').split(',').map(Number);
const BREAKDOWN = args.includes('--breakdown');
/** --joins: also reports that all join one case (a viral rumour reported over and over), whose cost grows with the case. */
const JOINS = args.includes('--joins');
const PORTS = { directory: 0, intake: 0, gateway: 0 };

/**
 * The load generator's GraphQL client: node:http on kept-alive sockets. It shares the machine's two
 * cores with the platform, and `fetch` costs several times more CPU per request.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function graphqlPost(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<{ errors?: unknown[] }> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: unknown[] });
          } catch (error) {
            reject(error as Error);
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * CPU seconds used so far by each process of the platform (Linux /proc; clock ticks of 10 ms),
 * Postgres backends and nats-server by pid so that a backend that exits between two snapshots
 * is left out (its last ticks are lost: a small undercount) rather than subtracted.
 */
type CpuSnapshot = Map<string, number>;
function cpuSnapshot(children: Record<string, number | undefined>): CpuSnapshot {
  const ticks = (pid: number | string): number => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  const snapshot: CpuSnapshot = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let comm = '';
    try {
      comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm === 'postgres') snapshot.set(`postgres (all backends)|${entry}`, ticks(entry) / 100);
    if (comm === 'nats-server') snapshot.set(`nats-server|${entry}`, ticks(entry) / 100);
  }
  for (const [name, pid] of Object.entries(children)) if (pid) snapshot.set(`${name}|${pid}`, ticks(pid) / 100);
  const own = process.cpuUsage();
  snapshot.set('load generator (this process)|self', (own.user + own.system) / 1e6);
  return snapshot;
}

/** CPU seconds each process group used between two snapshots (processes alive at the second). */
function cpuUsed(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [key, seconds] of after) {
    const group = key.split('|')[0]!;
    used[group] = (used[group] ?? 0) + Math.max(0, seconds - (before.get(key) ?? 0));
  }
  return used;
}

function startService(name: keyof typeof PORTS, env: TestEnvironment): ChildProcess {
  return startBenchService(root, name, PORTS[name], env);
}

function row(r: PhaseResult): string {
  return `| ${r.label.padEnd(30)} | ${String(r.concurrency).padStart(3)} | ${String(r.count).padStart(7)} | ${r.perSecond.toFixed(0).padStart(7)} | ${r.p50.toFixed(1).padStart(7)} | ${r.p99.toFixed(1).padStart(7)} | ${String(r.errors).padStart(6)} |`;
}

async function main(): Promise<void> {
  const env = await createTestEnvironment();
  const children: ChildProcess[] = [];
  const results: PhaseResult[] = [];
  const cpu: Array<{ label: string; count: number; seconds: number; used: Record<string, number> }> = [];
  const pool = new Pool({ connectionString: env.databaseUrl, max: Math.max(...CONCURRENCY) });
  const nats = await connect({ servers: env.natsUrl });
  const rpc = new RpcClient(nats, { subjectPrefix: env.subjectPrefix, rpcTimeoutMs: 10_000, serviceName: 'bench' });
  try {
    process.stderr.write(`[bench] environment ${env.id}; ${SECONDS} s per phase\n`);
    for (const name of ['directory', 'intake', 'gateway'] as const) {
      PORTS[name] = await freePort();
      children.push(startService(name, env));
      await waitReady(PORTS[name]);
    }
    const url = `http://127.0.0.1:${PORTS.gateway}/graphql`;
    const token = await env.token(SeededUsers.lethuyOfficer);
    const mutation = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { merged case { id number } } }`;
    const newReport = () => ({
      url: `https://example.vn/bai/${randomBytes(8).toString('hex')}`,
      excerpt: randomText(),
      categoryCode: 'FALSE_INFO_PANIC',
      localityCode: 'LE_THUY',
      sectorCode: 'AGRICULTURE',
    });
    const submit = async (): Promise<boolean> => {
      const result = await graphqlPost(url, mutation, { input: newReport() }, token);
      if (result.errors) throw new Error(JSON.stringify(result.errors).slice(0, 500));
      return true;
    };
    // The hops one by one (--breakdown): what each layer costs without the layers behind it.
    const hops: Array<[string, () => Promise<boolean>]> = [
      ['GraphQL query, no service', async () => !(await graphqlPost(url, '{ __typename }', {}, token)).errors],
      [
        'NATS directory.case.route',
        async () => {
          await rpc.request(
            RpcSubjects.directory.caseRoute,
            { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY', sectorCode: 'AGRICULTURE', text: randomText() },
            { token },
          );
          return true;
        },
      ],
      [
        'NATS intake.report.submit',
        async () => {
          await rpc.request(RpcSubjects.intake.reportSubmit, newReport(), { token });
          return true;
        },
      ],
    ];
    const pids = { gateway: children[2]?.pid, intake: children[1]?.pid, directory: children[0]?.pid };
    const measured = async (label: string, concurrency: number, operation: () => Promise<boolean>): Promise<PhaseResult> => {
      const before = cpuSnapshot(pids);
      const result = await runPhase(label, concurrency, SECONDS, operation);
      const after = cpuSnapshot(pids);
      cpu.push({ label: `${label}, c${concurrency}`, count: result.count, seconds: SECONDS, used: cpuUsed(before, after) });
      return result;
    };
    process.stderr.write('[bench] warm-up 5 s, then ANALYZE (as autovacuum would on a table that is not brand new)\n');
    await runPhase('warm-up', 8, 5, submit);
    await pool.query(`ANALYZE "${env.schema('intake')}".report_band, "${env.schema('intake')}".report, "${env.schema('intake')}".handling_case`);

    const schema = env.schema('bench');
    await pool.query(`CREATE SCHEMA "${schema}"`);
    await pool.query(
      `CREATE TABLE "${schema}".ref (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );
    for (const concurrency of CONCURRENCY) {
      process.stderr.write(`[bench] raw pg insert, concurrency ${concurrency}\n`);
      results.push(
        await runPhase('raw pg single-row INSERT', concurrency, SECONDS, async () => {
          await pool.query(`INSERT INTO "${schema}".ref (body) VALUES ($1)`, [randomText()]);
          return true;
        }),
      );
      process.stderr.write(`[bench] submitReport, concurrency ${concurrency}\n`);
      results.push(await measured('submitReport (GraphQL)', concurrency, submit));
      if (JOINS) {
        const excerpt = `${randomText()} (lan truyền, c${concurrency})`;
        let joined = 0;
        process.stderr.write(`[bench] submitReport joining one case, concurrency ${concurrency}\n`);
        results.push(
          await measured('submitReport joining 1 case', concurrency, async () => {
            const result = await graphqlPost(url, mutation, { input: { ...newReport(), excerpt } }, token);
            if (result.errors) throw new Error(JSON.stringify(result.errors).slice(0, 500));
            joined++;
            return true;
          }),
        );
        process.stderr.write(`[bench] the case has ${joined} reports\n`);
      }
      for (const [label, operation] of BREAKDOWN ? hops : []) {
        process.stderr.write(`[bench] ${label}, concurrency ${concurrency}\n`);
        results.push(await runPhase(label, concurrency, SECONDS, operation));
      }
    }
  } finally {
    for (const child of children.reverse()) child.kill('SIGTERM');
    await pool.end();
    await nats.close();
    agent.destroy();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // --keep: leave the schemas for inspection (EXPLAIN, table sizes); drop them with DROP SCHEMA … CASCADE.
    if (args.includes('--keep')) process.stderr.write(`[bench] kept schemas ${env.schema('intake')}, ${env.schema('directory')}\n`);
    else await env.cleanup();
  }

  console.log(`\nintake benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${SECONDS} s per phase\n`);
  console.log('| operation                      |   c |   count |   ops/s | p50 ms  | p99 ms  | errors |');
  console.log('|--------------------------------|-----|---------|---------|---------|---------|--------|');
  for (const r of results) console.log(row(r));
  for (const concurrency of CONCURRENCY) {
    const raw = results.find((r) => r.concurrency === concurrency && r.label.startsWith('raw'));
    const api = results.find((r) => r.concurrency === concurrency && r.label.startsWith('submit'));
    if (raw && api) console.log(`\nconcurrency ${concurrency}: submitReport = ${(api.perSecond / raw.perSecond).toFixed(2)} × the raw insert rate`);
  }
  // Where the CPU went: the machine is shared by every process below, so at full load
  // throughput ≈ cores ÷ (CPU per request summed over the processes).
  for (const phase of cpu) {
    const total = Object.values(phase.used).reduce((a, b) => a + b, 0);
    console.log(
      `\nCPU per request, ${phase.label} (${phase.count} requests; machine busy ${((total / phase.seconds / os.cpus().length) * 100).toFixed(0)} %):\n`,
    );
    console.log('| process                        | CPU ms / request | share |');
    console.log('|--------------------------------|------------------|-------|');
    for (const [name, seconds] of Object.entries(phase.used).sort((a, b) => b[1] - a[1])) {
      console.log(
        `| ${name.padEnd(30)} | ${((seconds * 1000) / Math.max(1, phase.count)).toFixed(2).padStart(16)} | ${((seconds / total) * 100).toFixed(0).padStart(4)} % |`,
      );
    }
    console.log(`| ${'total'.padEnd(30)} | ${((total * 1000) / Math.max(1, phase.count)).toFixed(2).padStart(16)} |       |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
