// Entry point for `npm run bench -- studio`: builds the studio and weighs what a browser downloads
// before the first screen shows (the entry script, its preloaded chunks and the stylesheet), as
// served: brotli, gzip and raw. Route chunks load later, when their screen opens.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { saveResults, printTable } = require('../../../tools/bench-results');

const studio = path.join(__dirname, '..');
const dist = path.join(studio, 'dist');
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: studio, stdio: 'inherit' });

const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const kb = (bytes) => Math.round(bytes / 102.4) / 10;
const weigh = (file) => {
  const content = fs.readFileSync(path.join(dist, file));
  return {
    raw: content.length,
    gzip: zlib.gzipSync(content, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(content).length,
  };
};
const rows = firstLoad.map((file) => ({ file, ...weigh(file) }));
const sum = (key, filter = () => true) => rows.filter(filter).reduce((n, r) => n + r[key], 0);
const isJs = (r) => r.file.endsWith('.js');
const allJs = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const totalJs = allJs.reduce((n, f) => n + fs.statSync(path.join(dist, 'assets', f)).size, 0);

printTable([
  ...rows.map((r) => ({ file: r.file, rawKB: kb(r.raw), gzipKB: kb(r.gzip), brotliKB: kb(r.brotli) })),
  {
    file: 'first load, JavaScript',
    rawKB: kb(sum('raw', isJs)),
    gzipKB: kb(sum('gzip', isJs)),
    brotliKB: kb(sum('brotli', isJs)),
  },
  { file: `all ${allJs.length} chunks (raw)`, rawKB: kb(totalJs), gzipKB: '', brotliKB: '' },
]);
console.log('goal: first load ≤ 300 KB of compressed JavaScript (issue 22)');
if (!process.argv.includes('--no-save')) {
  saveResults('studio', {
    firstLoadKbCompressed: kb(sum('brotli', isJs)),
    firstLoadKbGzip: kb(sum('gzip', isJs)),
    firstLoadKbRaw: kb(sum('raw', isJs)),
    allChunksKbRaw: kb(totalJs),
  });
}
