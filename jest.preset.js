// Shared Jest settings: TypeScript through SWC (type-checking is the separate `typecheck` target).
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  // CI runs every project's suites at once on two cores: a test's work may take seconds there.
  testTimeout: 30_000,
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@arbiter/engine$': path.join(__dirname, 'libs/engine/src/index.ts'),
    '^@arbiter/engine/examples$': path.join(__dirname, 'libs/engine/examples/index.ts'),
    '^@arbiter/datasets$': path.join(__dirname, 'libs/datasets/src/index.ts'),
    '^@arbiter/learning$': path.join(__dirname, 'libs/learning/src/index.ts'),
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  reporters: ['default', path.join(__dirname, 'tools/jest-summary-reporter.js')],
};
