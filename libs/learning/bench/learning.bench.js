// Entry point for `npm run bench -- learning`: adaptive models (issue 18). Runs the TypeScript
// sources directly, with @arbiter/engine mapped to its sources too, so no stale build is measured.
const Module = require('node:module');
const path = require('node:path');
require('../../../tools/register-ts');

const engineEntry = path.join(__dirname, '..', '..', 'engine', 'src', 'index.ts');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveEngineSources(request, ...rest) {
  return resolve.call(this, request === '@arbiter/engine' ? engineEntry : request, ...rest);
};

require('./adaptive-bench.ts')
  .main()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
