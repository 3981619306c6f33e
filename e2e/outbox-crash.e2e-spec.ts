import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { EventSubjects, RpcSubjects, type CaseListResponse, type SubmitReportResponse } from '@phoi-hop/contracts';
import { CreateMessagingTables1764300000000, DurableConsumer, RpcClient } from '@phoi-hop/messaging';
import { createServiceDataSource, runServiceMigrations } from '@phoi-hop/persistence';
import { SeededUsers, createTestEnvironment, eventually, type TestEnvironment } from '@phoi-hop/testing';
import { createDirectoryApp, defaultSeedDir } from '@phoi-hop/app-directory';

const root = path.resolve(__dirname, '..');

/**
 * Acceptance: an event whose transaction committed reaches consumers even if the process is killed
 * before the relay ran, and exactly once. The intake service runs as a real child process here.
 */
describe('outbox delivery across a killed process', () => {
  let env: TestEnvironment;
  let directory: INestApplication;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let consumerDb: DataSource;
  let sql: PgClient;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
    env = await createTestEnvironment();
    directory = await createDirectoryApp({ ...env.serviceConfig('directory'), seedDir: defaultSeedDir() }, false);
    nc = await connect({ servers: env.natsUrl });
    jsm = await jetstreamManager(nc);
    consumerDb = createServiceDataSource({ url: env.databaseUrl, schema: env.schema('consumer'), entities: [], migrations: [CreateMessagingTables1764300000000] });
    await consumerDb.initialize();
    await runServiceMigrations(consumerDb);
    await consumerDb.query(`CREATE TABLE applied (event_id uuid NOT NULL, case_id uuid NOT NULL)`);
    sql = new PgClient({ connectionString: env.databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await sql?.end();
    await consumerDb?.destroy();
    await nc?.close();
    await directory?.close();
    await env?.cleanup();
  });

  function startIntake(relay: boolean): ChildProcess {
    const child = spawn(process.execPath, [path.join(root, 'dist/apps/intake/src/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: env.databaseUrl,
        DB_SCHEMA: env.schema('intake'),
        NATS_URL: env.natsUrl,
        NATS_SUBJECT_PREFIX: env.subjectPrefix,
        EVENTS_STREAM: env.streamName,
        AUTH_DEV_SECRET: env.devSecret,
        // The same internal key as the directory of this test: services ask it, as themselves, who a caller is.
        INTERNAL_TOKEN_SECRET: env.auth.internalSecret!,
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        OUTBOX_RELAY_ENABLED: String(relay),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
    return child;
  }

  async function waitReady(rpc: RpcClient, token: string): Promise<void> {
    await eventually(() => rpc.request<CaseListResponse>(RpcSubjects.intake.caseList, { first: 1 }, { token, timeoutMs: 500 }).then(() => true), 30_000, 200);
  }

  async function kill(child: ChildProcess): Promise<void> {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  it('delivers the committed event after a restart, exactly once', async () => {
    const rpc = new RpcClient(nc, { subjectPrefix: env.subjectPrefix, rpcTimeoutMs: 5000, serviceName: 'e2e' });
    const token = await env.token(SeededUsers.lethuyOfficer);

    const first = startIntake(false);
    await waitReady(rpc, token);
    const submitted = await rpc.request<SubmitReportResponse>(
      RpcSubjects.intake.reportSubmit,
      { url: 'https://example.vn/tin-vo-dap', excerpt: 'Tin đồn vỡ đập thủy điện ở Lệ Thủy, người dân hoang mang', categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' },
      { token },
    );
    const caseId = submitted.case.id;
    const intakeSchema = env.schema('intake');
    const pending = await sql.query(`SELECT id FROM "${intakeSchema}".outbox WHERE published_at IS NULL`);
    expect(pending.rowCount).toBe(1);
    const eventId: string = pending.rows[0].id;

    // The process dies before its relay ever ran.
    await kill(first);

    const consumer = new DurableConsumer(
      jetstream(nc),
      jsm,
      consumerDb,
      { durable: 'crash-test', streamName: env.streamName, subjectPrefix: env.subjectPrefix, subjects: [EventSubjects.intake.caseOpened], serviceName: 'e2e' },
      async (envelope, manager) => {
        await manager.query(`INSERT INTO applied (event_id, case_id) VALUES ($1, $2)`, [envelope.id, envelope.aggregateId]);
      },
    );
    await consumer.start();
    try {
      const second = startIntake(true);
      await waitReady(rpc, token);
      const applied = await eventually(async () => {
        const { rows } = await sql.query(`SELECT event_id, case_id FROM "${env.schema('consumer')}".applied`);
        return rows.length > 0 ? rows : undefined;
      }, 20_000);
      expect(applied).toEqual([{ event_id: eventId, case_id: caseId }]);

      // The relay dies after publishing but before marking: it publishes again on its next pass.
      await sql.query(`UPDATE "${intakeSchema}".outbox SET published_at = NULL WHERE id = $1`, [eventId]);
      await eventually(async () => {
        const { rowCount } = await sql.query(`SELECT 1 FROM "${intakeSchema}".outbox WHERE published_at IS NULL`);
        return rowCount === 0 ? true : undefined;
      }, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "${env.schema('consumer')}".applied`);
      expect(rows[0].n).toBe(1);
      expect((await jsm.streams.info(env.streamName)).state.messages).toBe(1);
      await kill(second);
    } finally {
      await consumer.stop();
    }
  });
});
