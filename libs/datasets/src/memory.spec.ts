import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { importDataset } from './import-dataset';

// A full garbage collection before each reading makes heapUsed the memory really retained, not garbage not yet collected.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const MB = 1024 * 1024;
const FILE_BYTES = 50 * MB;

/** Makes a ~50 MB CSV on the fly: the test never holds the file, only the chunk being read. */
async function* generatedCsv(): AsyncGenerator<string> {
  yield 'customer_id,segment,age,score,joined,note\n';
  let bytes = 0;
  const filler =
    'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore';
  for (let i = 0; bytes < FILE_BYTES;) {
    let chunk = '';
    for (let j = 0; j < 500; j++, i++) {
      chunk += `C${i},${['gold', 'silver', 'bronze'][i % 3]},${18 + (i % 70)},${(i % 1000) / 7},2024-0${1 + (i % 9)}-1${i % 10},"${filler.slice(i % 50)}, #${i}"\n`;
    }
    bytes += chunk.length;
    yield chunk;
  }
}

describe('memory', () => {
  it('streams a 50 MB file with heap growth far below the file size', async () => {
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let batches = 0;
    const report = await importDataset(generatedCsv(), {
      onRows: () => {
        if (++batches % 25 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        }
      },
    });
    expect(report.bytesRead).toBeGreaterThan(FILE_BYTES);
    expect(report.rowsRejected).toBe(0);
    expect(report.columns.find((c) => c.name === 'customer_id')).toMatchObject({ distinctCapped: true });
    expect(batches).toBeGreaterThan(100);
    // Sample, one batch, per-column statistics (10,000 exact distinct values per column) and chunk buffers.
    expect(peak).toBeLessThan(40 * MB);
  }, 120_000);
});
