// Integration tests run against the machine's PostgreSQL: every test file gets its own fresh database.
const preset = require('../../jest.preset.js');

// Nest 12 and a few of its dependencies ship ES modules only. Node.js loads them with require(esm),
// but Jest's module system cannot, so Jest compiles them to CommonJS with the same SWC transform.
const ESM_PACKAGES = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit', 'load-esm', '@apidevtools'];

module.exports = {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  maxWorkers: 2,
  testTimeout: 60_000,
};
