// `npm run bench:statement-feed`: the paged statements feed (RFC 5005) of the press service as
// deployed (its own process, HTTP), over N published statements written straight into its tables
// (generate_series; a tenth corrected, a twentieth withdrawn, some drafts). Timed, each over a phase:
// the first page (the newest PRESS_FEED_PAGE_SIZE, default 100), a page deep in the archive (half-way,
// reached by following rel="next"), the same pages answered 304 (If-None-Match), and one walk of every
// page from the first to the last, checked to hold every published statement once.
// Options: --statements N (default 10000), --seconds N (per phase, default 5), --concurrency 1,4, --keep.
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { Pool } from 'pg';
import { createTestEnvironment } from '@phoi-hop/testing';
import { freePort, runPhase, startBenchService, waitReady, type PhaseResult } from './bench-support';

const root = path.resolve(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const STATEMENTS = Number(option('statements', '10000'));
const SECONDS = Number(option('seconds', '5'));
const CONCURRENCY = option('concurrency', '1,4').split(',').map(Number);

/** Statements published a minute apart over the last N minutes, with their first revision; some corrected, withdrawn, or drafts. */
function seedSql(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `INSERT INTO ${s}.press_statement (id, status, agency_code, agency_name, case_ids, case_numbers, title, body, created_by, created_at, published_at, updated_at, withdrawn_at, revision, visible_agencies)
     SELECT gen_random_uuid(),
            CASE WHEN i % 20 = 0 THEN 'WITHDRAWN' WHEN i % 10 = 0 THEN 'CORRECTED' WHEN i % 50 = 1 THEN 'DRAFT' ELSE 'PUBLISHED' END,
            'CA', 'Công an tỉnh', ARRAY[gen_random_uuid()], ARRAY['QB-2026-' || lpad(i::text, 6, '0')],
            'Thông cáo số ' || i || ' về tin đồn sai sự thật',
            'Thông cáo số ' || i || ': Công an tỉnh khẳng định thông tin lan truyền trên mạng xã hội là sai sự thật. ' || repeat('Đề nghị người dân không chia sẻ. ', 8),
            'bench', now() - make_interval(mins => $1::int - i + 1),
            CASE WHEN i % 50 = 1 THEN NULL ELSE now() - make_interval(mins => $1::int - i) - make_interval(secs => random()) END,
            now() - make_interval(mins => $1::int - i),
            CASE WHEN i % 20 = 0 THEN now() END,
            CASE WHEN i % 50 = 1 THEN 0 WHEN i % 10 = 0 THEN 2 ELSE 1 END,
            ARRAY['CA', 'STTTT']
       FROM generate_series(1, $1::int) AS i`,
    `INSERT INTO ${s}.press_statement_revision (statement_id, revision, title, body, note, published_at, published_by)
     SELECT id, r, title, body, CASE WHEN r = 2 THEN 'Bổ sung nguồn tin' END, published_at, 'bench'
       FROM ${s}.press_statement, generate_series(1, revision) AS r WHERE published_at IS NOT NULL`,
    `ANALYZE ${s}.press_statement`,
    `ANALYZE ${s}.press_statement_revision`,
  ];
}

const row = (r: PhaseResult) =>
  `| ${r.label.padEnd(40)} | ${String(r.concurrency).padStart(3)} | ${String(r.count).padStart(6)} | ${r.perSecond.toFixed(0).padStart(6)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p95.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${String(r.errors).padStart(6)} |`;

async function main(): Promise<void> {
  const env = await createTestEnvironment();
  const pool = new Pool({ connectionString: env.databaseUrl, max: 4 });
  let child: ChildProcess | null = null;
  const results: PhaseResult[] = [];
  const lines: string[] = [];
  try {
    const port = await freePort();
    child = startBenchService(root, 'press', port, env);
    await waitReady(port);
    const base = `http://127.0.0.1:${port}`;
    const schema = env.schema('press');
    const t0 = performance.now();
    for (const sql of seedSql(schema)) await pool.query(sql, sql.includes('$1') ? [STATEMENTS] : []);
    const [{ inFeed }] = (await pool.query(`SELECT count(*)::int AS "inFeed" FROM "${schema}".press_statement WHERE status IN ('PUBLISHED', 'CORRECTED')`))
      .rows as [{ inFeed: number }];
    lines.push(`seeded ${STATEMENTS} statements (${inFeed} in the feed) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // One walk from the first page to the last, timed and checked.
    const walkStart = performance.now();
    const pages: string[] = [];
    const seen = new Set<string>();
    let entries = 0;
    for (let url: string | undefined = `${base}/feeds/statements.atom`; url;) {
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      const feed = parseAtomFeed(await response.text());
      for (const entry of feed.entries ?? []) seen.add(entry.id!);
      entries += feed.entries?.length ?? 0;
      pages.push(url);
      const next = feed.links?.find((l) => l.rel === 'next')?.href;
      url = next ? next.replace(/^https?:\/\/[^/]+/, base) : undefined;
    }
    const walkMs = performance.now() - walkStart;
    const complete = seen.size === inFeed && entries === inFeed;
    lines.push(
      `walk: ${pages.length} pages, ${entries} entries (${seen.size} distinct; ${complete ? 'every statement in the feed once' : 'MISMATCH'}) in ${(walkMs / 1000).toFixed(2)} s, ${(walkMs / pages.length).toFixed(1)} ms a page (first render of each)`,
    );
    if (!complete) process.exitCode = 1;

    const first = pages[0]!;
    const deep = pages[Math.floor(pages.length / 2)]!;
    const etags = new Map<string, string>();
    for (const url of [first, deep]) etags.set(url, (await fetch(url)).headers.get('etag')!);
    const get = (url: string, conditional: boolean) => async () => {
      const response = await fetch(url, conditional ? { headers: { 'if-none-match': etags.get(url)! } } : {});
      await response.arrayBuffer();
      return response.status === (conditional ? 304 : 200);
    };
    for (const concurrency of CONCURRENCY) {
      results.push(await runPhase('first page (200, rendered page cached)', concurrency, SECONDS, get(first, false)));
      results.push(await runPhase(`page ${Math.floor(pages.length / 2) + 1} of ${pages.length} (200, cached)`, concurrency, SECONDS, get(deep, false)));
      results.push(await runPhase('first page, If-None-Match (304)', concurrency, SECONDS, get(first, true)));
      results.push(await runPhase('deep page, If-None-Match (304)', concurrency, SECONDS, get(deep, true)));
    }
    // Rendering again after every change: a page asked after a new publication each time.
    let n = 0;
    results.push(
      await runPhase('first page after a change (rendered)', 1, SECONDS, async () => {
        await pool.query(
          `UPDATE "${schema}".press_statement SET updated_at = now() + make_interval(secs => $1::int) WHERE id = (SELECT id FROM "${schema}".press_statement WHERE status = 'PUBLISHED' LIMIT 1)`,
          [++n],
        );
        return get(first, false)();
      }),
    );
  } finally {
    child?.kill('SIGTERM');
    await pool.end();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (args.includes('--keep')) process.stderr.write(`[bench] kept schema ${env.schema('press')}\n`);
    else await env.cleanup();
    console.log(
      `\nstatement feed benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${STATEMENTS} statements, ${SECONDS} s per phase\n`,
    );
    for (const line of lines) console.log(line);
    console.log('\n| operation                                |   c |  count |  req/s | p50 ms | p95 ms | p99 ms | errors |');
    console.log('|------------------------------------------|-----|--------|--------|--------|--------|--------|--------|');
    for (const r of results) console.log(row(r));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
