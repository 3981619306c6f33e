// `npm run token -- <username>`: prints a bearer token of the built-in development issuer for an
// active directory user (refused with NODE_ENV=production). Use it as `Authorization: Bearer <token>`.
// The user is looked up in the directory's database (DATABASE_URL, else the Postgres `npm start`
// uses), so users added with `createUser` get tokens too; without a database, in the seed file.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DEFAULT_DEV_SECRET, DevTokenIssuer, stableUserId } from '@phoi-hop/auth';
import { Roles, type Role } from '@phoi-hop/contracts';
import { EMBEDDED_PG_PORT, databaseUrl } from './infra';

interface DirectoryUser {
  username: string;
  agencyCode: string;
  roles: string[];
  active: boolean;
}

/** Where the users are: the directory's table, or the seed file when no database answers. */
interface UserSource {
  description: string;
  find(username: string): Promise<DirectoryUser | null>;
  /** Some usernames to suggest (active ones first). */
  sample(): Promise<string[]>;
  close(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const seedDir = process.env['SEED_DIR'] || path.join(repoRoot, 'apps', 'directory', 'seed', 'quang-binh');
/** The directory's schema (its DB_SCHEMA when it runs). */
const schema = process.env['DIRECTORY_DB_SCHEMA'] || 'directory';

function seedSource(): UserSource {
  const users: DirectoryUser[] = (JSON.parse(readFileSync(path.join(seedDir, 'users.json'), 'utf8')) as Array<Omit<DirectoryUser, 'active'>>).map((u) => ({ ...u, active: true }));
  return {
    description: `seed file ${path.relative(process.cwd(), path.join(seedDir, 'users.json'))}`,
    find: async (username) => users.find((u) => u.username === username) ?? null,
    sample: async () => users.map((u) => u.username),
    close: async () => undefined,
  };
}

/** The first database that answers and holds the directory's users, in the order `npm start` picks one. */
async function databaseSource(): Promise<UserSource | null> {
  const candidates = process.env['DATABASE_URL']
    ? [process.env['DATABASE_URL']]
    : [...new Set(['postgres', os.userInfo().username])].map((user) => databaseUrl(user, 5432)).concat(databaseUrl('postgres', EMBEDDED_PG_PORT, 'postgres'));
  for (const url of candidates) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
    try {
      await client.connect();
      const [{ present }] = (await client.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [`"${schema}".app_user`])).rows as [{ present: boolean }];
      if (!present) {
        await client.end();
        continue;
      }
      const table = `"${schema.replace(/"/g, '')}".app_user`;
      return {
        description: `directory users in ${new URL(url).host}${new URL(url).pathname} (schema ${schema})`,
        find: async (username) => {
          const { rows } = await client.query<{ username: string; agency_code: string; roles: string[]; active: boolean }>(`SELECT username, agency_code, roles, active FROM ${table} WHERE username = $1`, [username]);
          return rows[0] ? { username: rows[0].username, agencyCode: rows[0].agency_code, roles: rows[0].roles, active: rows[0].active } : null;
        },
        sample: async () => (await client.query<{ username: string }>(`SELECT username FROM ${table} ORDER BY active DESC, username LIMIT 40`)).rows.map((r) => r.username),
        close: () => client.end(),
      };
    } catch {
      await client.end().catch(() => undefined);
    }
  }
  return null;
}

async function main(): Promise<number> {
  const [username, ttlArg] = process.argv.slice(2);
  const source = (await databaseSource()) ?? seedSource();
  try {
    if (!username || username === '--help') {
      process.stderr.write(`Usage: npm run token -- <username> [ttl-hours]\nUsers (${source.description}): ${(await source.sample()).join(', ')}\n`);
      return username ? 0 : 2;
    }
    const user = await source.find(username);
    if (!user) {
      process.stderr.write(`Unknown user "${username}" in the ${source.description}. Users: ${(await source.sample()).join(', ')}\n`);
      return 2;
    }
    if (!user.active) {
      process.stderr.write(`User "${username}" is disabled (enable it with enableUser); the gateway would refuse its token\n`);
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
  } finally {
    await source.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
