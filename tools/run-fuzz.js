// `npm run fuzz -- --runs N [--seed S] [--concurrency C]`: the long bad-input campaign of
// test/api/fuzz against a real API process (fresh PostgreSQL database, own Redis prefix), then the
// figures as a table and in bench/results.json under `fuzz`. Exit code 1 when any case failed.
require('./register-ts');
const fs = require('node:fs');
const path = require('node:path');
const { printTable, saveResults } = require('./bench-results');
const { figures, runCampaign } = require('../test/api/fuzz/campaign.ts');

function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const value = args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got ${value}`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const runs = option('runs', 2000);
  const seed = option('seed', Date.now() % 2 ** 31);
  const concurrency = option('concurrency', 4);
  console.log(`fuzz: ${runs} cases, seed ${seed} (repeat with --seed ${seed}), ${concurrency} at a time`);
  const report = await runCampaign({ runs, seed, concurrency, log: (line) => console.log(line) });
  const fig = figures(report);
  console.log('\nCases per class:');
  printTable(Object.entries(report.byKind).map(([kind, k]) => ({ class: kind, cases: k.cases, failed: k.failed })));
  console.log('\nFigures:');
  printTable(Object.entries(fig).map(([figure, value]) => ({ figure: `fuzz.${figure}`, value })));
  if (report.failures.length) {
    const file = path.join(__dirname, '..', 'bench', 'fuzz-failures.txt');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${report.failures.join('\n')}\n`);
    console.log(`\n${report.failedCases} failing cases; the first ${report.failures.length} reproducers are in ${path.relative(process.cwd(), file)}:`);
    for (const line of report.failures.slice(0, 20)) console.log(`- ${line}`);
  }
  for (const [gap, { failed, example }] of Object.entries(report.knownGaps)) console.log(`\nknown gap (${failed} cases) ${gap}\n  e.g. ${example}`);
  if (report.healthWorst) console.log(`slowest /health/live: ${report.healthWorst}`);
  for (const problem of report.dataProblems) console.log(`! ${problem}`);
  if (report.unansweredExamples) console.log(`logged but never answered 200 (e.g. a GraphQL answer nulled by an error): ${report.unansweredExamples.join('; ')}`);
  if (report.apiLog) {
    const file = path.join(__dirname, '..', 'bench', 'fuzz-api.log');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, report.apiLog);
    console.log(`The API's log (errors only) is in ${path.relative(process.cwd(), file)}.`);
  }
  saveResults('fuzz', fig);
  const ok = report.failedCases === 0 && Object.keys(report.knownGaps).length === 0 && report.slowHealth === 0 && report.serverErrors === 0 && report.lostRows === 0 && report.auditChainValid && report.dataProblems.length === 0;
  console.log(ok ? '\nfuzz: no failures' : '\nfuzz: FAILURES (see above)');
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
