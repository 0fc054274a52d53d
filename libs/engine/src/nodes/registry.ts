import type { z } from 'zod';
import { actionsNode } from './actions/actions-node';
import { arbitrateNode } from './arbitrate/arbitrate-node';
import { contactPolicyNode } from './contact-policy/contact-policy-node';
import { filterNode } from './filter/filter-node';
import { mergeNode } from './merge/merge-node';
import type { NodeSpec } from './node-spec';
import { outputNode } from './output/output-node';
import { rankNode } from './rank/rank-node';
import { scoreNode } from './score/score-node';
import { splitNode } from './split/split-node';

/** The palette: every node type the engine knows, in the order the studio lists them. */
export const NODE_SPECS = {
  actions: actionsNode,
  filter: filterNode,
  score: scoreNode,
  arbitrate: arbitrateNode,
  contactPolicy: contactPolicyNode,
  rank: rankNode,
  split: splitNode,
  merge: mergeNode,
  output: outputNode,
} as const;

export type NodeType = keyof typeof NODE_SPECS;
/** What a document may hold as each node type's config (defaults not yet applied). */
export type NodeConfigInput<T extends NodeType> = z.input<(typeof NODE_SPECS)[T]['configSchema']>;
/** A node's config after validation, with defaults applied. */
export type NodeConfig<T extends NodeType> = z.output<(typeof NODE_SPECS)[T]['configSchema']>;
export const NODE_TYPES = Object.keys(NODE_SPECS) as NodeType[];

export function nodeSpec(type: string): NodeSpec<unknown> | undefined {
  return Object.hasOwn(NODE_SPECS, type) ? (NODE_SPECS[type as NodeType] as NodeSpec<unknown>) : undefined;
}
