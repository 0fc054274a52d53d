import { seededRandom, stableHash } from './stable-hash';

export interface BootstrapOptions {
  /** Number of bootstrap replicates, e.g. 200. */
  replicates: number;
  /** Seed of the resampling; the same seed and row keys give the same interval. */
  seed: number;
}

/**
 * The weight of one row in each bootstrap replicate: Poisson(1) draws seeded by the row's key.
 * Resampling by Poisson weights instead of drawing n rows with replacement needs no knowledge of
 * n and no second pass, so chunks can be bootstrapped independently and merged (Oza & Russell;
 * Chamandy et al., "Estimating uncertainty for massive data streams", 2012).
 */
export function bootstrapWeights(key: string, options: BootstrapOptions): Uint8Array {
  const random = seededRandom(stableHash(key, options.seed) % 4294967296);
  const weights = new Uint8Array(options.replicates);
  for (let b = 0; b < weights.length; b++) weights[b] = poissonOne(random());
  return weights;
}

const POISSON_ONE_CDF: readonly number[] = (() => {
  const cdf: number[] = [];
  let p = Math.exp(-1);
  let sum = 0;
  for (let k = 0; k < 20; k++) {
    sum += p;
    cdf.push(sum);
    p /= k + 1;
  }
  return cdf;
})();

function poissonOne(u: number): number {
  let k = 0;
  while (k < POISSON_ONE_CDF.length - 1 && u >= POISSON_ONE_CDF[k]!) k++;
  return k;
}

export function checkBootstrapOptions(options: BootstrapOptions): void {
  if (!Number.isInteger(options.replicates) || options.replicates < 2)
    throw new RangeError('bootstrap replicates must be an integer ≥ 2');
  if (!Number.isInteger(options.seed)) throw new RangeError('bootstrap seed must be an integer');
}
