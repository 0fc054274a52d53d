import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileStrategy } from '../src';

/** decideBatch rows/s over the real coupon dataset with the coupon example strategy, if both are present. */
export async function couponBatchThroughput(seconds: number) {
  const csv = path.join(
    __dirname,
    '../../../../shared/data/uci-in-vehicle-coupon-recommendation/in-vehicle-coupon-recommendation.csv',
  );
  const examplesDir = path.join(__dirname, '../examples');
  if (!fs.existsSync(csv) || !fs.existsSync(path.join(examplesDir, 'coupon.ts'))) {
    console.log('coupon dataset or example not found; decideBatch row left out');
    return undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const coupon = require('../examples/coupon');
  const example =
    coupon.couponExample ?? Object.values(coupon).find((v) => (v as { document?: unknown })?.document);
  const lines = fs
    .readFileSync(csv, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .slice(1);
  const inputs = lines.map((line) => coupon.couponRowToInput(coupon.couponCsvRow(line)));
  const strategy = compileStrategy(example.document, { actions: example.actions, schema: example.schema });
  const chunk = 1000;
  const end = performance.now() + seconds * 1000;
  strategy.decideBatch(inputs.slice(0, chunk)); // warm-up
  const start = performance.now();
  let done = 0;
  while (performance.now() < end) {
    const from = done % inputs.length;
    done += strategy.decideBatch(inputs.slice(from, from + chunk)).length;
  }
  return {
    rowsPerSec: done / ((performance.now() - start) / 1000),
    rows: inputs.length,
    actions: example.actions.length,
    strategy: example.title ?? example.id,
  };
}
