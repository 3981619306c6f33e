import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { DEFAULT_DEV_SECRET, DEV_ISSUER, DevTokenVerifier, stableUserId } from '@phoi-hop/auth';
import { createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';

const root = path.resolve(__dirname, '..', '..');

/** `npm run token -- <username>` as a person runs it: the built tool, in its own process. */
describe('dev token tool', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--quiet'], { cwd: root });
  });

  const run = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, 'dist/tools/dev/token.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, AUTH_DEV_SECRET: '', NODE_ENV: 'development', ...env },
    });

  describe('without a database (the seed file)', () => {
    // Nothing listens on port 1: the tool falls back to the seed's users.
    const noDatabase = { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' };

    it('prints a token the services accept for a seeded user', async () => {
      const result = run(noDatabase, 'lethuy.officer');
      expect(result.status).toBe(0);
      // The token names the user (roles and agency come from the directory when it is used).
      const identity = await new DevTokenVerifier(DEFAULT_DEV_SECRET).verify(result.stdout.trim());
      expect(identity).toEqual({ issuer: DEV_ISSUER, subject: stableUserId('lethuy.officer'), username: 'lethuy.officer', expiresAtMs: expect.any(Number) });
    });

    it('has a user for every agency the standard plans assign work to', () => {
      for (const username of ['congttdt.officer', 'baoqb.officer', 'snnptnt.officer', 'sgddt.officer']) expect([username, run(noDatabase, username).status]).toEqual([username, 0]);
    });

    it('refuses an unknown user, listing the seeded ones', () => {
      const result = run(noDatabase, 'nobody');
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/Unknown user "nobody".*seed file.*stttt\.lead/s);
    });
  });

  describe('with the directory database', () => {
    let env: TestEnvironment;
    let db: Client;
    let settings: Record<string, string>;

    beforeAll(async () => {
      env = await createTestEnvironment();
      db = new Client({ connectionString: env.databaseUrl });
      await db.connect();
      const schema = env.schema('directory');
      // The columns of the directory's app_user that the tool reads.
      await db.query(`CREATE SCHEMA "${schema}"`);
      await db.query(`CREATE TABLE "${schema}".app_user (username text PRIMARY KEY, agency_code text NOT NULL, roles text[] NOT NULL, active boolean NOT NULL)`);
      await db.query(`INSERT INTO "${schema}".app_user VALUES ('new.officer', 'SXD', '{OFFICER}', true), ('gone.officer', 'SYT', '{OFFICER}', false)`);
      settings = { DATABASE_URL: env.databaseUrl, DIRECTORY_DB_SCHEMA: schema };
    });

    afterAll(async () => {
      await db?.end();
      await env?.cleanup();
    });

    it('prints a token for a user an administrator added, who is in no seed file', async () => {
      const result = run(settings, 'new.officer');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(await new DevTokenVerifier(DEFAULT_DEV_SECRET).verify(result.stdout.trim())).toMatchObject({ subject: stableUserId('new.officer'), username: 'new.officer' });
    });

    it('refuses a disabled user and one the directory does not have, even if the seed file has it', () => {
      const disabled = run(settings, 'gone.officer');
      expect(disabled.status).toBe(2);
      expect(disabled.stderr).toMatch(/"gone\.officer" is disabled/);
      const unknown = run(settings, 'lethuy.officer');
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/Unknown user "lethuy\.officer" in the directory users.*new\.officer/s);
    });
  });
});
