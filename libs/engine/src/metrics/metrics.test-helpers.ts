// Helpers shared by the metrics tests: decisions built by hand and seeded merge orders.
import fc from 'fast-check';
import type { DecisionResult, NodeTrace, Recommendation } from '../runtime/types';
import { seededRandom } from './stable-hash';

const { floor } = Math;

/** A decision recommending `recs` in order: [actionId, propensity?, value?]. */
export function decision(recs: [string, number?, number?][], nodes?: NodeTrace[]): DecisionResult {
  const recommendations = recs.map(([actionId, propensity, value], i): Recommendation => ({
    rank: i + 1,
    actionId,
    name: actionId,
    fields: {},
    ...(propensity !== undefined ? { propensity } : {}),
    ...(value !== undefined ? { value } : {}),
  }));
  return {
    recommendations,
    ...(nodes ? { trace: { path: nodes.filter((n) => n.reached).map((n) => n.nodeId), nodes } } : {}),
  };
}

/** Splits `items` into consecutive chunks at the given cut points. */
export function chunksOf<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b);
  const chunks: T[][] = [];
  let start = 0;
  for (const p of [...points, items.length]) {
    chunks.push(items.slice(start, p));
    start = p;
  }
  return chunks;
}

/** Merges the parts pairwise in a random tree shape and order, as a parent job might. */
export function mergeInRandomOrder<T extends { merge(other: T): unknown }>(parts: T[], seed: number): T {
  const random = seededRandom(seed);
  const pool = [...parts];
  while (pool.length > 1) {
    const i = floor(random() * pool.length);
    const a = pool.splice(i, 1)[0]!;
    const j = floor(random() * pool.length);
    const b = pool.splice(j, 1)[0]!;
    a.merge(b);
    pool.push(a);
  }
  return pool[0]!;
}

/** An off-policy accumulator as the merge property sees it: rows in, estimates out, JSON both ways. */
interface Estimator<R> {
  add(row: R): this;
  merge(other: this): unknown;
  toJSON(): unknown;
  estimates(): unknown;
}

/**
 * The property every off-policy accumulator keeps: rows accumulated in random chunks, each sent
 * through JSON and merged in a random order, give exactly the estimates of one pass over all rows.
 */
export function expectMergedLikeOnePass<R, A extends Estimator<R>>(
  row: fc.Arbitrary<R>,
  create: () => A,
  fromJSON: (json: ReturnType<A['toJSON']>) => A,
  sizes: { maxRows: number; maxCuts: number; numRuns: number },
): void {
  fc.assert(
    fc.property(
      fc.array(row, { maxLength: sizes.maxRows }),
      fc.array(fc.nat(), { maxLength: sizes.maxCuts }),
      fc.nat(),
      (rows, cuts, seed) => {
        const acc = (part: readonly R[]) => part.reduce((a, r) => a.add(r), create());
        const parts = chunksOf(rows, cuts).map((chunk) =>
          fromJSON(JSON.parse(JSON.stringify(acc(chunk).toJSON())) as ReturnType<A['toJSON']>),
        );
        expect(mergeInRandomOrder(parts, seed).estimates()).toEqual(acc(rows).estimates());
      },
    ),
    { numRuns: sizes.numRuns },
  );
}
