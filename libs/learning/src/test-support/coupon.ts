import * as fs from 'node:fs';
import * as path from 'node:path';
import { COUPON_NUMBER_COLUMNS } from '@arbiter/engine/examples';
import type { PredictorDef, TrainingRequest } from '../types';

export const COUPON_CSV = path.join(
  __dirname,
  '../../../../../shared/data/uci-in-vehicle-coupon-recommendation/in-vehicle-coupon-recommendation.csv',
);

/** `car` is 99% empty (the dataset's README says to drop it); `Y` is the outcome. */
const LEFT_OUT = new Set(['car', 'Y']);

export function couponAvailable(): boolean {
  return fs.existsSync(COUPON_CSV);
}

/** The coupon rows as the dataset import would type them: numbers as numbers, missing values absent. */
export function couponRows(limit = Infinity): Record<string, unknown>[] {
  const [header, ...lines] = fs
    .readFileSync(COUPON_CSV, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const columns = header!.split(',');
  return lines.slice(0, limit).map((line) => {
    const cells = line.split(',');
    const row: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      const text = cells[i] ?? '';
      if (text !== '') row[c] = COUPON_NUMBER_COLUMNS.has(c) ? Number(text) : text;
    });
    return row;
  });
}

export function couponPredictors(): PredictorDef[] {
  const header = fs.readFileSync(COUPON_CSV, 'utf8').split(/\r?\n/, 1)[0]!.split(',');
  return header
    .filter((c) => !LEFT_OUT.has(c))
    .map((name) => ({
      name,
      input: `customer.${name}`,
      type: COUPON_NUMBER_COLUMNS.has(name) ? 'number' : 'string',
    }));
}

export function couponRequest(algorithm: TrainingRequest['algorithm'], seed = 7): TrainingRequest {
  return {
    rows: couponRows(),
    target: { column: 'Y', positiveValues: ['1'] },
    predictors: couponPredictors(),
    algorithm,
    seed,
  };
}
