import {
  compileStrategy,
  StrategyValidationError,
  type DecisionInput,
  type DecisionResult,
  type StrategyDocument,
  type StrategyEnvironment,
} from '@arbiter/engine';

export type RunOutcome = { ok: true; result: DecisionResult } | { ok: false; message: string };

/**
 * Runs the strategy in the browser with the same engine the server uses, with the full trace. As the
 * engine's closures (its reference): one test decision gains nothing from generated code, and the
 * studio's Content-Security-Policy forbids `new Function` (trying would log a violation).
 */
export function runStrategy(
  doc: StrategyDocument,
  env: StrategyEnvironment,
  input: DecisionInput,
  /** Actions whose full story the trace tells at every step, however many candidates it has. */
  traceActions?: readonly string[],
): RunOutcome {
  try {
    return {
      ok: true,
      result: compileStrategy(doc, env, { codegen: false }).decide(input, { trace: true, traceActions }),
    };
  } catch (err) {
    return failure(err);
  }
}

/** Each customer's decision, without a trace, from one compilation of the strategy (saved test cases). */
export function decideEach(
  doc: StrategyDocument,
  env: StrategyEnvironment,
  inputs: readonly DecisionInput[],
): RunOutcome[] {
  // Nothing to decide: no compiling (a large strategy takes a long task to compile).
  if (inputs.length === 0) return [];
  let strategy: ReturnType<typeof compileStrategy>;
  try {
    strategy = compileStrategy(doc, env, { codegen: false });
  } catch (err) {
    const failed = failure(err);
    return inputs.map(() => failed);
  }
  return inputs.map((input) => {
    try {
      return { ok: true, result: strategy.decide(input) };
    } catch (err) {
      return failure(err);
    }
  });
}

function failure(err: unknown): RunOutcome {
  if (err instanceof StrategyValidationError) {
    const errors = err.problems.filter((p) => p.severity === 'error').length;
    return {
      ok: false,
      message: `Fix the ${errors} problem${errors === 1 ? '' : 's'} marked in red first; then the strategy can run.`,
    };
  }
  return { ok: false, message: `The strategy could not run: ${(err as Error).message}` };
}

/**
 * The part of the strategy up to `nodeId`, ending in an output right after it. Lets a panel preview
 * what reaches its node while the rest of the strategy is still being built.
 */
export function documentUpTo(doc: StrategyDocument, nodeId: string): StrategyDocument {
  const keep = new Set([nodeId]);
  const stack = [nodeId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const e of doc.edges) {
      if (e.target === id && !keep.has(e.source)) {
        keep.add(e.source);
        stack.push(e.source);
      }
    }
  }
  const outputId = '__preview-output';
  return {
    ...doc,
    nodes: [...doc.nodes.filter((n) => keep.has(n.id)), { id: outputId, type: 'output', config: {} }],
    edges: [
      ...doc.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
      { source: nodeId, target: outputId },
    ],
  };
}

export interface RankedEntry {
  actionId: string;
  name: string;
  priority: number;
}

/** The candidates leaving `nodeId` for this customer, best first by `field`. */
export function rankingAfter(
  doc: StrategyDocument,
  env: StrategyEnvironment,
  nodeId: string,
  input: DecisionInput,
  field = 'priority',
): RankedEntry[] | string {
  const outcome = runStrategy(documentUpTo(doc, nodeId), env, input);
  if (!outcome.ok) return outcome.message;
  const node = outcome.result.trace?.nodes.find((n) => n.nodeId === nodeId);
  if (!node?.reached) return 'This customer does not reach this step.';
  const names = new Map((env.actions ?? []).map((a) => [a.id, a.name]));
  return (node.kept ?? [])
    .map((k) => ({
      actionId: k.actionId,
      name: names.get(k.actionId) ?? k.actionId,
      priority: k.fields[field] ?? 0,
    }))
    .sort((a, b) => b.priority - a.priority || (a.actionId < b.actionId ? -1 : 1));
}
