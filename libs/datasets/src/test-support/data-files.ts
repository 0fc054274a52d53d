import * as fs from 'node:fs';
import * as path from 'node:path';

/** The shared data folder sits next to the repository root (the folder with nx.json); ARBITER_DATA_DIR overrides it. */
export function sharedDataDir(): string {
  if (process.env['ARBITER_DATA_DIR']) return process.env['ARBITER_DATA_DIR'];
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(__dirname, '../../../../../shared/data');
    dir = parent;
  }
  return path.join(dir, '..', 'shared', 'data');
}

export const COUPON_CSV = path.join(
  sharedDataDir(),
  'uci-in-vehicle-coupon-recommendation',
  'in-vehicle-coupon-recommendation.csv',
);
export const OBD_DIR = path.join(sharedDataDir(), 'open-bandit-dataset-small');
