// Entry point for `npm run bench -- storage`: bytes per decision in PostgreSQL (decision log and
// shown interactions) and Redis memory per customer history window (see storage.ts).
require('../../../tools/register-ts');

require('./storage.ts')
  .main()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
