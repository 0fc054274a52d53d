import type { ActionFact } from '../catalog/action';
import type { ConditionFacts } from '../conditions/types';

export const OUTCOMES = ['shown', 'accepted', 'declined', 'ignored', 'clicked', 'converted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One past contact with the customer: an action shown, and what the customer did. */
export interface Interaction {
  actionId: string;
  outcome: Outcome;
  /** ISO 8601 time of the interaction. */
  at: string;
  channel?: string;
  group?: string;
}

export interface DecisionInput {
  customer: Record<string, unknown>;
  /** The moment and place of the decision; `context.now` (ISO 8601) makes a decision reproducible. */
  context?: Record<string, unknown>;
  history?: readonly Interaction[];
}

/** An action on its way through the strategy, with the numbers nodes computed for it. */
export interface Candidate {
  readonly action: ActionFact;
  readonly fields: Readonly<Record<string, number>>;
}

export interface Recommendation {
  rank: number;
  actionId: string;
  name: string;
  group?: string;
  channel?: string;
  propensity?: number;
  value?: number;
  priority?: number;
  fields: Record<string, number>;
}

export interface DecideOptions {
  /**
   * `true`: full trace with reasons in words; `'counts'`: only candidates in/out per node;
   * `'funnel'`: the counts, the candidates each node let out and, for each dropped candidate, a reason
   * that holds for every customer dropped the same way (for counting drops over many decisions).
   */
  trace?: boolean | 'counts' | 'funnel';
  /**
   * Full trace of a node with more than 100 candidates: how many dropped candidates it lists by name
   * and how many top recommendations get their full story (default 20; see bounded-trace.ts).
   */
  traceLimit?: number;
  /** Action ids whose full story a full trace tells at every node, however many candidates it has. */
  traceActions?: readonly string[];
  /** Keep at most this many recommendations (after the strategy's own limits). */
  limit?: number;
  /** Decision time in ms since epoch when `context.now` is absent; defaults to the clock. */
  now?: number;
}

export interface DecisionResult {
  recommendations: Recommendation[];
  trace?: DecisionTrace;
}

export interface DecisionTrace {
  /** Node ids reached, in evaluation order. */
  path: string[];
  nodes: NodeTrace[];
}

export interface NodeTrace {
  nodeId: string;
  type: string;
  label?: string;
  reached: boolean;
  in: number;
  out: number;
  /** For a split: the branch the customer took. */
  branch?: string;
  /**
   * Why each candidate that came in did not go out. Full trace: in words about this customer ("age 17
   * is not ≥ 18"). Funnel trace: in words without the customer's values ("needs age ≥ 18"), with the
   * action's name.
   * `category` (full trace only): the reason in words the candidates dropped the same way share
   * ("below the top 3 by value", "fails on age"; see NodeRuntime.dropCategory), by which a reader
   * groups and counts the drops; `reason` stays the story of this one candidate.
   */
  dropped?: { actionId: string; reason: string; category?: string; name?: string }[];
  /** Funnel trace only: the list the node let out, as it is (read it, never change it). */
  candidatesOut?: readonly Candidate[];
  /** What went out, with the fields computed so far and node-specific details (full trace only). */
  kept?: { actionId: string; fields: Record<string, number>; details?: Record<string, unknown> }[];
  /** Notes about the node as a whole, e.g. why a split chose its branch. */
  notes?: string[];
  /**
   * Full trace of a node with more than 100 candidates: `dropped` then lists only the first ones
   * (and the asked-about actions), `kept` only the top recommendations and the asked-about actions,
   * and this counts the rest.
   */
  summary?: {
    /**
     * Drops by reason (words many candidates share), most frequent first, at most 20; counted over
     * `reasonsCounted` drops spread evenly over all of them (every drop up to 500).
     */
    reasons: { reason: string; count: number }[];
    /** The counted drops whose reasons are not among those listed. */
    otherReasons?: { reasons: number; count: number };
    reasonsCounted: number;
    droppedNotListed: number;
    keptNotListed: number;
  };
}

/** Per-decision values every node may read; built once per decision. */
export interface DecisionState {
  readonly customer: Record<string, unknown>;
  readonly context: Record<string, unknown>;
  readonly now: number;
  readonly history: readonly Interaction[];
  /** Scratch facts object reused for condition evaluation (action/fields are swapped per candidate). */
  readonly facts: ConditionFacts;
  /** Parsed history, computed on first use. */
  parsedHistory?: readonly ParsedInteraction[];
}

export interface ParsedInteraction {
  actionId: string;
  outcome: Outcome;
  at: number;
  group?: string;
  channel?: string;
}
