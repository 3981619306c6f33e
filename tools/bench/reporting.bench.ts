// `npm run bench:reporting`: the statistics over 1,000,000 synthetic cases (a year of them), through
// the reporting service as deployed (its own process, NATS request `reporting.statistics.period`).
// The cases are written straight into the read-model tables in SQL (generate_series): each case's
// state in `rm_case`, its events in `rm_fact`, and what the cases add to the rollups, computed the
// way the consumer computes it (same metrics, keys, buckets and scopes). Then a sample of real
// events goes through the stream and the service's own consumer, and the statistics must grow by
// exactly what an independent count of the sample says. Timed: the six-month report's statistics
// (target ≤ 2 s) and the statistics queries (target p95 ≤ 100 ms), beside references measured in
// the same run: a plain count over the cases, and the same breakdown computed from the cases table
// instead of the rollups.
// Options: --cases N (default 1000000), --seconds N (per phase, default 10), --concurrency 1,4,
// --sample N (cases through the consumer, default 300), --per-event-sample N (then N more cases through
// a consumer restarted with READ_MODEL_BATCH_SIZE=1, one event per transaction; default 0: skipped),
// --no-facts (skip the events table),
// --explain (EXPLAIN ANALYZE of the rollup read), --keep (leave the schema), --rebuild-events N
// (events for the rebuild-throughput measure, default 200000; 0 skips it), --rebuild-only (only that).
// The rebuild measure publishes N synthetic events (about 6 per case) to a stream of its own and
// runs `reporting:rebuild` (dist/apps/reporting/src/rebuild.js, as deployed) on an empty schema of
// its own, then checks the rebuilt cases against an independent count of the events.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { EventSubjects, RpcSubjects, provinceDay, type StatisticsDto } from '@phoi-hop/contracts';
import { RpcClient, ensureEventsStream } from '@phoi-hop/messaging';
import { SeededUsers, createTestEnvironment, syntheticEvents, type TestEnvironment } from '@phoi-hop/testing';
import { freePort, percentile, runPhase, waitReady, type PhaseResult } from './bench-support';

const root = path.resolve(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const CASES = Number(option('cases', '1000000'));
const SECONDS = Number(option('seconds', '10'));
const CONCURRENCY = option('concurrency', '1,4').split(',').map(Number);
const SAMPLE = Number(option('sample', '300'));
const PER_EVENT_SAMPLE = Number(option('per-event-sample', '0'));
const FACTS = !args.includes('--no-facts');
const REBUILD_EVENTS = Number(option('rebuild-events', '200000'));
const REBUILD_ONLY = args.includes('--rebuild-only');
const YEAR = '2026';
const HALF_YEAR = { from: `${YEAR}-01-01`, to: `${YEAR}-06-30` };

function startReporting(env: TestEnvironment, port: number, batchSize?: number): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/reporting/src/main.js')], {
    env: {
      ...process.env,
      ...(batchSize ? { READ_MODEL_BATCH_SIZE: String(batchSize) } : {}),
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_URL: env.databaseUrl,
      DB_SCHEMA: env.schema('reporting'),
      DB_POOL_SIZE: '10',
      NATS_URL: env.natsUrl,
      NATS_SUBJECT_PREFIX: env.subjectPrefix,
      EVENTS_STREAM: env.streamName,
      AUTH_DEV_SECRET: env.devSecret,
      INTERNAL_TOKEN_SECRET: env.auth.internalSecret,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== null && code !== 0) process.stderr.write(`[bench] reporting exited with ${code ?? signal}\n`);
  });
  return child;
}

/** The histogram bucket of the read models (read-model.rules.ts: 10 % wide buckets of minutes). */
const BUCKET = (minutes: string) => `CASE WHEN ${minutes} <= 0 THEN 0 ELSE floor(ln(1 + ${minutes}) / ln(1.1))::int END`;

/**
 * One row per case with the facts its contributions need: a year of cases, their category,
 * locality, lead and participating agency, how far each got and how long each step took.
 */
function caseTableSql(schema: string): string {
  const pick = (values: string[]) => `(ARRAY[${values.map((v) => `'${v}'`).join(', ')}])[1 + floor(random() * ${values.length})::int]`;
  return `
    CREATE UNLOGGED TABLE "${schema}".bench_case AS
    SELECT gen_random_uuid() AS case_id, opened_day, cat, loc, lead, part, stage,
           triage_min, CASE WHEN stage >= 3 THEN triage_min + decision_extra END AS decision_min,
           CASE WHEN stage = 4 THEN triage_min + decision_extra + close_extra END AS close_min,
           CASE WHEN stage = 0 THEN triage_min END AS dismiss_min,
           overdue, action_type, action_done, action_min, removal_outcome, effect_min, consult_mode, on_time, late
      FROM (
        SELECT DATE '${YEAR}-01-01' + floor(random() * 365)::int AS opened_day,
               ${pick(['FALSE_INFO_PANIC', 'FALSE_INFO_ECONOMIC', 'DEFAMATION', 'INCITEMENT_VIOLENCE', 'HATE_DISCRIMINATION', 'PRIVACY_LEAK', 'STATE_SECRET_LEAK', 'IMPERSONATION_SCAM', 'OBSCENE_HARMFUL', 'ANTI_STATE', 'GRIEVANCE', 'OTHER'])} AS cat,
               ${pick(['DONG_HOI', 'BA_DON', 'MINH_HOA', 'TUYEN_HOA', 'QUANG_TRACH', 'BO_TRACH', 'QUANG_NINH', 'LE_THUY'])} AS loc,
               CASE WHEN random() < 0.8 THEN 'STTTT' ELSE ${pick(['CA', 'SYT', 'STC'])} END AS lead,
               ${pick(['HNB', 'BTG', 'UBND_DONG_HOI', 'UBND_LE_THUY', 'SGTVT', 'SNNPTNT', 'SCT'])} AS part,
               -- 0 dismissed, 1 open, 2 triaged, 3 acting, 4 closed
               (ARRAY[0, 1, 2, 2, 3, 3, 4, 4, 4, 4, 4, 4])[1 + floor(random() * 12)::int] AS stage,
               (30 + floor(random() * 2880))::int AS triage_min,
               (60 + floor(random() * 10080))::int AS decision_extra,
               (600 + floor(random() * 20160))::int AS close_extra,
               random() < 0.1 AS overdue,
               ${pick(['PUBLISH_CLARIFICATION', 'REQUEST_REMOVAL', 'REFER_TO_POLICE', 'MONITOR', 'PROPOSE_SANCTION'])} AS action_type,
               random() < 0.8 AS action_done,
               (120 + floor(random() * 14400))::int AS action_min,
               ${pick(['REMOVED', 'REMOVED', 'REMOVED', 'REFUSED', 'NO_RESPONSE'])} AS removal_outcome,
               (30 + floor(random() * 5760))::int AS effect_min,
               CASE WHEN random() < 0.4 THEN ${pick(['WRITTEN', 'MEETING'])} END AS consult_mode,
               floor(random() * 3)::int AS on_time,
               floor(random() * 2)::int AS late
          FROM generate_series(1, $1::int)
      ) s`;
}

/** What each case adds, as (day, scopes' dimensions, metric, key, bucket, n, minutes): the consumer's contributions. */
function contributionsSql(schema: string): string {
  const c = `"${schema}".bench_case`;
  const count = (metric: string, key: string, where = 'true', n = '1') =>
    `SELECT opened_day AS day, cat, loc, lead, part, '${metric}' AS metric, ${key} AS key, -1 AS bucket, ${n}::bigint AS n, 0::bigint AS minutes FROM ${c} WHERE ${where}`;
  const duration = (metric: string, key: string, minutes: string, where: string) =>
    `SELECT opened_day, cat, loc, lead, part, '${metric}', ${key}, ${BUCKET(minutes)}, 1, ${minutes}::bigint FROM ${c} WHERE ${where}`;
  const statusOf = `(ARRAY['DISMISSED', 'OPEN', 'TRIAGED', 'ACTING', 'CLOSED'])[stage + 1]`;
  const acting = 'stage >= 3';
  return `
    CREATE UNLOGGED TABLE "${schema}".bench_contrib AS
    ${[
      count('cases', `''`),
      count('category', 'cat'),
      count('locality', 'loc'),
      count('lead', 'lead'),
      count('participant', 'part'),
      count('status', statusOf),
      count('outcome', `CASE WHEN stage = 0 THEN 'DISMISSED' WHEN stage < 3 THEN 'PENDING' ELSE 'FALSE' END`),
      count('overdue', `'TRIAGE'`, 'overdue'),
      duration('TIME_TO_TRIAGE', `''`, 'triage_min', 'stage >= 2'),
      duration('TIME_TO_DECISION', `''`, 'decision_min', acting),
      duration('TIME_TO_CLOSE', `''`, 'coalesce(close_min, dismiss_min)', 'stage IN (0, 4)'),
      duration('statusTime', `lead || '|OPEN'`, 'triage_min', 'stage >= 2'),
      duration('statusTime', `lead || '|TRIAGED'`, 'decision_min - triage_min', acting),
      duration('statusTime', `lead || '|ACTING'`, 'close_min - decision_min', 'stage = 4'),
      count('action.planned', 'action_type', acting),
      count('action.done', 'action_type', `${acting} AND action_done`),
      count('action.onTime', 'action_type', `${acting} AND action_done AND action_min < 10080`),
      duration('actionTime', `part || '|' || action_type`, 'action_min', `${acting} AND action_done`),
      count('removal', `'REQUESTED'`, `${acting} AND action_type = 'REQUEST_REMOVAL'`),
      count('removal.outcome', 'removal_outcome', `${acting} AND action_type = 'REQUEST_REMOVAL' AND action_done`),
      duration('removal.effect', `''`, 'effect_min', `${acting} AND action_type = 'REQUEST_REMOVAL' AND action_done AND removal_outcome = 'REMOVED'`),
      count('consultation', 'consult_mode', 'consult_mode IS NOT NULL AND stage >= 2'),
      count('consultation.resolved', `''`, `consult_mode IS NOT NULL AND ${acting}`),
      count('opinion', `'REQUESTED'`, 'consult_mode IS NOT NULL AND stage >= 2', '2'),
      count('opinion', `'ON_TIME'`, 'consult_mode IS NOT NULL AND stage >= 2 AND on_time > 0', 'on_time'),
      count('opinion', `'LATE'`, 'consult_mode IS NOT NULL AND stage >= 2 AND late > 0', 'late'),
    ].join('\n    UNION ALL\n    ')}`;
}

const SCOPES: Array<[string, string]> = [
  ['all cases', `'*'`],
  ['per category', `'C:' || cat`],
  ['per locality', `'L:' || loc`],
  ['per lead agency', `'A:' || lead`],
  ['per participating agency', `'A:' || part`],
];

async function seed(pool: Pool, env: TestEnvironment): Promise<Record<string, number>> {
  const schema = env.schema('reporting');
  const client = await pool.connect();
  const timings: Record<string, number> = {};
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const result = await client.query(sql, params);
    timings[label] = performance.now() - t0;
    process.stderr.write(`[bench] ${label}: ${(timings[label] / 1000).toFixed(1)} s${result.rowCount ? ` (${result.rowCount} rows)` : ''}\n`);
  };
  try {
    await client.query(`SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off; SELECT setseed(0.42)`);
    await step('cases (generate_series)', caseTableSql(schema), [CASES]);
    await step('contributions', contributionsSql(schema));
    // A duration's histogram as the consumer keeps it: counts and minutes by bucket, index = bucket.
    await client.query(`CREATE FUNCTION pg_temp.positional(buckets int[], vals bigint[]) RETURNS bigint[] LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE r bigint[]; top int := 0; i int;
        BEGIN
          FOR i IN 1 .. cardinality(buckets) LOOP top := greatest(top, buckets[i]); END LOOP;
          r := array_fill(0::bigint, ARRAY[top + 1]);
          FOR i IN 1 .. cardinality(buckets) LOOP r[buckets[i] + 1] := vals[i]; END LOOP;
          RETURN r;
        END $$`);
    const grains: Array<[string, string]> = [
      ['D', 'day'],
      ['W', `date_trunc('week', day)::date`],
      ['M', `date_trunc('month', day)::date`],
    ];
    for (const [grain, period] of grains) {
      for (const [label, scope] of SCOPES) {
        await step(
          `${grain} rollups, ${label}`,
          `INSERT INTO "${schema}".rm_rollup (scope, grain, period, metric, key, n, minutes, hist_n, hist_minutes)
           SELECT scope, '${grain}', period, metric, key, sum(n), sum(minutes),
                  CASE WHEN max(bucket) >= 0 THEN pg_temp.positional(array_agg(bucket), array_agg(n)) END,
                  CASE WHEN max(bucket) >= 0 THEN pg_temp.positional(array_agg(bucket), array_agg(minutes)) END
             FROM (SELECT ${scope} AS scope, ${period} AS period, metric, key, bucket, sum(n)::bigint AS n, sum(minutes)::bigint AS minutes
                     FROM "${schema}".bench_contrib GROUP BY 1, 2, 3, 4, 5) b
            GROUP BY 1, 3, 4, 5
           ON CONFLICT (scope, grain, period, metric, key) DO UPDATE SET n = rm_rollup.n + EXCLUDED.n, minutes = rm_rollup.minutes + EXCLUDED.minutes,
              hist_n = "${schema}".rm_array_add(rm_rollup.hist_n, EXCLUDED.hist_n), hist_minutes = "${schema}".rm_array_add(rm_rollup.hist_minutes, EXCLUDED.hist_minutes)`,
        );
      }
    }
    await step(
      'rm_case',
      `INSERT INTO "${schema}".rm_case (case_id, opened_day, category_code, locality_code, lead_agency, agencies, status, outcome)
       SELECT case_id, opened_day, cat, loc, lead, ARRAY[lead, part], (ARRAY['DISMISSED', 'OPEN', 'TRIAGED', 'ACTING', 'CLOSED'])[stage + 1],
              CASE WHEN stage = 0 THEN 'DISMISSED' WHEN stage < 3 THEN 'PENDING' ELSE 'FALSE' END
         FROM "${schema}".bench_case`,
    );
    if (FACTS) {
      // The events of each case (3 to 8 by how far it got), as the consumer stores them; their payloads are not read again in bulk.
      await step(
        'rm_fact (events)',
        `INSERT INTO "${schema}".rm_fact (event_id, case_id, subject, sequence, occurred_at, data)
         SELECT gen_random_uuid(), case_id, (ARRAY['${EventSubjects.intake.caseOpened}', '${EventSubjects.intake.caseStatusChanged}', '${EventSubjects.intake.caseDecided}', '${EventSubjects.intake.actionUpdated}'])[least(k, 4)],
                k, opened_day + make_interval(mins => k * 60), '{}'::jsonb
           FROM "${schema}".bench_case, generate_series(1, 3 + stage) AS k`,
      );
    }
    await step('vacuum analyze', `VACUUM (ANALYZE) "${schema}".rm_rollup, "${schema}".rm_case${FACTS ? `, "${schema}".rm_fact` : ''}`);
    const sizes = await client.query<{ name: string; rows: string; size: string }>(
      `SELECT relname AS name, reltuples::bigint::text AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND relname IN ('rm_rollup', 'rm_case', 'rm_fact') ORDER BY relname`,
      [schema],
    );
    for (const s of sizes.rows) process.stderr.write(`[bench] ${s.name}: ~${s.rows} rows, ${s.size}\n`);
    timings['rollupRows'] = Number(sizes.rows.find((s) => s.name === 'rm_rollup')?.rows ?? 0);
    await client.query(`DROP TABLE "${schema}".bench_contrib, "${schema}".bench_case`);
  } finally {
    client.release();
  }
  return timings;
}

function row(r: PhaseResult): string {
  return `| ${r.label.padEnd(52)} | ${String(r.concurrency).padStart(3)} | ${String(r.count).padStart(6)} | ${r.perSecond.toFixed(0).padStart(6)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p95.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${String(r.errors).padStart(6)} |`;
}

async function main(): Promise<void> {
  const env = await createTestEnvironment();
  const pool = new Pool({ connectionString: env.databaseUrl, max: 8 });
  let child: ChildProcess | null = null;
  const nc = await connect({ servers: env.natsUrl });
  const results: PhaseResult[] = [];
  const lines: string[] = [];
  try {
    if (REBUILD_ONLY) return;
    const port = await freePort();
    child = startReporting(env, port);
    await waitReady(port);
    const schema = env.schema('reporting');
    process.stderr.write(`[bench] environment ${env.id}; ${CASES} cases; ${SECONDS} s per phase\n`);
    const seeded = await seed(pool, env);
    const rpc = new RpcClient(nc, { subjectPrefix: env.subjectPrefix, rpcTimeoutMs: 30_000, serviceName: 'bench' });
    const token = await env.internalToken(SeededUsers.leader);
    const statistics = (input: Record<string, string | undefined>) => rpc.request<StatisticsDto>(RpcSubjects.reporting.statisticsPeriod, input, { token });

    // The six-month report's statistics: the first call (cold caches of the service and Postgres), then ten more.
    const timed = async () => {
      const t0 = performance.now();
      const s = await statistics(HALF_YEAR);
      return { ms: performance.now() - t0, s };
    };
    const first = await timed();
    const again: number[] = [];
    for (let i = 0; i < 10; i++) again.push((await timed()).ms);
    again.sort((a, b) => a - b);
    const before = first.s;
    lines.push(
      `six-month report (${HALF_YEAR.from}–${HALF_YEAR.to}, all cases): first ${first.ms.toFixed(0)} ms, then median ${percentile(again, 50).toFixed(0)} ms, max ${again[again.length - 1]!.toFixed(0)} ms; ${before.casesOpened} cases opened in it`,
    );

    // A sample of real events through the stream and the service's consumer, on top of the million.
    const js = jetstream(nc);
    const sample = async (label: string, seed: number, cases: number): Promise<StatisticsDto> => {
      const before = await statistics(HALF_YEAR);
      const events = syntheticEvents(seed, cases, { start: new Date(`${YEAR}-01-01T01:00:00Z`), spanDays: 175 });
      const applied = async () =>
        (
          await pool.query<{ n: number; transactions: number }>(
            `SELECT count(*)::int AS n, count(DISTINCT processed_at)::int AS transactions FROM "${schema}".inbox WHERE consumer = 'reporting-read-models'`,
          )
        ).rows[0]!;
      const already = await applied();
      const t0 = performance.now();
      // Published 250 at a time (as the relays of several services do), so that publishing does not bound the rate measured.
      for (let i = 0; i < events.length; i += 250) {
        await Promise.all(
          events.slice(i, i + 250).map((event) => js.publish(`${env.subjectPrefix}${event.type}`, JSON.stringify(event), { msgID: event.id, timeout: 60_000 })),
        );
      }
      const publishMs = performance.now() - t0;
      let done = already;
      while ((done = await applied()).n < already.n + events.length) await new Promise((resolve) => setTimeout(resolve, 100));
      const consumeMs = performance.now() - t0;
      const inHalfYear = events.filter(
        (e) =>
          e.type === EventSubjects.intake.caseOpened &&
          provinceDay(new Date(e.occurredAt)) >= HALF_YEAR.from &&
          provinceDay(new Date(e.occurredAt)) <= HALF_YEAR.to,
      ).length;
      const after = await statistics(HALF_YEAR);
      const sampleOk = after.casesOpened - before.casesOpened === inHalfYear;
      lines.push(
        `${label}: ${events.length} events of ${cases} cases applied in ${(consumeMs / 1000).toFixed(1)} s (${(events.length / (consumeMs / 1000)).toFixed(0)} events/s; published in ${(publishMs / 1000).toFixed(1)} s; ${done.transactions - already.transactions} transactions); six-month cases ${before.casesOpened} → ${after.casesOpened} (+${after.casesOpened - before.casesOpened}, independent count of the sample +${inHalfYear}): ${sampleOk ? 'OK' : 'MISMATCH'}`,
      );
      if (!sampleOk) process.exitCode = 1;
      return after;
    };
    let after = await sample(`sample through the consumer (READ_MODEL_BATCH_SIZE ${process.env['READ_MODEL_BATCH_SIZE'] ?? 'default'})`, 77, SAMPLE);
    if (PER_EVENT_SAMPLE > 0) {
      // The same tables, the consumer restarted to apply one event per transaction (the per-event path).
      const previous = child;
      await new Promise((resolve) => {
        previous.once('exit', resolve);
        previous.kill('SIGTERM');
      });
      child = startReporting(env, port, 1);
      await waitReady(port);
      after = await sample('sample through the consumer, one event per transaction', 79, PER_EVENT_SAMPLE);
    }

    const category = after.byCategory[0]!.code;
    const agency = after.byParticipatingAgency[0]!.code;
    const windows = Array.from({ length: 300 }, (_, i) => {
      const from = new Date(Date.UTC(2026, 0, 1 + ((i * 37) % 330)));
      const to = new Date(from.getTime() + (7 + ((i * 13) % 180)) * 86_400_000);
      return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
    });
    let w = 0;
    const filters = [{}, { categoryCode: category }, { agencyCode: agency }, { localityCode: 'LE_THUY' }];
    const ok = (s: StatisticsDto) => s.casesOpened > 0;
    // What StatisticsRepository.sums runs (the SQL floor of a statistics request).
    const sqlRollup = `SELECT metric, key, n, minutes, hist_n::text AS hist_n, hist_minutes::text AS hist_minutes FROM "${schema}".rm_rollup
          WHERE scope = '*' AND ((grain = 'M' AND period = ANY($1::date[])) OR (grain = 'W' AND period = ANY($2::date[])) OR (grain = 'D' AND period = ANY($3::date[])))`;
    const months = ['01', '02', '03', '04', '05', '06'].map((m) => `${YEAR}-${m}-01`);
    if (args.includes('--explain')) {
      const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sqlRollup}`, [months, [], []]);
      lines.push(`rollup read of the six-month report:\n${plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
    }
    const phases: Array<[string, () => Promise<boolean>]> = [
      [
        'reference: SQL count(*) over rm_case (1M rows)',
        async () => Number((await pool.query(`SELECT count(*) FROM "${schema}".rm_case`)).rows[0].count) >= CASES,
      ],
      [
        'reference: SQL cases by category from rm_case, 6 months',
        async () =>
          (
            await pool.query(`SELECT category_code, count(*) FROM "${schema}".rm_case WHERE opened_day BETWEEN $1 AND $2 GROUP BY 1`, [
              HALF_YEAR.from,
              HALF_YEAR.to,
            ])
          ).rowCount! > 0,
      ],
      ['SQL rollup read of the six-month report (all)', async () => (await pool.query(sqlRollup, [months, [], []])).rowCount! > 0],
      ['statistics: six months, all cases', async () => ok(await statistics(HALF_YEAR))],
      ['statistics: six months mid-month to mid-month', async () => ok(await statistics({ from: `${YEAR}-01-15`, to: `${YEAR}-07-14` }))],
      ['statistics: six months, one category', async () => ok(await statistics({ ...HALF_YEAR, categoryCode: category }))],
      ['statistics: six months, one agency', async () => ok(await statistics({ ...HALF_YEAR, agencyCode: agency }))],
      [
        'statistics: mixed periods (7–187 days) and filters',
        async () => {
          const i = w++;
          return ok(await statistics({ ...windows[i % windows.length]!, ...filters[i % filters.length]! }));
        },
      ],
    ];
    await runPhase('warm-up', 2, 2, async () => ok(await statistics(HALF_YEAR)));
    for (const concurrency of CONCURRENCY) {
      for (const [label, operation] of phases) {
        process.stderr.write(`[bench] ${label}, concurrency ${concurrency}\n`);
        results.push(await runPhase(label, concurrency, SECONDS, operation));
      }
    }
    const seedLine = Object.entries(seeded)
      .filter(([k]) => k !== 'rollupRows')
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(', ');
    lines.unshift(`seeded ${CASES} cases: ${seedLine}; rm_rollup ≈ ${seeded['rollupRows']} rows`);
  } finally {
    child?.kill('SIGTERM');
    if (REBUILD_EVENTS > 0) lines.push(await rebuildThroughput(nc, pool).catch((error: Error) => `rebuild: FAILED ${error.message}`));
    await nc.close();
    await pool.end();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (args.includes('--keep')) process.stderr.write(`[bench] kept schema ${env.schema('reporting')}\n`);
    else await env.cleanup();
    console.log(
      `\nreporting benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${CASES} cases, ${SECONDS} s per phase\n`,
    );
    for (const line of lines) console.log(line);
    console.log('\n| operation                                            |   c |  count |  req/s | p50 ms | p95 ms | p99 ms | errors |');
    console.log('|------------------------------------------------------|-----|--------|--------|--------|--------|--------|--------|');
    for (const r of results) console.log(row(r));
  }
}

/**
 * The rebuild's throughput: REBUILD_EVENTS synthetic events on a stream of their own, rebuilt by
 * `reporting:rebuild` as deployed into an empty schema; the rebuilt cases must match an independent
 * count of the events (cases, and cases opened in the first half-year).
 */
async function rebuildThroughput(nc: NatsConnection, pool: Pool): Promise<string> {
  const env = await createTestEnvironment();
  try {
    const cases = Math.max(1, Math.round(REBUILD_EVENTS / 5.9));
    const events = syntheticEvents(78, cases, { start: new Date(`${YEAR}-01-01T01:00:00Z`), spanDays: 330 });
    process.stderr.write(`[bench] rebuild: publishing ${events.length} events of ${cases} cases\n`);
    await ensureEventsStream(await jetstreamManager(nc), { streamName: env.streamName, subjectPrefix: env.subjectPrefix });
    const js = jetstream(nc);
    for (let i = 0; i < events.length; i += 250) {
      await Promise.all(
        events.slice(i, i + 250).map((event) => js.publish(`${env.subjectPrefix}${event.type}`, JSON.stringify(event), { msgID: event.id, timeout: 60_000 })),
      );
    }
    process.stderr.write(`[bench] rebuild: running reporting:rebuild\n`);
    const t0 = performance.now();
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'dist/apps/reporting/src/rebuild.js')], {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'error',
          DATABASE_URL: env.databaseUrl,
          DB_SCHEMA: env.schema('reporting'),
          NATS_URL: env.natsUrl,
          NATS_SUBJECT_PREFIX: env.subjectPrefix,
          EVENTS_STREAM: env.streamName,
          AUTH_DEV_SECRET: env.devSecret,
          INTERNAL_TOKEN_SECRET: env.auth.internalSecret,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`reporting:rebuild exited with ${code}: ${out}`))));
    });
    const ms = performance.now() - t0;
    const schema = env.schema('reporting');
    const [counted] = (
      await pool.query<{ cases: number; opened: number }>(
        `SELECT count(*)::int AS cases, count(*) FILTER (WHERE opened_day BETWEEN $1 AND $2)::int AS opened FROM "${schema}".rm_case`,
        [HALF_YEAR.from, HALF_YEAR.to],
      )
    ).rows;
    const opened = events.filter(
      (e) =>
        e.type === EventSubjects.intake.caseOpened &&
        provinceDay(new Date(e.occurredAt)) >= HALF_YEAR.from &&
        provinceDay(new Date(e.occurredAt)) <= HALF_YEAR.to,
    ).length;
    const ok = counted!.cases === cases && counted!.opened === opened;
    if (!ok) process.exitCode = 1;
    return `rebuild (reporting:rebuild as deployed, empty schema): ${events.length} events of ${cases} cases in ${(ms / 1000).toFixed(1)} s (${(events.length / (ms / 1000)).toFixed(0)} events/s, process start included); ${output.trim().split('\n').pop()}; cases ${counted!.cases}, opened in the half-year ${counted!.opened} (independent count ${cases}, ${opened}): ${ok ? 'OK' : 'MISMATCH'}`;
  } finally {
    await env.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
