import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_DEV_SECRET, DEV_ISSUER, DevTokenVerifier, stableUserId } from '@phoi-hop/auth';

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
    // The token names the user (roles and agency come from the directory when it is used).
    const identity = await new DevTokenVerifier(DEFAULT_DEV_SECRET).verify(result.stdout.trim());
    expect(identity).toEqual({ issuer: DEV_ISSUER, subject: stableUserId('lethuy.officer'), username: 'lethuy.officer', expiresAtMs: expect.any(Number) });
  });

  it('refuses an unknown user, listing the seeded ones', () => {
    const result = run('nobody');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown user "nobody".*stttt\.lead/s);
  });
});
