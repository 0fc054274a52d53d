import { z } from 'zod';
import { defineNode } from '../node-spec';
import { limitSchema } from '../shared';

const configSchema = z.object({
  /** Return at most this many recommendations. */
  limit: limitSchema,
});
export type OutputConfig = z.infer<typeof configSchema>;

/** The result: the recommendations in the order they arrive. Exactly one per strategy. */
export const outputNode = defineNode<OutputConfig>({
  type: 'output',
  title: 'Output',
  description: 'The recommendations returned to the caller, best first.',
  inputs: 'one',
  configSchema,
  defaultConfig: () => ({}),
  outputHandles: () => [],
  compile(config) {
    const limit = config.limit;
    return {
      run: ([input = []]) => ({
        handle: 'out',
        candidates: limit === undefined ? input.slice() : input.slice(0, limit),
      }),
      explainDrop: () => `beyond the output limit of ${limit}`,
    };
  },
  summarize: (config) => (config.limit ? `return up to ${config.limit}` : 'return all, in order'),
});
