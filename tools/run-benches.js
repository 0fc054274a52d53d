// `npm run bench [-- name]`: runs every project's bench/run.js and bench/<name>.bench.js (or only the
// named ones) one after another, each printing its table and merging its figures into bench/results.json.
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
  .flatMap((project) => {
    const dir = path.join(root, project, 'bench');
    // bench/run.js runs as the project's name; bench/<name>.bench.js as <name>.
    const named = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.bench.js'))
          .map((f) => ({ name: f.slice(0, -'.bench.js'.length), script: path.join(dir, f) }))
      : [];
    return [{ name: path.basename(project), script: path.join(dir, 'run.js') }, ...named];
  })
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
