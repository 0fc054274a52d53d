import type { z } from 'zod';
import type { ActionDefinition, ActionFact } from '../catalog/action';
import type { DataSchema } from '../catalog/fields';
import type { Labels } from '../conditions/describe-condition';
import type { PathSlots } from '../conditions/path-slots';
import type { ModelSpec } from '../models/model-spec';
import type { ValidationProblem } from '../validation/problem';
import type { Candidate, DecisionState } from '../runtime/types';

/** What a strategy is checked and compiled against, besides its own document. */
export interface StrategyEnvironment {
  /** The action catalog. */
  actions?: readonly ActionDefinition[];
  /** Declared customer and context fields. */
  schema?: DataSchema;
  /** Trained or shared models that score nodes may reference by id. */
  models?: Readonly<Record<string, ModelSpec>>;
}

export interface CheckContext {
  nodeId: string;
  env: StrategyEnvironment;
  actionIds?: ReadonlySet<string>;
  groups?: ReadonlySet<string>;
  actionFields?: ReadonlySet<string>;
}

export interface CompileContext {
  nodeId: string;
  actions: readonly ActionFact[];
  actionsById: ReadonlyMap<string, ActionFact>;
  models: Readonly<Record<string, ModelSpec>>;
  labels: Labels;
  /** Customer/context paths resolved once per decision, shared by all conditions of the strategy. */
  slots: PathSlots;
  /**
   * Conditions as generated code (`enabled`), with shared comparisons indexed (`index`: true,
   * false, or undefined to choose by catalog size); absent or disabled: closures (compileCondition),
   * the reference. See CompileOptions.codegen and indexConditions.
   */
  codegen?: { enabled: boolean; index?: boolean };
}

export interface NodeResult {
  /** Output handle the list leaves by ("out", or a split branch). */
  handle: string;
  candidates: Candidate[];
  notes?: string[];
}

/** The candidates a node got (`inputs`, all incoming lists together) and those it let through. */
export interface NodeLists {
  inputs: readonly Candidate[];
  output: readonly Candidate[];
}

/** A node compiled once per strategy version; `run` is called for every decision. */
export interface NodeRuntime {
  run(inputs: readonly Candidate[][], state: DecisionState): NodeResult;
  /**
   * A source's own candidates (the actions it selects from the catalog): its trace counts and explains
   * only these, not every other strategy's actions in a shared catalog. Without it: the whole catalog.
   */
  selected?: readonly Candidate[];
  /** Why a candidate that came in did not go out; only called when tracing. */
  explainDrop?(candidate: Candidate, state: DecisionState, lists: NodeLists): string;
  /**
   * Why a candidate that came in did not go out, in words that hold for every customer dropped the
   * same way (the rule, the limit, the cut; no customer values), so that a simulation can count drops
   * by reason. Called for funnel traces, and for full ones without dropCategory; without it
   * explainDrop's words are counted.
   */
  dropReason?(candidate: Candidate, state: DecisionState, lists: NodeLists): string;
  /**
   * dropReason of each of a node's dropped candidates (in their order), for a funnel trace: one call
   * per node and decision, so that work the candidates share is done once. Without it dropReason is
   * called for each.
   */
  dropReasons?(dropped: readonly Candidate[], state: DecisionState, lists: NodeLists): string[];
  /**
   * Why a candidate was dropped, in a few words many candidates share (a filter: the field of the
   * first check that failed, "action rule fails on age"), by which a full trace groups and counts
   * drops (see runtime/bounded-trace.ts). Without it dropReason's words are used, then explainDrop's:
   * a node whose explainDrop names the candidate's own values needs one of the two.
   */
  dropCategory?(candidate: Candidate, state: DecisionState, lists: NodeLists): string;
  /** Extra facts about a candidate that went out (e.g. arbitration terms); only called when tracing. */
  explainKept?(
    candidate: Candidate,
    state: DecisionState,
    lists: NodeLists,
  ): Record<string, unknown> | undefined;
  /**
   * Notes in words about what went out, listed with the node's notes where readers of an explanation
   * see them (e.g. what moved each score); only called for a full trace.
   */
  explainOutput?(state: DecisionState, lists: NodeLists): string[];
}

/**
 * Everything the engine knows about one node type. Adding a node type means one folder with one of
 * these, registered in nodes/registry.ts; the studio keeps its side in a folder of the same name.
 */
export interface NodeSpec<C> {
  type: string;
  title: string;
  description: string;
  /** How many incoming edges the node takes: none (a source), exactly one, or one or more. */
  inputs: 'none' | 'one' | 'many';
  configSchema: z.ZodType<C>;
  defaultConfig(): C;
  /** Output handles: [] for the output node, ["out"] for most, the branch ids for a split. */
  outputHandles(config: C): string[];
  /** Checks beyond the schema (conditions, references to actions and models). */
  check?(config: C, ctx: CheckContext): ValidationProblem[];
  /** Candidate fields the node sets, so later nodes can be checked for reading unset fields. */
  setsFields?(config: C): string[];
  compile(config: C, ctx: CompileContext): NodeRuntime;
  /** One line saying what the node does, e.g. "top 3 by priority". */
  summarize(config: C, labels: Labels): string;
}

/** Keeps each spec's own config type while the registry holds them side by side. */
export function defineNode<C>(spec: NodeSpec<C>): NodeSpec<C> {
  return spec;
}
