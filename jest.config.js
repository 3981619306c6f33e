// Three tiers (STYLE.md): *.spec.ts (pure logic, "unit"); *.medium-spec.ts (one service through its
// public methods on the real Postgres, no NATS, "medium"); *.int-spec.ts (real Postgres and NATS) and
// *.e2e-spec.ts (through the gateway), "integration". All compiled to CommonJS by SWC; Jest runs on Node 24 with
// --experimental-vm-modules so that it can require() the ESM-only Nest 12 packages.
const { swcOptions } = require('./tools/swc-options.cjs');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target.replace(/^\.\//, '')}`]),
);

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions(), sourceMaps: 'inline', swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Decorator metadata needs the Reflect API before any decorated class loads, as in each main.ts.
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Two workers even on two cores: the files wait on Postgres, NATS and the processes they start more
  // than they compute. Each worker is replaced once its heap passes the limit after a file: every
  // file leaks the ESM packages it loaded (Node never frees a vm.SourceTextModule, see
  // docs/benchmarks.md), so one process running all files grew past 4 GB and spent its time in GC.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'medium',
      testMatch: ['<rootDir>/{apps,libs}/**/*.medium-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/medium.setup.js'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools,e2e}/**/*.{int,e2e}-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration.setup.js'],
    },
  ],
};
