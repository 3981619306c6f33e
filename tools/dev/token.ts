// `npm run token -- <username>`: prints a bearer token of the built-in development issuer for a
// seeded user (refused with NODE_ENV=production). Use it as `Authorization: Bearer <token>`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DEV_SECRET, DevTokenIssuer, stableUserId } from '@phoi-hop/auth';
import { Roles, type Role } from '@phoi-hop/contracts';

interface SeedUser {
  username: string;
  agencyCode: string;
  roles: string[];
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const seedDir = process.env['SEED_DIR'] || path.join(repoRoot, 'apps', 'directory', 'seed', 'quang-binh');

async function main(): Promise<number> {
  const users: SeedUser[] = JSON.parse(readFileSync(path.join(seedDir, 'users.json'), 'utf8'));
  const [username, ttlArg] = process.argv.slice(2);
  if (!username || username === '--help') {
    process.stderr.write(`Usage: npm run token -- <username> [ttl-hours]\nUsers: ${users.map((u) => u.username).join(', ')}\n`);
    return username ? 0 : 2;
  }
  const user = users.find((u) => u.username === username);
  if (!user) {
    process.stderr.write(`Unknown user "${username}". Seeded users: ${users.map((u) => u.username).join(', ')}\n`);
    return 2;
  }
  const ttlHours = ttlArg ? Number(ttlArg) : 8;
  if (!(ttlHours > 0 && ttlHours <= 24 * 30)) {
    process.stderr.write('ttl-hours must be a number between 0 and 720\n');
    return 2;
  }
  const known = new Set<string>(Object.values(Roles));
  const roles = user.roles.filter((r): r is Role => known.has(r));
  const issuer = new DevTokenIssuer(process.env['AUTH_DEV_SECRET'] || DEFAULT_DEV_SECRET, process.env['NODE_ENV']);
  const token = await issuer.sign({ userId: stableUserId(user.username), username: user.username, agencyCode: user.agencyCode, roles }, ttlHours * 3600);
  process.stdout.write(`${token}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
