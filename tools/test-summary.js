// Prints the closing line of a test run: the sum over every project's Jest and Playwright totals.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', '.test-summary');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
const sum = { passed: 0, failed: 0, skipped: 0 };
for (const file of files) {
  const totals = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  for (const key of Object.keys(sum)) sum[key] += totals[key] || 0;
  console.log(`${file.replace(/\.json$/, '')}: ${totals.passed} passed, ${totals.failed} failed`);
  for (const failure of totals.failures || []) console.log(`  failed: ${failure}`);
}
console.log(`Tests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
