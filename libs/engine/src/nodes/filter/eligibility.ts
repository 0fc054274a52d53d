import { CATALOG_INDEX, catalogIndex } from '../../catalog/action';
import { holds } from '../../conditions/compile-condition';
import { conditionReads } from '../../conditions/lazy-condition';
import type { ConditionFacts, RootCondition } from '../../conditions/types';
import { ConditionGenerator } from '../../codegen/generate-condition';
import { GeneratedModule } from '../../codegen/generated-module';
import { PredicateIndex } from '../../codegen/predicate-index';
import type { Candidate } from '../../runtime/types';
import type { CompileContext } from '../node-spec';

type Test = (f: ConditionFacts) => boolean;

/** A filter's per-action rules, compiled: which candidates of one decision pass. */
export interface Eligibility {
  /** The candidates for which every rule of their action holds; a candidate without rules passes. */
  filter(input: readonly Candidate[], facts: ConditionFacts): Candidate[];
}

/** The reference: each action's rules as closures (compileCondition), tested one candidate at a time. */
export function closureEligibility(tests: readonly (Test | undefined)[]): Eligibility {
  return {
    filter(input, f) {
      const out: Candidate[] = [];
      for (const c of input) {
        const test = tests[catalogIndex(c.action)];
        if (!test) {
          out.push(c);
          continue;
        }
        f.action = c.action;
        f.fields = c.fields;
        if (holds(test, f)) out.push(c);
      }
      return out;
    },
  };
}

const NO_PREDICATES = new Uint8Array(0);

/**
 * The same verdicts from generated code: for a small catalog one function with every rule inlined
 * (see oneFunction); else rules that are conjunctions of indexed comparisons become
 * literals over a PredicateIndex evaluated once per decision (with `index`), the others one generated
 * function each (identical rules share one). A candidate passes when every literal holds and its
 * remaining rules hold; as each rule's error counts as "does not hold", the order does not matter.
 * Undefined where code generation is not allowed (the caller keeps its closures).
 */
export function generatedEligibility(
  rules: readonly (readonly RootCondition[])[],
  ctx: CompileContext,
  index: boolean | undefined,
): Eligibility | undefined {
  const small = rules.length <= ONE_FUNCTION_ACTIONS;
  if (index === true) return perRuleFunctions(rules, ctx, true);
  return (small && oneFunction(rules, ctx)) || perRuleFunctions(rules, ctx, index === undefined);
}

/** Up to this many actions (and this much source), one function with every rule inlined. */
const ONE_FUNCTION_ACTIONS = 500;
const ONE_FUNCTION_SOURCE = 60_000;

/**
 * The whole filter as one generated function: a loop over the candidates and a `switch` on each
 * one's catalog position, with its rules inlined (a rule that may throw runs in `holds`). Small
 * enough for V8 to optimise as a whole; undefined when the source grows past that.
 */
function oneFunction(
  rules: readonly (readonly RootCondition[])[],
  ctx: CompileContext,
): Eligibility | undefined {
  const module = new GeneratedModule();
  const generator = new ConditionGenerator(module, ctx.slots, ctx.labels);
  const held = module.external(holds);
  const position = module.external(CATALOG_INDEX);
  const cases: string[] = [];
  let size = 0;
  for (let k = 0; k < rules.length; k++) {
    const conditions = rules[k]!;
    if (conditions.length === 0) continue;
    const parts = conditions.map((condition) => {
      const { source, mayThrow } = generator.expression(condition);
      return mayThrow ? `${held}(${generator.test(condition)}, f)` : source;
    });
    const candidateFacts = conditions.some((c) => {
      const reads = conditionReads(c);
      return reads.has('action') || reads.has('fields');
    });
    const test = parts.join(' && ');
    const setFacts = candidateFacts ? 'f.action = c.action; f.fields = c.fields; ' : '';
    cases.push(`case ${k}: ${setFacts}if (${test}) out.push(c); break;`);
    size += test.length;
    if (size > ONE_FUNCTION_SOURCE) return undefined;
  }
  const filter = module.declare(
    'filter',
    `function (input, f) {
  const s = f.slots;
  const out = [];
  let a;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    switch (c.action[${position}]) {
      ${cases.join('\n      ')}
      default: out.push(c);
    }
  }
  return out;
}`,
  );
  const generated = module.instantiate<Eligibility['filter']>(filter);
  return generated && { filter: generated };
}

function perRuleFunctions(
  rules: readonly (readonly RootCondition[])[],
  ctx: CompileContext,
  index: boolean,
): Eligibility | undefined {
  const module = new GeneratedModule();
  const generator = new ConditionGenerator(module, ctx.slots, ctx.labels);
  const predicates = index ? new PredicateIndex(ctx.slots) : undefined;
  const offsets = new Int32Array(rules.length + 1);
  const literals: number[] = [];
  const names: (string[] | undefined)[] = [];
  rules.forEach((conditions, k) => {
    offsets[k] = literals.length;
    const generated: string[] = [];
    for (const condition of conditions) {
      const lits = predicates?.literals(condition);
      if (lits) literals.push(...lits);
      else generated.push(generator.test(condition));
    }
    names.push(generated.length ? generated : undefined);
  });
  offsets[rules.length] = literals.length;
  const functions = module.isEmpty
    ? {}
    : module.instantiate<Record<string, Test>>(
        `{ ${[...new Set(names.flatMap((n) => n ?? []))].join(', ')} }`,
      );
  if (!functions) return undefined;
  const ruled = Uint8Array.from(rules, (r) => (r.length > 0 ? 1 : 0));
  const residual = names.map((n) => (n ? combine(n.map((name) => functions[name]!)) : undefined));
  const lits = Int32Array.from(literals);
  const usesIndex = predicates !== undefined && predicates.size > 0;

  return {
    filter(input, f) {
      const p = usesIndex ? predicates.evaluate(f.slots!) : NO_PREDICATES;
      const out: Candidate[] = [];
      for (let i = 0; i < input.length; i++) {
        const c = input[i]!;
        const k = catalogIndex(c.action);
        if (k < 0 || ruled[k] === 0) {
          out.push(c);
          continue;
        }
        let passes = true;
        for (let j = offsets[k]!, end = offsets[k + 1]!; j < end; j++) {
          const l = lits[j]!;
          if ((p[l >> 1]! ^ (l & 1)) === 0) {
            passes = false;
            break;
          }
        }
        const test = residual[k];
        if (passes && test !== undefined) {
          f.action = c.action;
          f.fields = c.fields;
          passes = holds(test, f);
        }
        if (passes) out.push(c);
      }
      return out;
    },
  };
}

/** Every rule must hold; an error in one means it does not (see holds), so short-circuit is safe. */
export function combine(tests: Test[]): Test | undefined {
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  if (tests.length === 2) {
    const [a, b] = tests as [Test, Test];
    return (f) => a(f) && b(f);
  }
  return (f) => tests.every((t) => t(f));
}
