// Pure logic runs in node; component tests opt into jsdom with a `@jest-environment jsdom` docblock.
const path = require('node:path');
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'studio',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@arbiter/engine/expressions$': path.join(__dirname, '../../libs/engine/src/expressions/index.ts'),
    '^@arbiter/engine/catalog$': path.join(__dirname, '../../libs/engine/src/catalog/index.ts'),
    '^@arbiter/engine/examples$': path.join(__dirname, '../../libs/engine/examples/index.ts'),
    '^@arbiter/datasets/(csv|field-name)$': path.join(__dirname, '../../libs/datasets/src/$1.ts'),
    '\\.css$': path.join(__dirname, 'src/test-support/style-stub.js'),
  },
  setupFilesAfterEnv: [path.join(__dirname, 'src/test-support/setup.ts')],
  // Component tests render the whole editor; CI runs them beside the browser e2e on two cores.
  testTimeout: 20_000,
};
