// Entry point for `npm run bench -- api`: the decision API load bench and the simulation bench,
// each in its own file (decisions.ts, simulations.ts), run when present. BENCH_API_PARTS=decisions
// (or simulations) runs only that one.
require('../../../tools/register-ts');
const fs = require('node:fs');
const path = require('node:path');

(async () => {
  const parts = process.env['BENCH_API_PARTS']?.split(',').map((p) => p.trim());
  for (const name of ['decisions', 'simulations']) {
    if (parts && !parts.includes(name)) continue;
    const file = path.join(__dirname, `${name}.ts`);
    if (!fs.existsSync(file)) continue;
    console.log(`\n## ${name}`);
    await require(file).main();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
