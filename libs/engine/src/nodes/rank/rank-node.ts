import { z } from 'zod';
import type { Candidate } from '../../runtime/types';
import { defineNode } from '../node-spec';
import { fieldNameSchema, limitSchema } from '../shared';

const configSchema = z.object({
  by: fieldNameSchema.default('priority'),
  order: z.enum(['desc', 'asc']).default('desc'),
  /** Keep only the best candidate of each action group. */
  onePerGroup: z.boolean().default(false),
  /** Keep the top N. */
  limit: limitSchema,
});
export type RankConfig = z.infer<typeof configSchema>;

/** Sorts by a field (missing values last, ties by action id), optionally one per group, then keeps the top N. */
export const rankNode = defineNode<RankConfig>({
  type: 'rank',
  title: 'Rank',
  description: 'Sorts the candidates (by priority unless chosen otherwise) and keeps the best ones.',
  inputs: 'one',
  configSchema,
  defaultConfig: () => ({ by: 'priority', order: 'desc', onePerGroup: false, limit: 3 }),
  outputHandles: () => ['out'],
  compile(config) {
    const { by, limit, onePerGroup } = config;
    const sign = config.order === 'desc' ? -1 : 1;
    const compare = (x: Candidate, y: Candidate): number => {
      const a = x.fields[by];
      const b = y.fields[by];
      if (a !== b) {
        if (a === undefined) return 1;
        if (b === undefined) return -1;
        return a < b ? -sign : sign;
      }
      return x.action.id < y.action.id ? -1 : x.action.id > y.action.id ? 1 : 0;
    };
    const rank = (input: readonly Candidate[], keep = limit) => {
      if (!onePerGroup && keep !== undefined && keep <= 8) return topK(input, keep, compare);
      let sorted = input.slice().sort(compare);
      if (onePerGroup) {
        const seen = new Set<string>();
        sorted = sorted.filter((c) => {
          const group = c.action.group ?? `action:${c.action.id}`;
          if (seen.has(group)) return false;
          seen.add(group);
          return true;
        });
      }
      return keep === undefined || keep === Infinity ? sorted : sorted.slice(0, keep);
    };
    // Counted once per dropped candidate of every row of a simulation: the same strings each time.
    const belowTop = `below the top ${limit} by ${by}`;
    const groupBeaten = 'another action of its group ranks higher (one per group)';
    const groupReasons = new Map<string, string>();
    const positionsFor = new WeakMap<readonly Candidate[], Map<string, number>>();
    return {
      run: ([input = []]) => ({ handle: 'out', candidates: rank(input) }),
      explainDrop(c, _state, { inputs, output }) {
        const better = onePerGroup
          ? output.find((o) => o.action.group !== undefined && o.action.group === c.action.group)
          : undefined;
        if (better)
          return `${better.action.name} ranks higher in group ${JSON.stringify(c.action.group)} (one per group)`;
        // The position after one-per-group, as the limit sees it; ranked once per list explained.
        let positions = positionsFor.get(inputs);
        if (!positions) {
          positions = new Map(rank(inputs, Infinity).map((o, i) => [o.action.id, i + 1]));
          positionsFor.set(inputs, positions);
        }
        const position = positions.get(c.action.id) ?? 0;
        const value = c.fields[by];
        const shown =
          value === undefined
            ? `${by} is missing, so it ranks last`
            : `${by} ${Number(value.toPrecision(4))}`;
        return `ranked #${position} (${shown}), below the top ${limit}`;
      },
      dropReason(c, _state, { output }) {
        const group = c.action.group;
        if (onePerGroup && group !== undefined && output.some((o) => o.action.group === group)) {
          let reason = groupReasons.get(group);
          if (reason === undefined) {
            reason = `another action of group ${JSON.stringify(group)} ranks higher (one per group)`;
            groupReasons.set(group, reason);
          }
          return reason;
        }
        return belowTop;
      },
      dropCategory(c, _state, { output }) {
        const group = c.action.group;
        if (onePerGroup && group !== undefined && output.some((o) => o.action.group === group))
          return groupBeaten;
        return belowTop;
      },
    };
  },
  summarize(config) {
    const order = config.order === 'desc' ? '' : ' (lowest first)';
    const group = config.onePerGroup ? ', one per group' : '';
    return config.limit
      ? `top ${config.limit} by ${config.by}${order}${group}`
      : `sort by ${config.by}${order}${group}`;
  },
});

/** The best k in order, by insertion into a short list: cheaper than sorting everything for small k. */
function topK(
  input: readonly Candidate[],
  k: number,
  compare: (a: Candidate, b: Candidate) => number,
): Candidate[] {
  const best: Candidate[] = [];
  for (const c of input) {
    if (best.length === k && compare(c, best[k - 1]!) >= 0) continue;
    let i = best.length < k ? best.length : k - 1;
    while (i > 0 && compare(c, best[i - 1]!) < 0) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = c;
  }
  return best;
}
