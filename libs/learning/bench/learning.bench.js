// Entry point for `npm run bench -- learning`: adaptive models (issue 18). Runs the TypeScript
// sources directly, with @arbiter/engine and its examples mapped to their sources too, so no stale
// build is measured.
const Module = require('node:module');
const path = require('node:path');
require('../../../tools/register-ts');

const engineSources = new Map([
  ['@arbiter/engine', path.join(__dirname, '..', '..', 'engine', 'src', 'index.ts')],
  ['@arbiter/engine/examples', path.join(__dirname, '..', '..', 'engine', 'examples', 'index.ts')],
]);
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveEngineSources(request, ...rest) {
  return resolve.call(this, engineSources.get(request) ?? request, ...rest);
};

require('./adaptive-bench.ts')
  .main()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
