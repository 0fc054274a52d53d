// Entry point for `npm run bench -- engine`.
require('../../../tools/register-ts');
require('./engine-bench.ts')
  .main()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
