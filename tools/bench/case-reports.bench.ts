// `npm run bench:case-reports`: reading one case with 2,000 reports a page at a time through the
// platform (GraphQL gateway → NATS intake.case.reports → Postgres), each service in its own process
// as deployed: the first page of 20, a middle page (`after`), and `totalCount` alone, at concurrency
// 1 and 8, beside references measured in the same run: a GraphQL query that reaches no service
// (`{ __typename }`, the HTTP + Apollo floor), the case alone without its reports (the
// intake.case.get hop every page waits for), and intake's page and count queries timed straight
// against Postgres (the SQL floor), so the difference is what NATS and the services add.
// Options: --seconds N (per phase, default 10), --concurrency 1,8, --reports N (default 2000),
// --explain (prints EXPLAIN ANALYZE of the page and count queries), --keep (leaves the schemas).
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { SeededUsers, createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';
import { freePort, startBenchService, randomText, runPhase, waitReady, type PhaseResult } from './bench-support';

const root = path.resolve(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const SECONDS = Number(option('seconds', '10'));
const CONCURRENCY = option('concurrency', '1,8').split(',').map(Number);
const REPORTS = Number(option('reports', '2000'));
const PAGE = 20;
const EXPLAIN = args.includes('--explain');
const PORTS = { directory: 0, intake: 0, gateway: 0 };

/**
 * The load generator's GraphQL client: node:http on kept-alive sockets. It shares the machine's two
 * cores with the platform, and `fetch` costs several times more CPU per request.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function graphqlPost(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<{ data?: unknown; errors?: unknown[] }> {
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
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: unknown; errors?: unknown[] });
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

function startService(name: keyof typeof PORTS, env: TestEnvironment): ChildProcess {
  return startBenchService(root, name, PORTS[name], env);
}

function row(r: PhaseResult): string {
  return `| ${r.label.padEnd(38)} | ${String(r.concurrency).padStart(3)} | ${String(r.count).padStart(7)} | ${r.perSecond.toFixed(0).padStart(7)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p95.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${String(r.errors).padStart(6)} |`;
}

/**
 * One case with `count` reports that look like real ones: the first submitted through the API (so
 * the case, its routing and its participants are the platform's own), the rest copies of its row
 * in SQL with the same canonical content, reported by other agencies and users, a minute apart —
 * what a rumour reported over and over leaves behind, written in a second instead of minutes of
 * submissions. The case's need-to-know list grows with the reporting agencies, as joins make it.
 */
async function seedCase(pool: Pool, env: TestEnvironment, url: string, count: number): Promise<string> {
  const token = await env.token(SeededUsers.lethuyOfficer);
  const excerpt = `${randomText()} (lan truyền)`;
  const submitted = await graphqlPost(
    url,
    `mutation($input: SubmitReportInput!) { submitReport(input: $input) { case { id } } }`,
    {
      input: {
        url: `https://example.vn/bai/${randomBytes(8).toString('hex')}`,
        excerpt,
        categoryCode: 'FALSE_INFO_PANIC',
        localityCode: 'LE_THUY',
        sectorCode: 'AGRICULTURE',
      },
    },
    token,
  );
  if (submitted.errors) throw new Error(JSON.stringify(submitted.errors).slice(0, 500));
  const caseId = (submitted.data as { submitReport: { case: { id: string } } }).submitReport.case.id;
  const intake = env.schema('intake');
  const agencies = (await pool.query<{ code: string }>(`SELECT code FROM "${env.schema('directory')}".agency ORDER BY code`)).rows.map((r) => r.code);
  const columns = (
    await pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'report' ORDER BY ordinal_position`,
      [intake],
    )
  ).rows.map((r) => r.column_name);
  const overridden: Record<string, string> = {
    id: 'gen_random_uuid()',
    url: `r.url || '?s=' || n`,
    reporter_agency_code: `($2::text[])[1 + n % cardinality($2::text[])]`,
    reporter_user_id: `'bench-user-' || n`,
    submitted_at: `r.submitted_at + n * interval '1 minute'`,
  };
  const select = columns.map((c) => overridden[c] ?? `r.${c}`).join(', ');
  await pool.query(
    `INSERT INTO "${intake}".report (${columns.join(', ')}) SELECT ${select} FROM "${intake}".report r, generate_series(1, $3::int - 1) AS n WHERE r.case_id = $1`,
    [caseId, agencies, count],
  );
  await pool.query(
    `UPDATE "${intake}".handling_case SET visible_agencies = (SELECT array_agg(DISTINCT a) FROM unnest(visible_agencies || $2::text[]) AS a) WHERE id = $1`,
    [caseId, agencies],
  );
  // As autovacuum would on tables this size: statistics for the planner, and the visibility map that lets a count read only the index.
  await pool.query(`VACUUM (ANALYZE) "${intake}".report, "${intake}".handling_case`);
  return caseId;
}

async function main(): Promise<void> {
  const env = await createTestEnvironment();
  const children: ChildProcess[] = [];
  const results: PhaseResult[] = [];
  const pool = new Pool({ connectionString: env.databaseUrl, max: Math.max(...CONCURRENCY) });
  const explained: string[] = [];
  try {
    process.stderr.write(`[bench] environment ${env.id}; ${SECONDS} s per phase\n`);
    for (const name of ['directory', 'intake', 'gateway'] as const) {
      PORTS[name] = await freePort();
      children.push(startService(name, env));
      await waitReady(PORTS[name]);
    }
    const url = `http://127.0.0.1:${PORTS.gateway}/graphql`;
    const t0 = performance.now();
    const caseId = await seedCase(pool, env, url, REPORTS);
    process.stderr.write(`[bench] seeded case ${caseId} with ${REPORTS} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    // A coordinator reads every report of the case (a case-wide role).
    const token = await env.token(SeededUsers.stttLead);
    const pageQuery = `query($id: ID!, $first: Int, $after: String) { case(id: $id) { id reports(first: $first, after: $after) { totalCount edges { cursor node { id url canonicalUrl excerpt categoryCode localityCode sectorCode observedAt note estimatedReach reporterAgencyCode submittedAt } } pageInfo { hasNextPage endCursor } } } }`;
    const countQuery = `query($id: ID!) { case(id: $id) { id reports(first: 1) { totalCount } } }`;
    type Page = { case: { reports: { totalCount: number; edges: unknown[]; pageInfo: { endCursor: string | null } } } };
    const read = async (query: string, variables: Record<string, unknown>): Promise<Page> => {
      const result = await graphqlPost(url, query, variables, token);
      if (result.errors) throw new Error(JSON.stringify(result.errors).slice(0, 500));
      return result.data as Page;
    };
    // The cursor of the middle of the case: the page that starts after report REPORTS / 2.
    const middle = await read(pageQuery, { id: caseId, first: 100 });
    let after = middle.case.reports.pageInfo.endCursor;
    for (let seen = 100; seen < REPORTS / 2; seen += 100) after = (await read(pageQuery, { id: caseId, first: 100, after })).case.reports.pageInfo.endCursor;
    const first = await read(pageQuery, { id: caseId, first: PAGE });
    if (first.case.reports.totalCount !== REPORTS || first.case.reports.edges.length !== PAGE) {
      throw new Error(`expected ${REPORTS} reports and a page of ${PAGE}, got ${first.case.reports.totalCount} and ${first.case.reports.edges.length}`);
    }
    const checked = (expectEdges: number) => async (query: string, variables: Record<string, unknown>) => {
      const page = await read(query, variables);
      return page.case.reports.totalCount === REPORTS && page.case.reports.edges.length === expectEdges;
    };
    const firstPage = checked(PAGE);

    // The SQL floor: intake's own page (ids by the index range, then the rows) and count queries.
    const intake = env.schema('intake');
    const sqlPage = `SELECT r.id FROM unnest($1::uuid[], $5::text[]) AS c(id, agency)
         CROSS JOIN LATERAL (SELECT id FROM "${intake}".report WHERE case_id = c.id AND ($3::timestamptz IS NULL OR (submitted_at, id) > ($3::timestamptz, $4::uuid))
              AND (c.agency IS NULL OR reporter_agency_code = c.agency) ORDER BY submitted_at, id LIMIT $2) r`;
    const sqlCount = `SELECT r.case_id, count(*)::int AS reports, count(DISTINCT r.reporter_agency_code)::int AS agencies, count(DISTINCT r.locality_code)::int AS localities, max(r.estimated_reach)::text AS max_reach
         FROM unnest($1::uuid[], $2::text[]) AS c(id, agency) JOIN "${intake}".report r ON r.case_id = c.id AND (c.agency IS NULL OR r.reporter_agency_code = c.agency) GROUP BY r.case_id`;
    // What totalCount now runs (CaseRepository.reportCounts): an index-only count of the case's reports.
    const sqlTotal = `SELECT c.id AS case_id, n.reports FROM unnest($1::uuid[], $2::text[]) AS c(id, agency)
         CROSS JOIN LATERAL (SELECT count(*)::int AS reports FROM "${intake}".report WHERE case_id = c.id AND (c.agency IS NULL OR reporter_agency_code = c.agency)) n WHERE n.reports > 0`;
    const pageParams = [[caseId], PAGE + 1, null, null, [null]];
    const countParams = [[caseId], [null]];
    const sqlFirstPage = async () => {
      const ids = await pool.query<{ id: string }>(sqlPage, pageParams);
      await pool.query(`SELECT * FROM "${intake}".report WHERE id = ANY($1::uuid[])`, [ids.rows.map((r) => r.id)]);
      return ids.rowCount === PAGE + 1;
    };
    if (EXPLAIN) {
      for (const [name, sql, params] of [
        ['page', sqlPage, pageParams],
        ['totalCount (reportCounts)', sqlTotal, countParams],
        ['spread (spreadOfCases, totalCount before)', sqlCount, countParams],
      ] as const) {
        const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [...params]);
        explained.push(`${name}:\n${plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
      }
    }

    process.stderr.write('[bench] warm-up 3 s\n');
    await runPhase('warm-up', 4, 3, () => firstPage(pageQuery, { id: caseId, first: PAGE }));
    for (const concurrency of CONCURRENCY) {
      const phases: Array<[string, () => Promise<boolean>]> = [
        ['GraphQL { __typename } (no service)', async () => !(await graphqlPost(url, '{ __typename }', {}, token)).errors],
        ['raw SQL page of 20 (ids + rows)', sqlFirstPage],
        ['raw SQL count of 2,000 (index-only)', async () => (await pool.query(sqlTotal, countParams)).rowCount === 1],
        ['raw SQL spread of 2,000 (count before)', async () => (await pool.query(sqlCount, countParams)).rowCount === 1],
        ['case(id) { id } (intake.case.get only)', async () => (await read(`query($id: ID!) { case(id: $id) { id } }`, { id: caseId })).case !== null],
        [`first page of ${PAGE} + totalCount`, () => firstPage(pageQuery, { id: caseId, first: PAGE })],
        [`middle page of ${PAGE} (after)`, () => firstPage(pageQuery, { id: caseId, first: PAGE, after })],
        ['totalCount only (first: 1)', async () => (await read(countQuery, { id: caseId })).case.reports.totalCount === REPORTS],
      ];
      for (const [label, operation] of phases) {
        process.stderr.write(`[bench] ${label}, concurrency ${concurrency}\n`);
        results.push(await runPhase(label, concurrency, SECONDS, operation));
      }
    }
  } finally {
    for (const child of children.reverse()) child.kill('SIGTERM');
    await pool.end();
    agent.destroy();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (args.includes('--keep')) process.stderr.write(`[bench] kept schemas ${env.schema('intake')}, ${env.schema('directory')}\n`);
    else await env.cleanup();
  }

  console.log(
    `\ncase reports benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, one case of ${REPORTS} reports, ${SECONDS} s per phase\n`,
  );
  console.log('| operation                              |   c |   count |   req/s | p50 ms | p95 ms | p99 ms | errors |');
  console.log('|----------------------------------------|-----|---------|---------|--------|--------|--------|--------|');
  for (const r of results) console.log(row(r));
  for (const text of explained) console.log(`\n${text}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
