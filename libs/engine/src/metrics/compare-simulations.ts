import { compareActionFunnels, type ActionFunnelComparison } from './action-funnel';
import { normalEstimate, type Estimate } from './confidence-interval';
import type { OffPolicyEstimates } from './off-policy';
import type { OffPolicyUplift } from './paired-off-policy';
import type {
  ActionFigures,
  NodeFigures,
  RecommendationFigures,
  SimulationSummary,
} from './simulation-summary';

/** A figure in both simulations and its change (draft − baseline). */
export interface Change {
  baseline: number;
  draft: number;
  change: number;
}

/** Like Change, for figures that can be undefined (a share of zero rows). */
export interface OptionalChange {
  baseline: number | null;
  draft: number | null;
  change: number | null;
}

export interface ActionChange {
  actionId: string;
  eligible: Change;
  top: Change;
  topShare: OptionalChange;
  recommendationShare: OptionalChange;
  expectedAcceptances: Change;
  expectedAcceptancesTop: Change;
  expectedValue: Change;
  expectedValueTop: Change;
}

export interface RecommendationChanges {
  rows: Change;
  rowsWithoutRecommendation: Change;
  recommendations: Change;
  /** Every action recommended in either simulation, by action id. */
  actions: ActionChange[];
}

export interface SegmentChanges extends RecommendationChanges {
  segment: string;
}

export interface NodeFunnelChange {
  nodeId: string;
  /** False when the node exists in one strategy only. */
  inBoth: boolean;
  reached: Change;
  in: Change;
  out: Change;
  passRate: OptionalChange;
}

export interface TopActionChangeExample {
  customerId: string;
  before: string | null;
  after: string | null;
}

/** Customers whose top recommendation differs between the two simulations. */
export interface TopActionChanges {
  /** Customer ids kept by both simulations. */
  compared: number;
  changed: number;
  /** changed / compared. */
  share: number | null;
  /** True when both simulations kept every customer id, so `changed` is the exact count. */
  complete: boolean;
  /** Up to the requested number of changed customers, by customer id. */
  examples: TopActionChangeExample[];
}

export interface SimulationComparison extends RecommendationChanges {
  nodes: NodeFunnelChange[];
  segments?: SegmentChanges[];
  topActions?: TopActionChanges;
  /** Estimated uplift of the acceptance rate, when both simulations had logged outcomes. */
  uplift?: { top: OffPolicyUplift; slate: OffPolicyUplift };
  /** Both per-action funnels side by side, when both simulations had funnel traces. */
  actionFunnel?: ActionFunnelComparison;
}

export interface CompareOptions {
  /** Changed customers listed as examples. Default 10. */
  examples?: number;
  /**
   * Paired uplift estimates from a PairedOffPolicyAccumulator fed with both strategies' decisions
   * on the same rows. Without them the uplift interval treats the two estimates as independent,
   * which is valid but wider than needed because both were computed on the same rows.
   */
  uplift?: { top?: OffPolicyUplift; slate?: OffPolicyUplift };
}

/** What changes from a baseline simulation (e.g. the published version) to a draft, on the same dataset. */
export function compareSimulations(
  baseline: SimulationSummary,
  draft: SimulationSummary,
  options: CompareOptions = {},
): SimulationComparison {
  const comparison: SimulationComparison = {
    ...recommendationChanges(baseline, draft),
    nodes: nodeChanges(baseline.nodes, draft.nodes),
  };
  if (baseline.segments || draft.segments) {
    const before = new Map((baseline.segments?.groups ?? []).map((g) => [g.segment, g]));
    const after = new Map((draft.segments?.groups ?? []).map((g) => [g.segment, g]));
    comparison.segments = sortedUnion(before.keys(), after.keys()).map((segment) => ({
      segment,
      ...recommendationChanges(before.get(segment) ?? EMPTY, after.get(segment) ?? EMPTY),
    }));
  }
  if (baseline.actionFunnel && draft.actionFunnel)
    comparison.actionFunnel = compareActionFunnels(baseline.actionFunnel, draft.actionFunnel);
  if (baseline.topActions && draft.topActions)
    comparison.topActions = topActionChanges(baseline, draft, options.examples ?? 10);
  if (baseline.offPolicy && draft.offPolicy) {
    comparison.uplift = {
      top: options.uplift?.top ?? independentUplift(baseline.offPolicy.top, draft.offPolicy.top),
      slate: options.uplift?.slate ?? independentUplift(baseline.offPolicy.slate, draft.offPolicy.slate),
    };
  }
  return comparison;
}

const EMPTY: RecommendationFigures = {
  rows: 0,
  rowsWithoutRecommendation: 0,
  recommendations: 0,
  actions: [],
};

function change(baseline: number, draft: number): Change {
  return { baseline, draft, change: draft - baseline };
}

function optionalChange(baseline: number | null, draft: number | null): OptionalChange {
  return { baseline, draft, change: baseline === null || draft === null ? null : draft - baseline };
}

function recommendationChanges(
  baseline: RecommendationFigures,
  draft: RecommendationFigures,
): RecommendationChanges {
  const before = new Map(baseline.actions.map((a) => [a.actionId, a]));
  const after = new Map(draft.actions.map((a) => [a.actionId, a]));
  return {
    rows: change(baseline.rows, draft.rows),
    rowsWithoutRecommendation: change(baseline.rowsWithoutRecommendation, draft.rowsWithoutRecommendation),
    recommendations: change(baseline.recommendations, draft.recommendations),
    actions: sortedUnion(before.keys(), after.keys()).map((actionId) => {
      const b = before.get(actionId) ?? absentAction(actionId, baseline);
      const d = after.get(actionId) ?? absentAction(actionId, draft);
      return {
        actionId,
        eligible: change(b.eligible, d.eligible),
        top: change(b.top, d.top),
        topShare: optionalChange(b.topShare, d.topShare),
        recommendationShare: optionalChange(b.recommendationShare, d.recommendationShare),
        expectedAcceptances: change(b.expectedAcceptances, d.expectedAcceptances),
        expectedAcceptancesTop: change(b.expectedAcceptancesTop, d.expectedAcceptancesTop),
        expectedValue: change(b.expectedValue, d.expectedValue),
        expectedValueTop: change(b.expectedValueTop, d.expectedValueTop),
      };
    }),
  };
}

/** An action never recommended in a simulation: zero counts, and a zero share where shares exist. */
function absentAction(actionId: string, figures: RecommendationFigures): ActionFigures {
  const withRecommendation = figures.rows - figures.rowsWithoutRecommendation;
  return {
    actionId,
    eligible: 0,
    top: 0,
    topShare: withRecommendation === 0 ? null : 0,
    recommendationShare: figures.recommendations === 0 ? null : 0,
    expectedAcceptances: 0,
    expectedAcceptancesTop: 0,
    expectedValue: 0,
    expectedValueTop: 0,
    withoutPropensity: 0,
  };
}

function nodeChanges(baseline: NodeFigures[], draft: NodeFigures[]): NodeFunnelChange[] {
  const before = new Map(baseline.map((n) => [n.nodeId, n]));
  const after = new Map(draft.map((n) => [n.nodeId, n]));
  // The draft's evaluation order first, then nodes only the baseline has.
  const ids = [
    ...draft.map((n) => n.nodeId),
    ...baseline.map((n) => n.nodeId).filter((id) => !after.has(id)),
  ];
  return ids.map((nodeId) => {
    const b = before.get(nodeId);
    const d = after.get(nodeId);
    return {
      nodeId,
      inBoth: b !== undefined && d !== undefined,
      reached: change(b?.reached ?? 0, d?.reached ?? 0),
      in: change(b?.in ?? 0, d?.in ?? 0),
      out: change(b?.out ?? 0, d?.out ?? 0),
      passRate: optionalChange(b?.passRate ?? null, d?.passRate ?? null),
    };
  });
}

function topActionChanges(
  baseline: SimulationSummary,
  draft: SimulationSummary,
  examples: number,
): TopActionChanges {
  const before = new Map(baseline.topActions!.customers);
  let compared = 0;
  let changed = 0;
  const listed: TopActionChangeExample[] = [];
  // Both lists are sorted by customer id, so the examples are the first changed ids.
  for (const [customerId, after] of draft.topActions!.customers) {
    if (!before.has(customerId)) continue;
    compared++;
    const was = before.get(customerId)!;
    if (was === after) continue;
    changed++;
    if (listed.length < examples) listed.push({ customerId, before: was, after });
  }
  return {
    compared,
    changed,
    share: compared === 0 ? null : changed / compared,
    complete: baseline.topActions!.complete && draft.topActions!.complete,
    examples: listed,
  };
}

/** draft − baseline with the variance of independent estimates: conservative for estimates on the same rows. */
function independentUplift(baseline: OffPolicyEstimates, draft: OffPolicyEstimates): OffPolicyUplift {
  const level = draft.confidence;
  const difference = (b: Estimate, d: Estimate): Estimate => {
    const value = b.value === null || d.value === null ? null : d.value - b.value;
    const variance =
      b.standardError === null || d.standardError === null
        ? null
        : b.standardError ** 2 + d.standardError ** 2;
    return normalEstimate(value, variance, level);
  };
  return {
    baseline,
    draft,
    replay: difference(baseline.replay, draft.replay),
    ips: difference(baseline.ips, draft.ips),
    snips: difference(baseline.snips, draft.snips),
    paired: false,
  };
}

function sortedUnion(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort();
}
