import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A user of the directory seed (apps/directory/seed/<province>/users.json). */
export interface SeedUser {
  username: string;
  displayName: string;
  agencyCode: string;
  roles: string[];
}

/** The directory seed the services load: SEED_DIR, or the Quảng Bình seed of the repository. */
export function seedDir(repoRoot: string): string {
  return process.env['SEED_DIR'] || path.join(repoRoot, 'apps', 'directory', 'seed', 'quang-binh');
}

export function readSeedUsers(dir: string): SeedUser[] {
  return JSON.parse(readFileSync(path.join(dir, 'users.json'), 'utf8')) as SeedUser[];
}

/**
 * The start banner's user list, one line per seeded user (username, agency, roles), from the seed
 * the directory loads, so that it never lags behind the seed.
 */
export function describeSeedUsers(users: SeedUser[], indent = '    '): string {
  const width = Math.max(0, ...users.map((u) => u.username.length));
  return users.map((u) => `${indent}${u.username.padEnd(width)}  ${u.agencyCode} ${u.roles.join(', ')}`).join('\n');
}
