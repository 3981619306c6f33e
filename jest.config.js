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
