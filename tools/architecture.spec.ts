import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

// DESIGN.md: a service, handler or scheduler orchestrates (transaction, rules, repository calls,
// outbox and audit) and holds no SQL; statements live in the feature's repository, rules in pure files.
const ROOT = join(__dirname, '..');

/** SQL as this codebase writes it: upper-case keywords in the shape of a statement or clause. */
const SQL = /\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|WITH\s+\w+\s+AS\s*\(|FOR\s+UPDATE|pg_advisory_\w*lock)/;
/** Raw query calls: `manager.query(...)`, `dataSource.query(...)`, `queryRows(...)`. */
const RAW_QUERY_CALLS = new Set(['query', 'queryRows', 'preparedQuery']);
/** A rule file is pure: nothing of Nest, TypeORM, the database, NATS or the service plumbing. */
const IMPURE_IMPORT = /^(@nestjs\/|typeorm$|typeorm\/|pg$|@nats-io\/|@phoi-hop\/(messaging|persistence|observability|auth)$)/;

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'migrations' ? [] : filesUnder(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

/** Tests, and the medium tier's testbeds (test harness code, like libs/testing): they may set rows up directly. */
const isTest = (name: string) => /\.(int-|e2e-|medium-)?spec\.ts$|\.medium-testbed\.ts$/.test(name);
const appFiles = (keep: (name: string) => boolean) => filesUnder(join(ROOT, 'apps'), (name) => !isTest(name) && keep(name));
/** Source files of apps and libs (tests, migrations and node_modules left out). */
const sourceFiles = () => ['apps', 'libs'].flatMap((dir) => filesUnder(join(ROOT, dir), (name) => name.endsWith('.ts') && !isTest(name)));
/** Where SQL belongs: a feature's repository, or a migration. */
const holdsSql = (file: string) => /\.(repository|migration)\.ts$/.test(file);

/**
 * Infrastructure that is SQL by nature, shared by every service's repositories: the only other
 * places a statement may be written. A path ending in `/` covers a folder. Keep it short.
 */
const SQL_ALLOWED: Record<string, string> = {
  'libs/persistence/src/': 'the persistence plumbing itself: migration runner, audit chain, SQL batch, due-work poller, idempotency keys',
  'libs/messaging/src/outbox.writer.ts': 'the outbox table every service carries, written in the caller’s transaction',
  'libs/messaging/src/outbox.relay.ts': 'claims and marks published outbox rows',
  'libs/messaging/src/durable.consumer.ts': 'the inbox table that makes event handling idempotent',
  'libs/testing/': 'test harnesses create, seed and drop the schemas and databases tests isolate themselves in',
};
const covers = (entry: string, path: string) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry);
const allowed = (path: string) => Object.keys(SQL_ALLOWED).some((entry) => covers(entry, path));

/** Each SQL-looking string literal and raw query call in a source text, as `line: excerpt`. */
function sqlIn(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what.replace(/\s+/g, ' ').slice(0, 80)}`);
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (SQL.test(node.text)) at(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ');
      if (SQL.test(text)) at(node, text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : null;
      if (name && RAW_QUERY_CALLS.has(name)) at(node, `${name}(…)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The module specifiers a source text imports. */
function importsOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  return source.statements.filter(ts.isImportDeclaration).map((s) => (s.moduleSpecifier as ts.StringLiteral).text);
}

describe('architecture', () => {
  it('recognises SQL and raw queries (so that the checks below can fail)', () => {
    const sample = [
      'const a = `SELECT id FROM report WHERE case_id = $1 FOR UPDATE`;',
      "const b = 'UPDATE handling_case SET status = $2 WHERE id = $1';",
      'const c = `INSERT INTO ${table} (id) VALUES ($1)`;',
      'await manager.query(sql, []);',
      'await queryRows(manager, sql);',
    ].join('\n');
    expect(sqlIn('sample.ts', sample)).toHaveLength(5);
    expect(sqlIn('sample.ts', "const m = 'Select a case to update'; // SELECT x FROM y\nrepository.find();")).toEqual([]);
  });

  it('keeps SQL out of services, handlers, schedulers, feeds and every other non-repository file', () => {
    const files = sourceFiles().map((file) => relative(ROOT, file));
    expect(files.filter((file) => file.endsWith('.service.ts')).length).toBeGreaterThan(10);
    expect(files.filter((file) => /\.(handler|scheduler)\.ts$/.test(file)).length).toBeGreaterThan(3);
    const offenders = files
      .filter((file) => !holdsSql(file) && !allowed(file))
      .flatMap((file) => sqlIn(file, readFileSync(join(ROOT, file), 'utf8')).map((hit) => `${file}:${hit}`));
    expect(offenders).toEqual([]);
  });

  it('allows SQL outside repositories only where some is still written', () => {
    const files = sourceFiles().map((file) => relative(ROOT, file));
    const stale = Object.keys(SQL_ALLOWED).filter(
      (entry) => !files.some((file) => covers(entry, file) && sqlIn(file, readFileSync(join(ROOT, file), 'utf8')).length > 0),
    );
    expect(stale).toEqual([]);
  });

  it('keeps rule files pure: no Nest, TypeORM, database or messaging import', () => {
    // Scoped as eslint.config.mjs scopes the same rule: rule, lifecycle and policy files, and the dedup folder.
    const ruleFile = (path: string) => /(\.rules|-rules|-lifecycle|-policy)\.ts$/.test(path) || /\/dedup\/[^/]+\.ts$/.test(path);
    const files = appFiles((name) => name.endsWith('.ts')).filter(ruleFile);
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((file) =>
      importsOf(file, readFileSync(file, 'utf8'))
        .filter((specifier) => IMPURE_IMPORT.test(specifier))
        .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
