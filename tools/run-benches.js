// `npm run bench [-- name]`: runs every project's bench/run.js (or only the named ones) one after
// another, each printing its table and merging its figures into bench/results.json.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const wanted = process.argv.slice(2);
const benches = ['libs', 'apps']
  .flatMap((dir) =>
    fs.existsSync(path.join(root, dir))
      ? fs.readdirSync(path.join(root, dir)).map((p) => path.join(dir, p))
      : [],
  )
  .map((project) => ({ name: path.basename(project), script: path.join(root, project, 'bench', 'run.js') }))
  .filter((b) => fs.existsSync(b.script) && (wanted.length === 0 || wanted.includes(b.name)));

if (benches.length === 0) {
  console.error(`no bench matches ${wanted.join(', ')}`);
  process.exit(1);
}
fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
let failed = false;
for (const bench of benches) {
  console.log(`\n### bench: ${bench.name}`);
  const run = spawnSync(process.execPath, ['--expose-gc', bench.script], { stdio: 'inherit', cwd: root });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
