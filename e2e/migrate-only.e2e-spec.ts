import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';

const root = path.resolve(__dirname, '..');
const SERVICES = ['directory', 'intake', 'consultation', 'notification', 'press'] as const;

interface Run {
  code: number | null;
  output: string;
}

/**
 * The migrations Job of k8s/ runs each service's image with MIGRATE_ONLY=true: it must migrate the
 * service's schema and exit 0 without NATS (the Job's network policy lets it reach only Postgres)
 * and without opening its HTTP port.
 */
describe('MIGRATE_ONLY=true (the migrations Job)', () => {
  let env: TestEnvironment;
  let sql: Client;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
    env = await createTestEnvironment();
    sql = new Client({ connectionString: env.databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await env?.cleanup();
  });

  function run(service: string, migrateOnly: string): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, `dist/apps/${service}/src/main.js`)], {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          MIGRATE_ONLY: migrateOnly,
          DATABASE_URL: env.databaseUrl,
          DB_SCHEMA: env.schema(service),
          // Nothing listens here: a migrations-only run must not need NATS.
          NATS_URL: 'nats://127.0.0.1:1',
          AUTH_DEV_SECRET: env.devSecret,
          INTERNAL_TOKEN_SECRET: env.auth.internalSecret!,
          HTTP_PORT: '1',
          HTTP_HOST: '127.0.0.1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${service} with MIGRATE_ONLY=${migrateOnly} did not exit within 30 s:\n${output}`));
      }, 30_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  }

  async function applied(service: string): Promise<number> {
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "${env.schema(service)}".migrations`);
    return rows[0].n;
  }

  it.each(SERVICES)('%s migrates its schema and exits 0 without NATS, then finds nothing pending', async (service) => {
    const first = await run(service, 'true');
    expect(first).toMatchObject({ code: 0 });
    expect(first.output).toContain('migrations applied: CreateMessagingTables1764300000000');
    // The messaging and audit tables and at least one migration of the service's own.
    expect(await applied(service)).toBeGreaterThanOrEqual(3);
    expect(first.output).not.toContain(`${service} ready`);

    const again = await run(service, 'true');
    expect(again).toMatchObject({ code: 0 });
    expect(again.output).toContain('no pending migrations');
  });

  it('refuses a MIGRATE_ONLY value that is neither true nor false, naming it', async () => {
    const result = await run('consultation', 'yes');
    expect(result.code).toBe(1);
    expect(result.output).toContain('MIGRATE_ONLY must be true or false');
  });
});
