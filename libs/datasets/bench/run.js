// Entry point for `npm run bench -- datasets`: import throughput on the real sample files and on a
// generated stream much larger than memory would comfortably hold. `--no-save` only prints.
require('../../../tools/register-ts');
const fs = require('node:fs');
const path = require('node:path');
const { importDataset } = require('../src/index.ts');
const { COUPON_CSV, OBD_DIR } = require('../src/test-support/data-files.ts');
const { saveResults, printTable } = require('../../../tools/bench-results');

const MB = 1024 * 1024;
const GENERATED_MB = Number(process.env.DATASETS_BENCH_MB) || 256;

async function* pieces(buffer) {
  for (let i = 0; i < buffer.length; i += 64 * 1024) yield buffer.subarray(i, i + 64 * 1024);
}

async function* generatedCsv(totalBytes) {
  yield 'customer_id,segment,age,score,joined,note\n';
  const filler =
    'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore';
  for (let i = 0, bytes = 0; bytes < totalBytes;) {
    let chunk = '';
    for (let j = 0; j < 500; j++, i++) {
      chunk += `C${i},${['gold', 'silver', 'bronze'][i % 3]},${18 + (i % 70)},${(i % 1000) / 7},2024-0${1 + (i % 9)}-1${i % 10},"${filler.slice(i % 50)}, #${i}"\n`;
    }
    bytes += chunk.length;
    yield chunk;
  }
}

async function measure(name, makeSource, options, runs) {
  const times = [];
  let report;
  let peakHeap = 0;
  for (let r = 0; r < runs; r++) {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    let batches = 0;
    report = await importDataset(makeSource(), {
      ...options,
      onRows: () => {
        if (++batches % 10 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - heapBefore);
      },
    });
    const used = process.cpuUsage(cpu);
    times.push({
      wall: Number(process.hrtime.bigint() - started) / 1e6,
      cpu: (used.user + used.system) / 1000,
    });
  }
  times.sort((a, b) => a.wall - b.wall);
  const median = times[Math.floor(times.length / 2)];
  return {
    file: name,
    rows: report.rowsRead,
    MB: (report.bytesRead / MB).toFixed(1),
    'median ms': median.wall.toFixed(0),
    'cpu ms': median.cpu.toFixed(0),
    'rows/s': Math.round(report.rowsRead / (median.wall / 1000)),
    'MB/s': (report.bytesRead / MB / (median.wall / 1000)).toFixed(1),
    'peak heap MB': (peakHeap / MB).toFixed(1),
  };
}

async function main() {
  const rows = [];
  if (fs.existsSync(COUPON_CSV)) {
    const coupon = fs.readFileSync(COUPON_CSV);
    rows.push(
      await measure(
        'uci coupon',
        () => pieces(coupon),
        { mapping: { loggedAction: ['coupon', 'expiration'], outcome: 'Y' } },
        9,
      ),
    );
  }
  const obdFile = path.join(OBD_DIR, 'bts', 'men', 'men.csv');
  if (fs.existsSync(obdFile)) {
    const obd = fs.readFileSync(obdFile);
    const mapping = { loggedAction: 'item_id', outcome: 'click', loggingPropensity: 'propensity_score' };
    rows.push(await measure('obd bts/men', () => pieces(obd), { mapping }, 9));
  }
  rows.push(await measure(`generated ${GENERATED_MB} MB`, () => generatedCsv(GENERATED_MB * MB), {}, 1));
  printTable(rows);
  if (!process.argv.includes('--no-save')) saveResults('datasets', { imports: rows });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
