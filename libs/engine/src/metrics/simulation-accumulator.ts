import type { DecisionResult } from '../runtime/types';
import { ActionFunnel, type ActionFunnelJSON } from './action-funnel';
import { BoundedGroups, type BoundedGroupsJSON, type GroupKind } from './bounded-groups';
import { FairnessTally, type FairnessTallyJSON } from './fairness';
import { NodeFunnel, type NodeFunnelJSON } from './node-funnel';
import {
  OffPolicyAccumulator,
  policyProbability,
  topRecommendation,
  type OffPolicyJSON,
  type OffPolicyOptions,
} from './off-policy';
import {
  RECOMMENDATION_TALLY_GROUP,
  RecommendationTally,
  type RecommendationTallyJSON,
} from './recommendation-tally';
import type { SimulationSummary } from './simulation-summary';

/** What was logged for a row of the dataset, when the dataset maps these columns. */
export interface LoggedAction {
  actionId: string;
  /** 0/1 (accepted, clicked, converted) or a reward. */
  outcome: number;
  /** Probability with which the logging policy chose the action. */
  propensity?: number;
}

/** One dataset row after the strategy decided for it. */
export interface SimulationRow {
  customerId?: string | undefined;
  /** Value of the segment column chosen by the analyst. */
  segment?: string | undefined;
  /**
   * The decision, with a trace or none: 'counts' for the node funnel; 'funnel' (what simulations use)
   * also for the per-action funnel and drops counted by reason; a full trace counts every drop by
   * its reason for this customer.
   */
  result: DecisionResult;
  logged?: LoggedAction | undefined;
  /** The row's value of each protected customer field (undefined: none), for the fairness check. */
  protectedValues?: Readonly<Record<string, unknown>> | undefined;
}

export interface SimulationOptions {
  /** Keep the rank-1 action of up to this many customer ids, for comparing simulations. Default: none. */
  customers?: number;
  /** Segments reported separately; further segments are reported together. Default 100. */
  segments?: number;
  /** Distinct drop reasons counted exactly per node. Default 1000. */
  reasonsPerNode?: number;
  /** Drop reasons listed per node. Default 20. */
  topReasons?: number;
  /** Confidence level and bootstrap of the off-policy estimates; the bootstrap needs a customerId on every logged row. */
  offPolicy?: OffPolicyOptions;
}

interface ResolvedOptions {
  customers: number;
  segments: number;
  reasonsPerNode: number;
  topReasons: number;
  offPolicy: OffPolicyOptions;
}

interface TopAction {
  seen: boolean;
  actionId: string | null;
}

// A customer id appearing on several rows keeps its smallest rank-1 action (null first), so that
// the record does not depend on the order of rows; datasets normally have one row per customer.
const TOP_ACTION: GroupKind<TopAction, { actionId: string | null } | null> = {
  create: () => ({ seen: false, actionId: null }),
  combine: (into, from) => {
    if (!from.seen) return;
    if (!into.seen || (into.actionId !== null && (from.actionId === null || from.actionId < into.actionId)))
      into.actionId = from.actionId;
    into.seen = true;
  },
  toJSON: (t) => (t.seen ? { actionId: t.actionId } : null),
  fromJSON: (j) => (j === null ? { seen: false, actionId: null } : { seen: true, actionId: j.actionId }),
};

export interface SimulationJSON {
  kind: 'simulation';
  version: 1;
  options: ResolvedOptions;
  overall: RecommendationTallyJSON;
  funnel: NodeFunnelJSON;
  segments: BoundedGroupsJSON<RecommendationTallyJSON>;
  customerRows: number;
  customers?: BoundedGroupsJSON<{ actionId: string | null } | null>;
  offPolicy: { top: OffPolicyJSON; slate: OffPolicyJSON };
  actionFunnel?: ActionFunnelJSON;
  fairness?: FairnessTallyJSON;
}

/**
 * The figures of a simulation, fed one decided row at a time. Chunks accumulated by different
 * workers are stored with toJSON and combined with merge: any split of the rows into chunks,
 * merged in any order, gives exactly the summary of one pass.
 */
export class SimulationAccumulator {
  private readonly options: ResolvedOptions;
  private overall = new RecommendationTally();
  private funnel: NodeFunnel;
  private actionFunnel = new ActionFunnel();
  private segments: BoundedGroups<RecommendationTally, RecommendationTallyJSON>;
  private customerRows = 0;
  private customers: BoundedGroups<TopAction, { actionId: string | null } | null> | undefined;
  private offPolicyTop: OffPolicyAccumulator;
  private offPolicySlate: OffPolicyAccumulator;
  /** Created by the first row with protected values. */
  private fairness: FairnessTally | undefined;

  constructor(options: SimulationOptions = {}) {
    this.options = {
      customers: options.customers ?? 0,
      segments: options.segments ?? 100,
      reasonsPerNode: options.reasonsPerNode ?? 1000,
      topReasons: options.topReasons ?? 20,
      offPolicy: resolveOffPolicyOptions(options.offPolicy),
    };
    this.funnel = new NodeFunnel(this.options.reasonsPerNode, this.options.topReasons);
    this.segments = new BoundedGroups(this.options.segments, RECOMMENDATION_TALLY_GROUP);
    if (this.options.customers > 0) this.customers = new BoundedGroups(this.options.customers, TOP_ACTION);
    this.offPolicyTop = new OffPolicyAccumulator(this.options.offPolicy);
    this.offPolicySlate = new OffPolicyAccumulator(this.options.offPolicy);
  }

  add(row: SimulationRow): this {
    const { result, customerId } = row;
    // Found once per row: the tally, the funnel, the customers and the off-policy view all need it.
    const top = topRecommendation(result);
    this.overall.add(result, top);
    this.funnel.add(result.trace);
    this.actionFunnel.add(result, top);
    if (row.segment !== undefined) this.segments.groupFor(row.segment).add(result, top);
    if (customerId !== undefined) {
      this.customerRows++;
      if (this.customers)
        TOP_ACTION.combine(this.customers.groupFor(customerId), {
          seen: true,
          actionId: top?.actionId ?? null,
        });
    }
    if (row.protectedValues) (this.fairness ??= new FairnessTally()).add(row.protectedValues, result);
    const logged = row.logged;
    if (logged) {
      // Rows of one shape (no spread): the off-policy accumulators see them at every logged row.
      const { actionId, outcome, propensity } = logged;
      this.offPolicyTop.add({
        outcome,
        propensity,
        key: customerId,
        targetProbability: top?.actionId === actionId ? 1 : 0,
      });
      this.offPolicySlate.add({
        outcome,
        propensity,
        key: customerId,
        targetProbability: policyProbability(result, actionId, 'slate'),
      });
    }
    return this;
  }

  merge(other: SimulationAccumulator): this {
    if (JSON.stringify(other.options) !== JSON.stringify(this.options))
      throw new Error('cannot merge simulations accumulated with different options');
    this.overall.merge(other.overall);
    this.funnel.merge(other.funnel);
    this.actionFunnel.merge(other.actionFunnel);
    this.segments.merge(other.segments);
    this.customerRows += other.customerRows;
    if (this.customers && other.customers) this.customers.merge(other.customers);
    this.offPolicyTop.merge(other.offPolicyTop);
    this.offPolicySlate.merge(other.offPolicySlate);
    if (other.fairness) (this.fairness ??= new FairnessTally(other.fairness.capacity)).merge(other.fairness);
    return this;
  }

  summary(): SimulationSummary {
    const summary: SimulationSummary = {
      ...this.overall.figures(),
      rowsWithTrace: this.funnel.rowsWithTrace,
      nodes: this.funnel.figures(),
    };
    if (this.actionFunnel.rows > 0) summary.actionFunnel = this.actionFunnel.figures();
    const overflow = this.segments.overflow();
    if (this.segments.size > 0 || overflow.rows > 0) {
      summary.segments = {
        groups: this.segments.entries().map(([segment, tally]) => ({ segment, ...tally.figures() })),
        other: overflow.rows > 0 ? overflow.figures() : null,
        complete: this.segments.complete(),
      };
    }
    const top = this.offPolicyTop.estimates();
    if (top.rows > 0) summary.offPolicy = { top, slate: this.offPolicySlate.estimates() };
    if (this.fairness) summary.fairness = this.fairness.figures();
    if (this.customers) {
      summary.topActions = {
        rows: this.customerRows,
        customers: this.customers.entries().map(([id, t]) => [id, t.actionId]),
        complete: this.customers.complete(),
      };
    }
    return summary;
  }

  toJSON(): SimulationJSON {
    return {
      kind: 'simulation',
      version: 1,
      options: this.options,
      overall: this.overall.toJSON(),
      funnel: this.funnel.toJSON(),
      segments: this.segments.toJSON(),
      customerRows: this.customerRows,
      ...(this.customers ? { customers: this.customers.toJSON() } : {}),
      offPolicy: { top: this.offPolicyTop.toJSON(), slate: this.offPolicySlate.toJSON() },
      ...(this.actionFunnel.rows > 0 ? { actionFunnel: this.actionFunnel.toJSON() } : {}),
      ...(this.fairness ? { fairness: this.fairness.toJSON() } : {}),
    };
  }

  static fromJSON(json: SimulationJSON): SimulationAccumulator {
    if (json.kind !== 'simulation' || json.version !== 1)
      throw new Error('not a simulation accumulator (version 1)');
    const acc = new SimulationAccumulator(json.options);
    acc.overall = RecommendationTally.fromJSON(json.overall);
    acc.funnel = NodeFunnel.fromJSON(json.funnel, json.options.reasonsPerNode, json.options.topReasons);
    acc.segments = BoundedGroups.fromJSON(json.segments, RECOMMENDATION_TALLY_GROUP);
    acc.customerRows = json.customerRows;
    if (json.customers) acc.customers = BoundedGroups.fromJSON(json.customers, TOP_ACTION);
    acc.offPolicyTop = OffPolicyAccumulator.fromJSON(json.offPolicy.top);
    acc.offPolicySlate = OffPolicyAccumulator.fromJSON(json.offPolicy.slate);
    if (json.actionFunnel) acc.actionFunnel = ActionFunnel.fromJSON(json.actionFunnel);
    if (json.fairness) acc.fairness = FairnessTally.fromJSON(json.fairness);
    return acc;
  }
}

// Options are compared as JSON before merging, so their keys are put in one order.
function resolveOffPolicyOptions(options: OffPolicyOptions = {}): OffPolicyOptions {
  return {
    ...(options.confidence !== undefined ? { confidence: options.confidence } : {}),
    ...(options.bootstrap
      ? { bootstrap: { replicates: options.bootstrap.replicates, seed: options.bootstrap.seed } }
      : {}),
  };
}
