// Helpers shared by the metrics tests: decisions built by hand and seeded merge orders.
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
