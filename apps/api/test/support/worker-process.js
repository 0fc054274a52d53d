// A real simulation worker process for the tests (`node test/support/worker-process.js`): the
// sources of src/worker.ts compiled on load by SWC (with decorator metadata), so no build is needed.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

require('../../src/worker.ts')
  .runWorker()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
