import { z } from 'zod';
import type { Candidate } from '../../runtime/types';
import { defineNode } from '../node-spec';

const configSchema = z.object({});
export type MergeConfig = z.infer<typeof configSchema>;

/** Joins branches: concatenates the incoming lists in edge order, first occurrence of an action wins. */
export const mergeNode = defineNode<MergeConfig>({
  type: 'merge',
  title: 'Merge',
  description: 'Joins branches into one list; an action that arrives twice is kept once (the first).',
  inputs: 'many',
  configSchema,
  defaultConfig: () => ({}),
  outputHandles: () => ['out'],
  compile() {
    return {
      run(inputs) {
        const seen = new Set<string>();
        const out: Candidate[] = [];
        for (const list of inputs) {
          for (const c of list) {
            if (seen.has(c.action.id)) continue;
            seen.add(c.action.id);
            out.push(c);
          }
        }
        return { handle: 'out', candidates: out };
      },
      explainDrop: () => 'already came in through an earlier branch',
    };
  },
  summarize: () => 'join branches, drop duplicates',
});
