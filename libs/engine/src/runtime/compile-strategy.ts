import { toActionFact, type ActionFact } from '../catalog/action';
import { PathSlots } from '../conditions/path-slots';
import { canonicalJson } from '../document/canonical-json';
import { contentHash } from '../document/content-hash';
import { sha256Hex } from '../document/sha256';
import { DEFAULT_HANDLE, type StrategyDocument } from '../document/strategy-document';
import { topologicalOrder } from '../graph/strategy-graph';
import type { NodeRuntime, StrategyEnvironment } from '../nodes/node-spec';
import { nodeSpec } from '../nodes/registry';
import { StrategyValidationError, type ProblemCode } from '../validation/problem';
import {
  dropCategory,
  FULL_TRACE_CANDIDATES,
  finishTrace,
  summariseNode,
  traceBounds,
  type TraceBounds,
} from './bounded-trace';
import { droppedCandidates } from './dropped-candidates';
import { validateStrategy } from '../validation/validate-strategy';
import type {
  Candidate,
  DecideOptions,
  DecisionInput,
  DecisionResult,
  DecisionState,
  DecisionTrace,
  NodeTrace,
  Recommendation,
} from './types';

export interface CompiledStrategy {
  /** Content hash of the document (what was simulated, approved and published). */
  readonly hash: string;
  decide(input: DecisionInput, options?: DecideOptions): DecisionResult;
  /**
   * The same decision for many rows, e.g. a simulation chunk: decide for each row in turn. What rows
   * could share is already shared at compile time (the plan, generated code, the predicate index and
   * its sorted thresholds); what remains is per customer (slot values, predicate verdicts, candidate
   * lists), so a batch path saves nothing measurable (measured: decideBatch and a loop of decide
   * run at the same rate in the engine bench), and rows stay independent, so a throwing row
   * cannot affect another.
   */
  decideBatch(inputs: readonly DecisionInput[], options?: DecideOptions): DecisionResult[];
}

interface PlanStep {
  id: string;
  type: string;
  label?: string;
  runtime: NodeRuntime;
  /** Slots (source node × handle) this node reads, in document edge order. */
  inputSlots: number[];
  /** Slot index per output handle of this node. */
  outputSlots: Map<string, number>;
  /** The slot when the node has exactly one output handle (most nodes): no lookup per decision. */
  singleOutputSlot?: number;
  /** More than one output handle: a trace names the branch taken. */
  branches: boolean;
  source: boolean;
  output: boolean;
}

/**
 * Validates and compiles a strategy into a plan of steps, its filters' rules as generated code (see
 * codegen). Throws StrategyValidationError with every problem if the document has errors. Use
 * compileCached to compile each version only once.
 */
export interface CompileOptions {
  /**
   * Problems that do not stop compiling: checks added after a version was approved, so that it
   * keeps deciding exactly as it was approved.
   */
  tolerate?: readonly ProblemCode[];
  /**
   * Conditions compiled to JavaScript and run with `new Function` (default true). false: closures
   * only, the reference implementation (for debugging; the API's ARBITER_ENGINE_CODEGEN=0). Where
   * `new Function` is not allowed (a page under a strict Content Security Policy) closures are used.
   */
  codegen?: boolean;
  /**
   * With codegen, a filter's rules run either as one generated function with every rule inlined, or
   * through an index: comparisons of customer/context values shared by many rules evaluated once
   * per decision (thresholds by binary search, equality by hash lookup), the other rules one
   * generated function each. Default: one function up to 500 actions, the index beyond (what
   * measured fastest); true or false forces the index or not.
   */
  indexConditions?: boolean;
}

export function compileStrategy(
  document: unknown,
  env: StrategyEnvironment = {},
  options: CompileOptions = {},
): CompiledStrategy {
  const validation = validateStrategy(document, env);
  const blocking = validation.problems.some(
    (p) => p.severity === 'error' && !options.tolerate?.includes(p.code),
  );
  if (blocking || !validation.document) throw new StrategyValidationError(validation.problems);
  const doc = validation.document;
  const actions: ActionFact[] = (env.actions ?? []).map((a, i) => toActionFact(a, i));
  const actionsById = new Map(actions.map((a) => [a.id, a]));
  const labels = { schema: env.schema };
  const slots = new PathSlots();
  const codegen = { enabled: options.codegen !== false, index: options.indexConditions };

  const outgoing = new Map(doc.nodes.map((n) => [n.id, doc.edges.filter((e) => e.source === n.id)]));
  const order = topologicalOrder(
    doc.nodes.map((n) => n.id),
    outgoing,
  );
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const slotOf = new Map<string, number>();
  const slot = (nodeId: string, handle: string) => {
    const key = `${nodeId}\u0000${handle}`;
    if (!slotOf.has(key)) slotOf.set(key, slotOf.size);
    return slotOf.get(key)!;
  };
  const steps: PlanStep[] = order.map((id) => {
    const node = nodes.get(id)!;
    const spec = nodeSpec(node.type)!;
    const config = validation.configs.get(id);
    const outputSlots = new Map(spec.outputHandles(config).map((h) => [h, slot(id, h)]));
    return {
      id,
      type: node.type,
      label: node.label,
      runtime: spec.compile(config, {
        nodeId: id,
        actions,
        actionsById,
        models: env.models ?? {},
        labels,
        slots,
        codegen,
      }),
      inputSlots: doc.edges
        .filter((e) => e.target === id)
        .map((e) => slot(e.source, e.sourceHandle ?? DEFAULT_HANDLE)),
      outputSlots,
      singleOutputSlot:
        spec.outputHandles(config).length === 1 ? slot(id, spec.outputHandles(config)[0]!) : undefined,
      source: spec.inputs === 'none',
      output: node.type === 'output',
      branches: outputSlots.size > 1,
    };
  });
  const slotCount = slotOf.size;
  let hash: string | undefined; // worked out when first asked: hashing a big catalog's document is not compiling it

  const decide = (input: DecisionInput, options: DecideOptions = {}): DecisionResult => {
    const state = decisionState(input, options);
    state.facts.slots = slots.resolve(state.facts);
    const lists: (Candidate[] | undefined)[] = new Array(slotCount);
    const trace = options.trace ? newTrace() : undefined;
    const bounds = options.trace === true ? traceBounds(options) : undefined;
    const detail = options.trace === true ? 'full' : options.trace === 'funnel' ? 'funnel' : 'counts';
    let result: Candidate[] = [];
    for (const step of steps) {
      let inputs: Candidate[][];
      if (step.source) inputs = [];
      else {
        inputs = [];
        for (const s of step.inputSlots) {
          const list = lists[s];
          if (list !== undefined) inputs.push(list);
        }
        if (inputs.length === 0) {
          trace?.nodes.push({
            nodeId: step.id,
            type: step.type,
            label: step.label,
            reached: false,
            in: 0,
            out: 0,
          });
          continue;
        }
      }
      const out = step.runtime.run(inputs, state);
      const target = step.singleOutputSlot ?? step.outputSlots.get(out.handle);
      if (target !== undefined) lists[target] = out.candidates;
      if (step.output) result = out.candidates;
      if (trace)
        trace.nodes.push(
          traceNode(step, inputs, out.candidates, out.handle, out.notes, state, detail, actions, bounds),
        );
      trace?.path.push(step.id);
    }
    const limited = options.limit !== undefined ? result.slice(0, Math.max(0, options.limit)) : result;
    if (trace && bounds) finishTrace(trace, limited, bounds);
    const decision: DecisionResult = { recommendations: limited.map(toRecommendation) };
    if (trace) decision.trace = trace;
    return decision;
  };

  return {
    get hash() {
      return (hash ??= contentHash(doc));
    },
    decide,
    decideBatch: (inputs, options) => inputs.map((input) => decide(input, options)),
  };
}

const compiledCache = new Map<string, CompiledStrategy>();
const CACHE_LIMIT = 256;

interface SameObjects {
  actions: StrategyEnvironment['actions'];
  schema: StrategyEnvironment['schema'];
  models: StrategyEnvironment['models'];
  options: string;
  compiled: CompiledStrategy;
}
const byDocument = new WeakMap<object, SameObjects[]>();
const OBJECTS_PER_DOCUMENT = 8;

/**
 * compileStrategy, cached; a hit costs microseconds.
 * - The same document object with the same catalog, schema and models objects (and equal options)
 *   is found by identity (a WeakMap on the document), without reading the document. compileCached
 *   therefore treats what it is given as values: a changed document, catalog, schema or model
 *   registry is a new object (as the API's parsed documents and loaded environments are), never
 *   one changed in place; change one in place and call compileStrategy instead.
 * - Anything else is found by content: the SHA-256 (node:crypto on Node) of the canonical JSON of
 *   the document (positions left out) and of the environment, so equal content read again (a
 *   version loaded from the database) compiles once. A change of content is a new key, so a stale
 *   plan is never returned; the least recently added of 256 plans is dropped.
 */
export function compileCached(
  document: StrategyDocument,
  env: StrategyEnvironment = {},
  options: CompileOptions = {},
): CompiledStrategy {
  const optionsKey = `${(options.tolerate ?? []).join(',')}|${options.codegen !== false}|${options.indexConditions}`;
  const known = typeof document === 'object' && document !== null ? byDocument.get(document) : undefined;
  const same = known?.find(
    (e) =>
      e.actions === env.actions &&
      e.schema === env.schema &&
      e.models === env.models &&
      e.options === optionsKey,
  );
  if (same) return same.compiled;
  let key: string;
  try {
    key = `${contentHash(document)}:${sha256Hex(canonicalJson({ actions: env.actions ?? [], schema: env.schema ?? {}, models: env.models ?? {} }))}:${optionsKey}`;
  } catch {
    return compileStrategy(document, env, options); // not hashable, so not a valid document: report its problems
  }
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = compileStrategy(document, env, options);
    if (compiledCache.size >= CACHE_LIMIT) compiledCache.delete(compiledCache.keys().next().value!);
    compiledCache.set(key, compiled);
  }
  const entries = known ?? [];
  if (!known) byDocument.set(document, entries);
  if (entries.length >= OBJECTS_PER_DOCUMENT) entries.shift();
  entries.push({
    actions: env.actions,
    schema: env.schema,
    models: env.models,
    options: optionsKey,
    compiled,
  });
  return compiled;
}

/** Per-decision state; the decision time is worked out only if a node asks for it. */
class State implements DecisionState {
  readonly facts: DecisionState['facts'];
  readonly history: DecisionState['history'];
  parsedHistory?: DecisionState['parsedHistory'];
  private time?: number;

  constructor(
    readonly customer: Record<string, unknown>,
    readonly context: Record<string, unknown>,
    history: DecisionInput['history'],
    private readonly fallbackNow: number | undefined,
  ) {
    this.history = history ?? [];
    this.facts = { customer, context, action: {}, fields: {} };
  }

  get now(): number {
    if (this.time === undefined) {
      const given = this.context.now;
      const parsed = typeof given === 'string' ? Date.parse(given) : typeof given === 'number' ? given : NaN;
      this.time = Number.isFinite(parsed) ? parsed : (this.fallbackNow ?? Date.now());
    }
    return this.time;
  }
}

function decisionState(input: DecisionInput, options: DecideOptions): DecisionState {
  return new State(input.customer ?? {}, input.context ?? {}, input.history, options.now);
}

function toRecommendation(c: Candidate, i: number): Recommendation {
  const { action, fields } = c;
  const rec: Recommendation = { rank: i + 1, actionId: action.id, name: action.name, fields: { ...fields } };
  if (action.group !== undefined) rec.group = action.group;
  if (action.channel !== undefined) rec.channel = action.channel;
  if (fields.propensity !== undefined) rec.propensity = fields.propensity;
  const value = fields.value ?? action.value;
  if (value !== undefined) rec.value = value;
  if (fields.priority !== undefined) rec.priority = fields.priority;
  return rec;
}

function newTrace(): DecisionTrace {
  return { path: [], nodes: [] };
}

function traceNode(
  step: PlanStep,
  inputs: Candidate[][],
  out: Candidate[],
  handle: string,
  notes: string[] | undefined,
  state: DecisionState,
  detail: 'full' | 'funnel' | 'counts',
  catalog: readonly ActionFact[],
  bounds?: TraceBounds,
): NodeTrace {
  const incoming = step.source
    ? (step.runtime.selected ?? catalog.map((action) => ({ action, fields: {} })))
    : inputs.length === 1
      ? inputs[0]!
      : inputs.flat();
  if (detail === 'funnel') return funnelNode(step, incoming, out, handle, state);
  const node: NodeTrace = {
    nodeId: step.id,
    type: step.type,
    reached: true,
    in: incoming.length,
    out: out.length,
  };
  if (step.label) node.label = step.label;
  if (step.branches) node.branch = handle;
  if (detail !== 'full') return node;
  if (bounds && incoming.length > FULL_TRACE_CANDIDATES)
    return summariseNode(node, step.runtime, incoming, out, notes, state, bounds);
  const lists = { inputs: incoming, output: out };
  const outputNotes = step.runtime.explainOutput?.(state, lists);
  const allNotes = outputNotes?.length ? [...(notes ?? []), ...outputNotes] : notes;
  if (allNotes?.length) node.notes = allNotes;
  // Count occurrences, so that an action arriving twice at a merge and kept once is listed as dropped once.
  const keptCount = new Map<string, number>();
  for (const c of out) keptCount.set(c.action.id, (keptCount.get(c.action.id) ?? 0) + 1);
  node.dropped = [];
  for (const c of incoming) {
    const left = keptCount.get(c.action.id) ?? 0;
    if (left > 0) {
      keptCount.set(c.action.id, left - 1);
      continue;
    }
    const category = dropCategory(step.runtime, c, state, lists);
    node.dropped.push({
      actionId: c.action.id,
      reason: step.runtime.explainDrop?.(c, state, lists) ?? category,
      category,
    });
  }
  node.kept = out.map((c) => {
    const details = step.runtime.explainKept?.(c, state, lists);
    return { actionId: c.action.id, fields: { ...c.fields }, ...(details ? { details } : {}) };
  });
  return node;
}

/**
 * The funnel trace of a node: the list it let out (no copy) and each dropped candidate with a reason
 * that does not depend on the customer's values, so a simulation can count them.
 */
function funnelNode(
  step: PlanStep,
  incoming: readonly Candidate[],
  out: readonly Candidate[],
  handle: string,
  state: DecisionState,
): NodeTrace {
  const dropped = out.length < incoming.length ? funnelDrops(step.runtime, incoming, out, state) : undefined;
  const { id: nodeId, type, label } = step;
  // A node with a label and one output (the usual one) in one literal, made per node of every row;
  // the properties in the order traceNode adds them, as traces are compared as text.
  if (label && !step.branches) {
    return dropped
      ? {
          nodeId,
          type,
          reached: true,
          in: incoming.length,
          out: out.length,
          label,
          candidatesOut: out,
          dropped,
        }
      : { nodeId, type, reached: true, in: incoming.length, out: out.length, label, candidatesOut: out };
  }
  const node: NodeTrace = { nodeId, type, reached: true, in: incoming.length, out: out.length };
  if (label) node.label = label;
  if (step.branches) node.branch = handle;
  node.candidatesOut = out;
  if (dropped) node.dropped = dropped;
  return node;
}

function funnelDrops(
  runtime: NodeRuntime,
  incoming: readonly Candidate[],
  out: readonly Candidate[],
  state: DecisionState,
): NonNullable<NodeTrace['dropped']> {
  const lists = { inputs: incoming, output: out };
  const dropped = droppedCandidates(incoming, out);
  const reasons = runtime.dropReasons?.(dropped, state, lists);
  return dropped.map((c, i) => {
    const reason =
      reasons?.[i] ??
      runtime.dropReason?.(c, state, lists) ??
      runtime.explainDrop?.(c, state, lists) ??
      'dropped';
    return { actionId: c.action.id, name: c.action.name, reason };
  });
}
