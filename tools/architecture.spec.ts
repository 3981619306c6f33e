import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

// DESIGN.md: a service orchestrates (transaction, rules, repository calls, outbox and audit) and
// holds no SQL; statements live in the feature's repository, rules in pure files.
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

const appFiles = (keep: (name: string) => boolean) => filesUnder(join(ROOT, 'apps'), (name) => !/\.(int-|e2e-)?spec\.ts$/.test(name) && keep(name));

/** Each SQL-looking string literal and raw query call in a source text, as `line: excerpt`. */
function sqlIn(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what.replace(/\s+/g, ' ').slice(0, 80)}`);
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

  it('finds the services to check', () => {
    expect(appFiles((name) => name.endsWith('.service.ts')).length).toBeGreaterThan(10);
  });

  it('keeps SQL out of services: statements live in the feature repository', () => {
    const offenders = appFiles((name) => name.endsWith('.service.ts')).flatMap((file) =>
      sqlIn(file, readFileSync(file, 'utf8')).map((hit) => `${relative(ROOT, file)}:${hit}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps rule files pure: no Nest, TypeORM, database or messaging import', () => {
    const ruleFile = (name: string) => /(\.rules|-rules|-lifecycle|-policy)\.ts$/.test(name);
    const files = appFiles(ruleFile);
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((file) =>
      importsOf(file, readFileSync(file, 'utf8'))
        .filter((specifier) => IMPURE_IMPORT.test(specifier))
        .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
