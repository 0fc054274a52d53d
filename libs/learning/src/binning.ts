import { checkpoint } from './cooperate';
import type { Feature } from './prepare';
import { sortedPresent } from './quantiles';
import { Random } from './random';

/** Values looked at to place the bin edges of a number predictor (as scikit-learn's subsample). */
const BINNING_SAMPLE = 200_000;

/**
 * Predictors as small integers, row-major (row r's code for predictor f is at r·width + f): a number
 * falls in bin b when edges[b−1] < x ≤ edges[b]; a category's code is its level (other included);
 * a missing value has the code binCount[f], right after the predictor's last bin.
 */
export interface BinnedRows {
  width: number;
  rows: number;
  codes: Uint8Array;
  /** The same codes per predictor (column-major): a partition on one predictor reads them in cache. */
  columns: Uint8Array[];
}

export interface BinMapper {
  features: readonly Feature[];
  /** Per predictor: the edges of a number predictor (ascending), undefined for a category. */
  edges: (Float64Array | undefined)[];
  /** Per predictor: bins in use besides the missing one (at most 255, so codes fit a byte). */
  binCount: Int32Array;
}

/**
 * Bin edges like scikit-learn's HistGradientBoosting: midpoints between distinct values when there
 * are at most maxBins of them, else the midpoint percentiles of a (seeded) sample of at most 200,000 rows.
 */
export async function fitBins(
  features: readonly Feature[],
  rows: Uint32Array,
  maxBins: number,
  seed: number,
  signal?: AbortSignal,
): Promise<BinMapper> {
  let sample = rows;
  if (rows.length > BINNING_SAMPLE) {
    const picked = new Random(seed).shuffle(Uint32Array.from(rows)).subarray(0, BINNING_SAMPLE);
    sample = Uint32Array.from(picked).sort();
  }
  const edges: (Float64Array | undefined)[] = [];
  const binCount = new Int32Array(features.length);
  for (const [f, feature] of features.entries()) {
    if (feature.kind === 'category') {
      edges.push(undefined);
      binCount[f] = feature.other + 1;
      continue;
    }
    const e = numberEdges(sortedPresent(feature.values, sample), maxBins);
    edges.push(e);
    binCount[f] = e.length + 1;
    await checkpoint(signal);
  }
  return { features, edges, binCount };
}

function numberEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  if (distinct.length <= maxBins) {
    return Float64Array.from(distinct.slice(1), (x, i) => (distinct[i]! + x) / 2);
  }
  const edges: number[] = [];
  const n = sorted.length;
  for (let k = 1; k < maxBins; k++) {
    const position = (k / maxBins) * (n - 1);
    const lo = Math.floor(position);
    const hi = Math.ceil(position);
    const edge = lo === hi ? sorted[lo]! : (sorted[lo]! + sorted[hi]!) / 2;
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  return Float64Array.from(edges);
}

/** The bin of x among ascending edges: the number of edges below x. */
export function binOf(edges: Float64Array, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export async function binRows(
  mapper: BinMapper,
  rows: Uint32Array,
  signal?: AbortSignal,
): Promise<BinnedRows> {
  const width = mapper.features.length;
  const codes = new Uint8Array(rows.length * width);
  const columns: Uint8Array[] = [];
  for (const [f, feature] of mapper.features.entries()) {
    const column = new Uint8Array(rows.length);
    if (feature.kind === 'category') {
      // Level codes already end with other, then missing.
      const levels = feature.codes;
      for (let i = 0; i < rows.length; i++) column[i] = levels[rows[i]!]!;
    } else {
      const edges = mapper.edges[f]!;
      const missing = mapper.binCount[f]!;
      const values = feature.values;
      for (let i = 0; i < rows.length; i++) {
        const x = values[rows[i]!]!;
        column[i] = Number.isNaN(x) ? missing : binOf(edges, x);
      }
    }
    for (let i = 0; i < rows.length; i++) codes[i * width + f] = column[i]!;
    columns.push(column);
    await checkpoint(signal);
  }
  return { width, rows: rows.length, codes, columns };
}
