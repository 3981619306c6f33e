// One SWC configuration for the build (tools/build.mjs) and for Jest (@swc/jest):
// TypeScript with legacy decorators and decorator metadata (Nest DI), compiled to CommonJS.
// CommonJS output may require() the ESM-only Nest 12 packages on Node 24.
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const tsconfig = require(path.join(root, 'tsconfig.base.json'));

function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
      baseUrl: root,
      paths: tsconfig.compilerOptions.paths,
    },
    module: { type: 'commonjs', strictMode: true },
    sourceMaps: 'inline',
  };
}

module.exports = { swcOptions, root };
