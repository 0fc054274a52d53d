import { NODE_TYPES, type NodeType } from '@arbiter/engine';
import { actionsKind } from './actions/actions.kind';
import { arbitrateKind } from './arbitrate/arbitrate.kind';
import { contactPolicyKind } from './contact-policy/contact-policy.kind';
import { filterKind } from './filter/filter.kind';
import { mergeKind } from './merge/merge.kind';
import type { NodeKind } from './node-kind';
import { outputKind } from './output/output.kind';
import { rankKind } from './rank/rank.kind';
import { scoreKind } from './score/score.kind';
import { splitKind } from './split/split.kind';

/** Every node type the studio can draw: a missing engine type is a type error here. */
export const NODE_KINDS: { readonly [T in NodeType]: NodeKind } = {
  actions: actionsKind,
  filter: filterKind,
  score: scoreKind,
  arbitrate: arbitrateKind,
  contactPolicy: contactPolicyKind,
  rank: rankKind,
  split: splitKind,
  merge: mergeKind,
  output: outputKind,
};

/** In the engine's palette order. */
export const PALETTE: readonly NodeKind[] = NODE_TYPES.map((t) => NODE_KINDS[t]);

export function nodeKind(type: string): NodeKind | undefined {
  return (NODE_TYPES as readonly string[]).includes(type) ? NODE_KINDS[type as NodeType] : undefined;
}
