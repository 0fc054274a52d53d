import { compileCondition, type CompiledCondition } from './compile-condition';
import type { Labels } from './describe-condition';
import { isAll, isAny, isFactReference, isNot, type Condition, type FactName } from './types';

/**
 * A condition whose closures are compiled on first use: where generated code decides, the closures
 * only explain (traces), so a big catalog does not pay for them at compile time. The closures read
 * facts directly, not a decision's slots.
 */
export function lazyCondition(condition: Condition, labels: Labels): CompiledCondition {
  let compiled: CompiledCondition | undefined;
  let reads: Set<FactName> | undefined;
  const priority = condition.priority ?? 1;
  // Every other member is the compiled condition's own, whatever members CompiledCondition has.
  return new Proxy({} as CompiledCondition, {
    get(_target, member: keyof CompiledCondition) {
      if (member === 'reads') return (reads ??= conditionReads(condition));
      if (member === 'priority') return priority;
      compiled ??= compileCondition(condition, labels);
      return compiled[member];
    },
  });
}

/** The facts a condition reads (what compileCondition reports as `reads`). */
export function conditionReads(condition: Condition, into = new Set<FactName>()): Set<FactName> {
  if (isAll(condition)) for (const c of condition.all) conditionReads(c, into);
  else if (isAny(condition)) for (const c of condition.any) conditionReads(c, into);
  else if (isNot(condition)) conditionReads(condition.not, into);
  else {
    into.add(condition.fact as FactName);
    if (isFactReference(condition.value)) into.add(condition.value.fact as FactName);
  }
  return into;
}
