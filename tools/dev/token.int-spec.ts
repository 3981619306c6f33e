import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_DEV_SECRET, DevTokenVerifier, stableUserId } from '@phoi-hop/auth';

const root = path.resolve(__dirname, '..', '..');

/** `npm run token -- <username>` as a person runs it: the built tool, in its own process. */
describe('dev token tool', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--quiet'], { cwd: root });
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, 'dist/tools/dev/token.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, AUTH_DEV_SECRET: '', NODE_ENV: 'development' } });

  it('prints a token the services accept for a seeded user', async () => {
    const result = run('lethuy.officer');
    expect(result.status).toBe(0);
    const actor = await new DevTokenVerifier(DEFAULT_DEV_SECRET).verify(result.stdout.trim());
    expect(actor).toEqual({ userId: stableUserId('lethuy.officer'), username: 'lethuy.officer', agencyCode: 'UBND_LE_THUY', roles: ['OFFICER'] });
  });

  it('refuses an unknown user, listing the seeded ones', () => {
    const result = run('nobody');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown user "nobody".*stttt\.lead/s);
  });
});
