import type { FairnessFigures } from './fairness';
import type { ActionFunnelFigures } from './action-funnel';
import type { OffPolicyEstimates } from './off-policy';

/** What a simulation reports for one action. */
export interface ActionFigures {
  actionId: string;
  /**
   * Rows where the action was recommended at any rank (it survived every step up to the output). An
   * action eligible up to a rank cut but never recommended is not here: see `actionFunnel`.
   */
  eligible: number;
  /** Rows where it was the top (rank-1) recommendation. */
  top: number;
  /** top / rows with a recommendation. */
  topShare: number | null;
  /** eligible / all recommendations made. */
  recommendationShare: number | null;
  /** Σ propensity over the rows where it was recommended (at any rank). */
  expectedAcceptances: number;
  /** Σ propensity over the rows where it was the top recommendation. */
  expectedAcceptancesTop: number;
  /** Σ propensity × value, at any rank. */
  expectedValue: number;
  /** Σ propensity × value, as the top recommendation. */
  expectedValueTop: number;
  /** Recommendations without a propensity: left out of the expected figures. */
  withoutPropensity: number;
}

/** Recommendation figures of a set of rows: the whole dataset or one segment. */
export interface RecommendationFigures {
  rows: number;
  rowsWithoutRecommendation: number;
  /** Recommendations made, all ranks together. */
  recommendations: number;
  /** By action id. */
  actions: ActionFigures[];
}

export interface SegmentFigures extends RecommendationFigures {
  segment: string;
}

export interface DropReasonCount {
  reason: string;
  count: number;
}

/** Why candidates were dropped at a node, from funnel traces (reasons without customer values) or full ones. */
export interface NodeDrops {
  /** Rows with a funnel or full trace that reached the node. */
  rows: number;
  /** Candidates dropped there. */
  dropped: number;
  /** The most frequent reasons, most frequent first. */
  reasons: DropReasonCount[];
  /** Drops not listed in `reasons`. */
  other: number;
  /** False when there were so many distinct reasons that only a deterministic sample of them was counted. */
  complete: boolean;
}

/** The funnel of one node: candidates in and out, summed over the rows that reached it. */
export interface NodeFigures {
  nodeId: string;
  type: string;
  /** Rows (with a trace) whose decision reached the node. */
  reached: number;
  in: number;
  out: number;
  /** out / in, or null when no candidate came in. */
  passRate: number | null;
  /** For splits: rows per branch taken. */
  branches: Record<string, number>;
  drops?: NodeDrops;
}

/** The rank-1 action of each customer id kept for comparisons (null: no recommendation). */
export interface TopActionsByCustomer {
  /** Rows that had a customer id. */
  rows: number;
  /** [customer id, rank-1 action id], by customer id. */
  customers: [string, string | null][];
  /** False when more ids were seen than kept; the kept ids are those with the smallest hash, the same in every simulation. */
  complete: boolean;
}

export interface SimulationSummary extends RecommendationFigures {
  /** Rows whose decision came with a trace (the node funnel covers these). */
  rowsWithTrace: number;
  /** In evaluation order. */
  nodes: NodeFigures[];
  /** Per segment, when rows had one. */
  segments?: {
    groups: SegmentFigures[];
    /** Rows of segments beyond the kept number of segments, together. */
    other: RecommendationFigures | null;
    complete: boolean;
  };
  /** When rows had a logged action and outcome. */
  offPolicy?: {
    /** The rank-1 recommendation as the decision. */
    top: OffPolicyEstimates;
    /** The whole list of recommendations as the decision (one of them shown, uniformly). */
    slate: OffPolicyEstimates;
  };
  topActions?: TopActionsByCustomer;
  /** Per action, eligible after each step, recommended and first, when rows had funnel traces. */
  actionFunnel?: ActionFunnelFigures;
  /** Per protected customer field in the data, when the simulation was given protected fields. */
  fairness?: FairnessFigures;
}
