/**
 * Edges splitting ascending values into about `bins` equally filled bins: the value at each k/bins
 * quantile, without repeats and above the smallest value (so no bin is empty by construction). A
 * value x belongs to the bin counted by the edges ≤ x, as a scorecard's [min, max) bins read it.
 */
export function quantileEdges(sorted: Float64Array, bins: number): number[] {
  const edges: number[] = [];
  const n = sorted.length;
  if (n === 0) return edges;
  for (let k = 1; k < bins; k++) {
    const edge = sorted[Math.floor((k * n) / bins)]!;
    if (edge > sorted[0]! && (edges.length === 0 || edge > edges[edges.length - 1]!)) edges.push(edge);
  }
  return edges;
}

/** The number of edges ≤ x. */
export function edgeBin(edges: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Non-missing values of `values` at `rows`, ascending. */
export function sortedPresent(values: Float64Array, rows: Uint32Array): Float64Array {
  const present = new Float64Array(rows.length);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const x = values[rows[i]!]!;
    if (x === x) present[count++] = x;
  }
  return present.subarray(0, count).sort();
}
