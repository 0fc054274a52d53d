// End-to-end: starts apps/api/dist/main.js (built by the `^build` dependency of this target) as a child process;
// the browser tests also build and serve the studio and drive it in Debian's chromium.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/api/**/*.spec.ts', '<rootDir>/browser/**/*.spec.ts', '<rootDir>/ops/**/*.spec.ts'],
  testTimeout: 120_000,
};
