// Shared helpers for the engine's unit tests: small strategies, decisions and trace look-ups.
import type { ActionDefinition } from '../catalog/action';
import type { ComparisonCondition, Condition, RootCondition } from '../conditions/types';
import type { StrategyDocument, StrategyEdge, StrategyNode } from '../document/strategy-document';
import type { StrategyEnvironment } from '../nodes/node-spec';
import { compileStrategy } from '../runtime/compile-strategy';
import type { DecideOptions, DecisionInput, DecisionResult, Interaction, NodeTrace } from '../runtime/types';
import type { ValidationProblem } from '../validation/problem';
import { CATALOG } from './build-strategy';

/** The decision time most tests use: a Sunday in March 2026, before every validity date of CATALOG. */
export const NOW = '2026-03-01T10:00:00.000Z';
export const DAY_MS = 86_400_000;

export const ENV: StrategyEnvironment = { actions: CATALOG };

/** A strategy from nodes `[id, type, config]` and edges `[source, target, sourceHandle?]`. */
export function graph(
  nodes: [string, string, unknown][],
  edges: [string, string, string?][],
): StrategyDocument {
  return {
    schemaVersion: 1,
    nodes: nodes.map(([id, type, config], i): StrategyNode => ({
      id,
      type,
      config,
      position: { x: i * 200, y: 0 },
    })),
    edges: edges.map(([source, target, sourceHandle]): StrategyEdge =>
      sourceHandle ? { source, sourceHandle, target } : { source, target },
    ),
  };
}

/** start (actions) → the split step `id` → one line from each of its `exits` into a merge → output. */
export function splitGraph(id: string, config: unknown, exits: string[]): StrategyDocument {
  return graph(
    [
      ['start', 'actions', {}],
      [id, 'split', config],
      ['join', 'merge', {}],
      ['end', 'output', {}],
    ],
    [['start', id], ...exits.map((exit): [string, string, string] => [id, 'join', exit]), ['join', 'end']],
  );
}

/**
 * start (actions) → split `seg` with one case, `caseId` when `when` holds, whose branch runs through
 * the `branch` steps one after the other into the merge `join`; the default branch goes straight to
 * `join`; then the `after` steps and the output `end`.
 */
export function caseBranchGraph(
  caseId: string,
  when: RootCondition,
  branch: [string, string, unknown][],
  after: [string, string, unknown][] = [],
): StrategyDocument {
  const idsOf = (steps: [string, string, unknown][]) => steps.map(([id]) => id);
  const caseRoute = [...idsOf(branch), 'join'];
  return graph(
    [
      ['start', 'actions', {}],
      ['seg', 'split', { mode: 'condition', cases: [{ id: caseId, when }] }],
      ...branch,
      ['join', 'merge', {}],
      ...after,
      ['end', 'output', {}],
    ],
    [
      ['start', 'seg'],
      ['seg', caseRoute[0]!, caseId],
      ...chain(caseRoute),
      ['seg', 'join', 'default'],
      ...chain(['join', ...idsOf(after), 'end']),
    ],
  );
}

/** Lines joining the steps one after the other. */
function chain(ids: string[]): [string, string][] {
  return ids.slice(1).map((target, i) => [ids[i]!, target]);
}

/** Two actions steps `a` and `b`, a merge `join` and the output `end`, with these lines. */
export function twoSourcesGraph(edges: [string, string, string?][]): StrategyDocument {
  return graph(
    [
      ['a', 'actions', {}],
      ['b', 'actions', {}],
      ['join', 'merge', {}],
      ['end', 'output', {}],
    ],
    edges,
  );
}

/** One decision for customer `c1` at NOW, unless the input says otherwise. */
export function decide(
  document: StrategyDocument,
  input: Partial<DecisionInput> = {},
  options: DecideOptions = {},
  env: StrategyEnvironment = ENV,
): DecisionResult {
  return compileStrategy(document, env).decide(
    {
      customer: input.customer ?? { id: 'c1' },
      context: input.context ?? { now: NOW },
      history: input.history,
    },
    options,
  );
}

/** The recommended action ids, best first. */
export function ids(result: DecisionResult): string[] {
  return result.recommendations.map((r) => r.actionId);
}

export function nodeTrace(result: DecisionResult, nodeId: string): NodeTrace {
  const node = result.trace?.nodes.find((n) => n.nodeId === nodeId);
  if (!node) throw new Error(`no trace for node ${nodeId}; was the decision traced?`);
  return node;
}

/** actionId → why the node dropped it. */
export function dropped(result: DecisionResult, nodeId: string): Record<string, string> {
  return Object.fromEntries((nodeTrace(result, nodeId).dropped ?? []).map((d) => [d.actionId, d.reason]));
}

/** actionId → the details the node gave for a kept candidate. */
export function keptDetails(
  result: DecisionResult,
  nodeId: string,
): Record<string, Record<string, unknown> | undefined> {
  return Object.fromEntries((nodeTrace(result, nodeId).kept ?? []).map((k) => [k.actionId, k.details]));
}

/** `{ fact, path: '$.<path>', operator, value }` */
export function cmp(fact: string, path: string, operator: string, value: unknown): ComparisonCondition {
  return { fact, path: `$.${path}`, operator, value };
}

export function all(...conditions: Condition[]): RootCondition {
  return { all: conditions };
}

/** A distinct priority for each CATALOG action: ranked, they come out in an order unlike the catalog's. */
export const PRIORITIES: Record<string, number> = {
  'loyalty-discount': 3,
  'retention-call': 5,
  'data-addon': 1,
  'fibre-upgrade': 4,
  'bill-followup': 2,
};

/** A score node config that gives each listed action a constant, e.g. `{ 'data-addon': 0.4 }`. */
export function constantScores(scores: Record<string, number>, field = 'propensity'): unknown {
  return {
    field,
    byAction: Object.fromEntries(
      Object.entries(scores).map(([id, n]) => [id, { type: 'expression', expression: String(n) }]),
    ),
  };
}

/** ISO time `days` before NOW (fractions allowed). */
export function daysAgo(days: number): string {
  return new Date(Date.parse(NOW) - days * DAY_MS).toISOString();
}

export function interaction(
  actionId: string,
  outcome: Interaction['outcome'],
  days: number,
  extra: Partial<Interaction> = {},
): Interaction {
  return { actionId, outcome, at: daysAgo(days), ...extra };
}

export function action(id: string, extra: Partial<ActionDefinition> = {}): ActionDefinition {
  return { id, name: id, ...extra };
}

/** Exactly one problem, with these properties (and any others). */
export function expectOnlyProblem(
  problems: readonly ValidationProblem[],
  expected: Partial<ValidationProblem>,
): void {
  expect(problems).toEqual([expect.objectContaining(expected)]);
}
