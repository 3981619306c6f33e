import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { SCHEMA_FILE } from './gateway-schema';
import { unlistedBreakingChanges } from './breaking-changes';

const CHANGES_DOC = 'docs/api-changes.md';

/** The committed schema at `ref`, or null (with the reason) when there is none to compare with. */
function schemaAt(ref: string): { sdl: string } | { missing: string } {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { stdio: 'pipe' });
  } catch {
    return { missing: `no commit ${ref} (no git history, or a single commit)` };
  }
  try {
    return { sdl: execFileSync('git', ['show', `${ref}:${SCHEMA_FILE}`], { stdio: 'pipe', encoding: 'utf8' }) };
  } catch {
    return { missing: `${SCHEMA_FILE} does not exist at ${ref}` };
  }
}

/**
 * `npm run schema:check`: fails when apps/gateway/schema.graphql breaks a client of the schema
 * on the previous commit (SCHEMA_BASE_REF, default HEAD~1) and docs/api-changes.md does not list
 * that change with its reason.
 */
async function main(): Promise<void> {
  const base = process.env['SCHEMA_BASE_REF'] || 'HEAD~1';
  const before = schemaAt(base);
  if ('missing' in before) {
    console.log(`schema:check skipped: ${before.missing}; nothing to compare ${SCHEMA_FILE} with.`);
    return;
  }
  const [after, doc] = await Promise.all([readFile(SCHEMA_FILE, 'utf8'), readFile(CHANGES_DOC, 'utf8').catch(() => '')]);
  const unlisted = await unlistedBreakingChanges(before.sdl, after, doc);
  if (unlisted.length === 0) {
    console.log(`schema:check: no unlisted breaking change against ${base}.`);
    return;
  }
  console.error(`schema:check: breaking changes against ${base} that ${CHANGES_DOC} does not list with a reason:`);
  for (const change of unlisted) console.error(`  ${change.path ?? '(schema)'}: ${change.message}`);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
