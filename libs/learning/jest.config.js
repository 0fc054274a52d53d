module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'learning',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
