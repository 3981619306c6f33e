import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICES } from '../dev/services';

// No image can be built where the tests run (no container engine), so the image's promises are
// checked in the Dockerfile itself: they must not rot silently.
const root = path.resolve(__dirname, '..', '..');
const dockerfile = readFileSync(path.join(root, 'deploy/Dockerfile'), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(text: string): Instruction[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return logical
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(' ') };
    });
}

/** Instructions grouped by stage (FROM ... AS name). */
function stages(all: Instruction[]): { name: string; from: string; body: Instruction[] }[] {
  const result: { name: string; from: string; body: Instruction[] }[] = [];
  for (const instruction of all) {
    if (instruction.keyword === 'FROM') {
      const [from, , name] = instruction.args.split(/\s+/);
      result.push({ name: name ?? String(result.length), from: from!, body: [] });
    } else {
      result.at(-1)?.body.push(instruction);
    }
  }
  return result;
}

const all = instructions(dockerfile);
const byStage = stages(all);
const runtime = byStage.at(-1)!;
const find = (keyword: string) => runtime.body.filter((i) => i.keyword === keyword);

/** deploy/system-packages.txt: service → the Debian packages its image installs. */
const systemPackages = new Map(
  readFileSync(path.join(root, 'deploy/system-packages.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [service, ...packages] = line.split(/\s+/);
      return [service!, packages] as const;
    }),
);
const packageInstall = find('RUN').find((i) => i.args.includes('system-packages.txt'));

describe('deploy/Dockerfile', () => {
  it('builds every stage on node:24-slim', () => {
    const defaultImage = all.find((i) => i.keyword === 'ARG' && i.args.startsWith('NODE_IMAGE='))?.args.split('=')[1];
    expect(defaultImage).toBe('node:24-slim');
    expect(byStage.length).toBeGreaterThanOrEqual(2);
    for (const stage of byStage) expect(stage.from).toBe('${NODE_IMAGE}');
  });

  it('ships only the production dependency tree (npm ci --omit=dev) in the runtime stage', () => {
    const prodStage = byStage.find((stage) => stage.body.some((i) => i.keyword === 'RUN' && /\bnpm ci\b[^&]*--omit=dev/.test(i.args)));
    expect(prodStage).toBeDefined();
    const nodeModules = find('COPY').filter((i) => i.args.includes('node_modules'));
    expect(nodeModules).toHaveLength(1);
    expect(nodeModules[0]!.args).toContain(`--from=${prodStage!.name} `);
    // No install in the runtime stage itself, and no source tree: only dist/ of the app and the libs.
    expect(find('RUN').some((i) => /\bnpm (ci|install|i)\b/.test(i.args))).toBe(false);
    expect(find('COPY').some((i) => /\s(apps|libs|tools)\s/.test(` ${i.args} `))).toBe(false);
  });

  it('runs as a numeric non-root user, so Kubernetes can verify runAsNonRoot', () => {
    const users = find('USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!.args;
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user.split(':')[0])).toBeGreaterThan(0);
  });

  it('writes nothing outside /tmp at run time and copies files owned by root (read-only root filesystem)', () => {
    expect(find('VOLUME').filter((i) => !i.args.includes('/tmp'))).toHaveLength(0);
    expect(find('COPY').some((i) => i.args.includes('--chown'))).toBe(false);
    expect(find('ENV').some((i) => /TMPDIR=\/tmp/.test(i.args))).toBe(true);
  });

  it('checks /health/live on the service port', () => {
    const [healthcheck] = find('HEALTHCHECK');
    expect(healthcheck?.args).toMatch(/CMD \[/);
    expect(healthcheck?.args).toContain('/health/live');
    expect(healthcheck?.args).toContain('process.env.HTTP_PORT');
    expect(find('ENV').some((i) => /HTTP_PORT=\$\{PORT\}/.test(i.args))).toBe(true);
  });

  it('starts node in exec form behind tini, never through npm or a shell, so SIGTERM reaches it', () => {
    const [entrypoint] = find('ENTRYPOINT');
    const [cmd] = find('CMD');
    expect(JSON.parse(entrypoint!.args)).toEqual(['/usr/bin/tini', '--']);
    const command = JSON.parse(cmd!.args) as string[];
    expect(command[0]).toBe('node');
    expect(command.join(' ')).not.toMatch(/\bnpm\b|\bsh\b/);
    expect(find('RUN').some((i) => /apt-get install[^&]*\btini\b/.test(i.args))).toBe(true);
  });

  it('links the entry of each service to the fixed path the CMD runs (the same entries npm start runs)', () => {
    const link = find('RUN').find((i) => i.args.includes('ln -s'));
    expect(link?.args).toBe('ln -s /app/dist/apps/${APP}/src/main.js /app/main.js');
    for (const service of SERVICES) expect(service.entry).toBe(`dist/apps/${service.name}/src/main.js`);
  });

  it('lists Debian packages for known services only: LibreOffice and fonts for reporting, Chromium and fonts for evidence, none for the others', () => {
    const names = SERVICES.map((service) => service.name);
    for (const service of systemPackages.keys()) expect(names).toContain(service);
    expect(systemPackages.get('reporting')).toEqual(expect.arrayContaining(['fonts-liberation']));
    expect(systemPackages.get('reporting')!.some((p) => /^libreoffice-writer(-nogui)?$/.test(p))).toBe(true);
    expect(systemPackages.get('evidence')).toEqual(expect.arrayContaining(['chromium', 'fonts-noto-core']));
    expect([...systemPackages.keys()].sort()).toEqual(['evidence', 'reporting']);
  });

  it("installs each service's own packages in the runtime stage, without recommends, from the bind-mounted list", () => {
    expect(packageInstall?.args).toMatch(/^--mount=type=bind,source=deploy\/system-packages\.txt,target=(\S+) /);
    expect(packageInstall?.args).toMatch(/apt-get install -y --no-install-recommends tini \$packages/);
    expect(packageInstall?.args).toContain('rm -rf /var/lib/apt/lists/*');
    // The list must reach the build context although deploy/ is ignored.
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toContain('!deploy/system-packages.txt');
  });

  it('selects exactly the list of the service being built when the shell runs the Dockerfile’s own command', () => {
    const target = /target=(\S+)/.exec(packageInstall!.args)![1]!;
    const selection = /packages="(\$\(.*?\))"/.exec(packageInstall!.args)![1]!;
    const listFile = path.join(root, 'deploy/system-packages.txt');
    for (const { name } of SERVICES) {
      const script = `${selection.replaceAll(target, listFile).replace(/^\$\(/, '').replace(/\)$/, '')}`;
      const output = execFileSync('sh', ['-c', script], { env: { APP: name, PATH: process.env['PATH'] }, encoding: 'utf8' });
      expect(output.trim().split(/\s+/).filter(Boolean)).toEqual(systemPackages.get(name) ?? []);
    }
  });

  // The image is Debian (node:24-slim), as are the machines the tests run on.
  it('names packages that Debian has (checked with this machine’s apt-cache)', () => {
    for (const packages of systemPackages.values())
      for (const name of packages)
        expect({ name, known: spawnSync('apt-cache', ['show', name], { stdio: 'ignore' }).status === 0 }).toEqual({ name, known: true });
  });

  it('keeps the local build outputs, data and secrets out of the build context', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    for (const entry of ['.git', '.data', 'node_modules', 'dist', '.env']) expect(ignored).toContain(entry);
    for (const needed of ['apps', 'libs', 'tools', 'package.json', 'package-lock.json']) expect(ignored).not.toContain(needed);
  });
});
