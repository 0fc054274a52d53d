import { z } from 'zod';
import type { Candidate } from '../../runtime/types';
import { defineNode } from '../node-spec';
import { fieldNameSchema } from '../shared';

const configSchema = z.object({
  by: fieldNameSchema.default('priority'),
  order: z.enum(['desc', 'asc']).default('desc'),
  /** Keep only the best candidate of each action group. */
  onePerGroup: z.boolean().default(false),
  /** Keep the top N. */
  limit: z.number().int().min(1).max(1000).optional(),
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
    const rank = (input: readonly Candidate[]) => {
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
      return limit === undefined ? sorted : sorted.slice(0, limit);
    };
    return {
      run: ([input = []]) => ({ handle: 'out', candidates: rank(input) }),
      explainDrop(c) {
        if (onePerGroup && c.action.group !== undefined) return `not the best of group ${JSON.stringify(c.action.group)} or below the top ${limit ?? 'N'}`;
        return `${by} ${c.fields[by] ?? 'missing'} is below the top ${limit}`;
      },
    };
  },
  summarize(config) {
    const order = config.order === 'desc' ? '' : ' (lowest first)';
    const group = config.onePerGroup ? ', one per group' : '';
    return config.limit ? `top ${config.limit} by ${config.by}${order}${group}` : `sort by ${config.by}${order}${group}`;
  },
});
