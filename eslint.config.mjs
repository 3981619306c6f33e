// Lint rules that keep the architecture of DESIGN.md real: apps never import apps, libs are used only
// through their `@phoi-hop/<lib>` alias, contracts depend on nothing of ours, tags decide who may
// use whom; and tests that can fail (no focused or skipped tests, no unawaited `.resolves`).
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries reads Nx's cached project graph and silently skips itself when there
// is none (fresh clone) or uses a stale one (new project, changed tags). Refresh it before linting:
// in-process and without the daemon it takes a fraction of a second; a failure stops the lint.
process.env.NX_DAEMON ??= 'false';
process.env.NX_NO_CLOUD ??= 'true';
process.env.NX_ISOLATE_PLUGINS ??= 'false';
await createProjectGraphAsync({ exitOnError: false });

const TEST_FILES = ['**/*.spec.ts', '**/*.medium-spec.ts', '**/*.medium-testbed.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'];
// An e2e test boots the apps in one process, so it imports their entry modules. Nx forbids importing
// an application project from any project (the check runs before tags are looked at), and only the
// rule's `allow` list lifts it. `allow` entries are unanchored regular expressions, hence `^...$`:
// exactly these three aliases, nothing below them.
const APP_ENTRY_ALIASES = [
  '^@phoi-hop/app-gateway$',
  '^@phoi-hop/app-intake$',
  '^@phoi-hop/app-directory$',
  '^@phoi-hop/app-consultation$',
  '^@phoi-hop/app-notification$',
  '^@phoi-hop/app-evidence$',
  '^@phoi-hop/app-press$',
  '^@phoi-hop/app-reporting$',
];

const CONTRACTS = 'type:contracts';
const DATA_ACCESS = 'type:data-access';
const UTIL = 'type:util';
const TESTING = 'type:testing';
const APP = 'type:app';

/** Tag constraints; test files of apps and libs may also use the testing lib. */
function depConstraints({ testFiles }) {
  const testing = testFiles ? [TESTING] : [];
  return [
    { sourceTag: APP, onlyDependOnLibsWithTags: [CONTRACTS, DATA_ACCESS, UTIL, ...testing] },
    { sourceTag: CONTRACTS, onlyDependOnLibsWithTags: [CONTRACTS] },
    { sourceTag: DATA_ACCESS, onlyDependOnLibsWithTags: [CONTRACTS, DATA_ACCESS, UTIL, ...testing] },
    { sourceTag: UTIL, onlyDependOnLibsWithTags: [CONTRACTS, UTIL, ...testing] },
    { sourceTag: TESTING, onlyDependOnLibsWithTags: [CONTRACTS, DATA_ACCESS, UTIL, TESTING] },
    // type:app is listed for the record: app imports pass only through APP_ENTRY_ALIASES (see above).
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: [APP, CONTRACTS, DATA_ACCESS, UTIL, TESTING] },
    // tools/ (dev launcher, bench) has its own project.json with this tag.
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: [CONTRACTS, DATA_ACCESS, UTIL, TESTING] },
  ];
}

function boundaries({ testFiles = false, allow = [] } = {}) {
  return [
    'error',
    {
      allow,
      enforceBuildableLibDependency: false,
      banTransitiveDependencies: false,
      checkDynamicDependenciesExceptions: [],
      depConstraints: depConstraints({ testFiles }),
    },
  ];
}

const FOCUSED = { message: 'No focused tests: they silently drop the rest of the suite.' };
const SKIPPED = { message: 'No skipped tests: a skipped test asserts nothing.' };
// `expect(promise).resolves.toBe(x)` without await/return passes before the promise settles.
const UNAWAITED_EXPECTATION = {
  message: 'Await (or return) an expect(...).resolves/.rejects assertion, or it cannot fail.',
};

export default [
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'tmp/**', '.data/**', 'coverage/**', '.nx/**', '**/*.{js,cjs,mjs}'],
  },
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // enforce-module-boundaries resolves `@phoi-hop/contracts/src/x` to no project and lets it pass.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@phoi-hop/[^/]+/',
              message: 'Import a lib only through its alias `@phoi-hop/<lib>` (its src/index.ts); export what you need there.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', ...FOCUSED },
        { object: 'test', property: 'only', ...FOCUSED },
        { object: 'describe', property: 'only', ...FOCUSED },
        { object: 'it', property: 'skip', ...SKIPPED },
        { object: 'test', property: 'skip', ...SKIPPED },
        { object: 'describe', property: 'skip', ...SKIPPED },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fit', ...FOCUSED },
        { name: 'fdescribe', ...FOCUSED },
        { name: 'xit', ...SKIPPED },
        { name: 'xtest', ...SKIPPED },
        { name: 'xdescribe', ...SKIPPED },
      ],
    },
  },
  {
    // Pure rules (state machines, routing, dedup, scoring): plain functions over plain data, so that
    // they are unit-tested in milliseconds and copied by no transport. No framework, no data access.
    files: ['apps/**/*.rules.ts', 'apps/**/*-lifecycle.ts', 'apps/**/*-policy.ts', 'apps/**/dedup/**/*.ts', 'libs/routing/src/**/*.ts'],
    ignores: [...TEST_FILES, 'apps/*/src/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@phoi-hop/[^/]+/', message: 'Import a lib only through its alias `@phoi-hop/<lib>` (its src/index.ts); export what you need there.' },
            {
              regex: '^(@nestjs/|typeorm$|typeorm/|pg$|@nats-io/|@phoi-hop/(messaging|persistence|observability|auth)$)',
              message: 'A rule file is pure: no Nest, TypeORM, database, NATS or service-infrastructure imports. Pass data in; let the service do the I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ testFiles: true }),
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExpressionStatement > CallExpression > MemberExpression.callee > MemberExpression.object[property.name=/^(resolves|rejects)$/]',
          ...UNAWAITED_EXPECTATION,
        },
        {
          selector:
            'ExpressionStatement > CallExpression > MemberExpression.callee > MemberExpression.object > MemberExpression.object[property.name=/^(resolves|rejects)$/]',
          ...UNAWAITED_EXPECTATION,
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries({ allow: APP_ENTRY_ALIASES }) },
  },
];
