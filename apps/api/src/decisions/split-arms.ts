import type { DecideOptions, DecisionTrace } from '@arbiter/engine';
import type { SplitArm } from '../decision-log/decision-log.writer';

/** Whether a strategy document has a split step, whose arms each decision then logs. */
export function hasSplit(document: unknown): boolean {
  const nodes = (document as { nodes?: { type?: unknown }[] } | null)?.nodes;
  return Array.isArray(nodes) && nodes.some((n) => n?.type === 'split');
}

/**
 * The trace a decision needs: the caller's full one when asked for, otherwise the engine's cheapest
 * ('counts', which names each split's branch) only when there is a split arm to log.
 */
export function traceFor(withTrace: boolean, split: boolean): DecideOptions['trace'] {
  return withTrace ? true : split ? 'counts' : false;
}

/** The arm each split step reached by the decision sent it down, in evaluation order. */
export function splitArms(trace: DecisionTrace | undefined): SplitArm[] | undefined {
  if (!trace) return undefined;
  const arms = trace.nodes
    .filter((n) => n.type === 'split' && n.reached && n.branch !== undefined)
    .map((n) => ({ splitStepId: n.nodeId, arm: n.branch! }));
  return arms.length ? arms : undefined;
}
