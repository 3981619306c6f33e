import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProvinceSeed } from './seed.types';
import { validateSeed, type SeedIssue } from './seed-validation';

export { validateSeed, type SeedIssue } from './seed-validation';

/** A seed folder that cannot be loaded; `issues` lists every problem found. */
export class SeedValidationError extends Error {
  constructor(
    readonly dir: string,
    readonly issues: SeedIssue[],
  ) {
    super(
      `Seed ${dir} is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `  ${i.file} ${i.path}: ${i.message}`).join('\n')}`,
    );
    this.name = 'SeedValidationError';
  }
}

const FILES = ['province', 'agencies', 'localities', 'sectors', 'categories', 'rules', 'users'] as const;
const OPTIONAL_FILES = [
  ['pressRules', 'press-rules.json'],
  ['publicHolidays', 'public-holidays.json'],
] as const;

/** The Quảng Bình seed (the build copies the JSON files beside the compiled code, same relative path). */
export function defaultSeedDir(): string {
  return path.resolve(__dirname, '../../seed/quang-binh');
}

/** Reads a province seed folder and refuses it, listing every problem, unless it is consistent. */
export function loadSeedFolder(dir: string): ProvinceSeed {
  const readIssues: SeedIssue[] = [];
  const content: Record<string, unknown> = {};
  for (const name of FILES) {
    const file = `${name}.json`;
    try {
      content[name] = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      readIssues.push({ file, path: '$', message: `cannot be read: ${(error as Error).message}` });
    }
  }
  // Optional files of the seed: a province without them has no press rules or public holidays.
  for (const [name, file] of OPTIONAL_FILES) {
    const full = path.join(dir, file);
    if (!existsSync(full)) continue;
    try {
      content[name] = JSON.parse(readFileSync(full, 'utf8'));
    } catch (error) {
      readIssues.push({ file, path: '$', message: `cannot be read: ${(error as Error).message}` });
    }
  }
  if (readIssues.length > 0) throw new SeedValidationError(dir, readIssues);
  const seed = content as unknown as ProvinceSeed;
  const issues = validateSeed(seed);
  if (issues.length > 0) throw new SeedValidationError(dir, issues);
  return seed;
}
