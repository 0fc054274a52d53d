import type { ActionDefinition } from '../catalog/action';
import type { StrategyDocument, StrategyEdge, StrategyNode } from '../document/strategy-document';

/** Test helper: a linear strategy from a list of [type, config] steps, ids n1, n2, … */
export function linearStrategy(steps: [string, unknown][]): StrategyDocument {
  const nodes: StrategyNode[] = steps.map(([type, config], i) => ({
    id: `n${i + 1}`,
    type,
    config,
    position: { x: i * 200, y: 0 },
  }));
  const edges: StrategyEdge[] = nodes.slice(1).map((n, i) => ({ source: nodes[i]!.id, target: n.id }));
  return { schemaVersion: 1, nodes, edges };
}

export const CATALOG: ActionDefinition[] = [
  { id: 'loyalty-discount', name: 'Loyalty discount', group: 'retention', channel: 'email', value: 40 },
  {
    id: 'retention-call',
    name: 'Retention call',
    group: 'retention',
    channel: 'call-center',
    value: 120,
    cost: 15,
  },
  { id: 'data-addon', name: 'Data add-on', group: 'upsell', channel: 'app', value: 25 },
  {
    id: 'fibre-upgrade',
    name: 'Fibre upgrade',
    group: 'upsell',
    channel: 'email',
    value: 200,
    tags: ['fibre'],
  },
  {
    id: 'bill-followup',
    name: 'Bill shock follow-up',
    group: 'service',
    channel: 'sms',
    value: 10,
    validTo: '2026-06-30',
  },
];
