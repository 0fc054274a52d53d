// Entry point for `npm run bench -- learner`: the decision API's p99 with and without the adaptive
// learner running beside it (see learner.ts); figures under `learning`.
require('../../../tools/register-ts');

require('./learner.ts')
  .main()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
