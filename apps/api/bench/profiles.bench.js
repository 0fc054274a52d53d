// Entry point for `npm run bench -- profiles`: customer profile upserts (batch REST, dataset import)
// and the decision p99 with a profile lookup against one with every field sent (see profiles.ts).
require('../../../tools/register-ts');

require('./profiles.ts')
  .main()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
