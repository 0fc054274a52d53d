import { compileCondition, factGetter } from '../conditions/compile-condition';
import type { Labels } from '../conditions/describe-condition';
import { resolveOperator } from '../conditions/operators';
import type { PathSlots } from '../conditions/path-slots';
import {
  isAll,
  isAny,
  isFactReference,
  isNot,
  type ComparisonCondition,
  type Condition,
  type ConditionFacts,
} from '../conditions/types';
import { literal, type GeneratedModule } from './generated-module';

interface Generated {
  /** An expression over `f` (the facts), `s` (their slots) and the scratch variable `a`. */
  source: string;
  mayThrow: boolean;
  priority: number;
}

const NUMERIC: Record<string, string> = {
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
};

/** Up to this many items, `in` is a chain of `===`; beyond it, a Set (or indexOf). */
const INLINE_LIST = 8;

/**
 * Generates conditions into a GeneratedModule: one function `(facts) => boolean` per distinct
 * condition, with json-rules-engine's semantics exactly as compileCondition has them (priority
 * sets, every member of a set evaluated when one may throw, empty groups passing, single children
 * evaluated directly). Plain comparisons with a constant value are written inline; any other
 * comparison (decorated operators, fact references, operators that may throw) calls the closure
 * compileCondition makes for it, so errors and their messages are the closures' own.
 */
export class ConditionGenerator {
  private readonly functions = new Map<string, string>();
  /** Source reading each fact path, by fact and path. */
  private readonly reads = new Map<string, string>();

  constructor(
    private readonly module: GeneratedModule,
    private readonly slots: PathSlots,
    private readonly labels: Labels = {},
  ) {}

  /** The name in the module of a function testing `condition` (facts must carry their slots). */
  test(condition: Condition): string {
    const key = sameConditionKey(condition);
    let name = key === undefined ? undefined : this.functions.get(key);
    if (name === undefined) {
      const { source } = this.generate(condition);
      name = this.module.declare('t', `function (f) {\n const s = f.slots;\n let a;\n return ${source};\n}`);
      if (key !== undefined) this.functions.set(key, name);
    }
    return name;
  }

  /** The condition as an expression over `f`, `s` and a scratch `a`, and whether it may throw. */
  expression(condition: Condition): { source: string; mayThrow: boolean } {
    const { source, mayThrow } = this.generate(condition);
    return { source, mayThrow };
  }

  private generate(c: Condition): Generated {
    if (isAll(c)) return this.group(c.all, 'all', c.priority);
    if (isAny(c)) return this.group(c.any, 'any', c.priority);
    if (isNot(c)) {
      const inner = this.generate(c.not);
      return { source: `!${inner.source}`, mayThrow: inner.mayThrow, priority: c.priority ?? 1 };
    }
    return this.comparison(c);
  }

  private group(conditions: Condition[], kind: 'all' | 'any', priority: number | undefined): Generated {
    const children = conditions.map((c) => this.generate(c));
    const mayThrow = children.some((c) => c.mayThrow);
    if (children.length === 0) return { source: 'true', mayThrow, priority: priority ?? 1 };
    // json-rules-engine evaluates a single child directly.
    if (children.length === 1) return { ...children[0]!, priority: priority ?? 1 };
    const byPriority = new Map<number, Generated[]>();
    for (const child of children) {
      const set = byPriority.get(child.priority) ?? [];
      set.push(child);
      byPriority.set(child.priority, set);
    }
    const sets = [...byPriority.entries()].sort((x, y) => y[0] - x[0]).map(([, set]) => set);
    const setSources = sets.map((set) => {
      if (set.length === 1) return set[0]!.source;
      const sources = set.map((g) => g.source);
      if (!set.some((g) => g.mayThrow)) return `(${sources.join(kind === 'all' ? ' && ' : ' || ')})`;
      // A set that may throw is evaluated whole, in order (json-rules-engine's Promise.all): `&`
      // and `|` evaluate both sides, and an error stops at the first member that throws.
      return `(((${sources.join(kind === 'all' ? ') & (' : ') | (')})) === 1)`;
    });
    return {
      source:
        setSources.length === 1 ? setSources[0]! : `(${setSources.join(kind === 'all' ? ' && ' : ' || ')})`,
      mayThrow,
      priority: priority ?? 1,
    };
  }

  private comparison(c: ComparisonCondition): Generated {
    const priority = c.priority ?? 1;
    const inline = this.inlineComparison(c);
    if (inline !== undefined) return { source: inline, mayThrow: false, priority };
    const compiled = compileCondition(c, this.labels, this.slots);
    return { source: `${this.module.external(compiled.test)}(f)`, mayThrow: compiled.mayThrow, priority };
  }

  /** The comparison written out, when its operator is plain, its value constant and it cannot throw. */
  private inlineComparison(c: ComparisonCondition): string | undefined {
    if (isFactReference(c.value)) return undefined;
    const resolved = resolveOperator(c.operator);
    if (!resolved || resolved.decorators.length > 0) return undefined;
    const value = c.value;
    const lhs = this.lhs(c);
    const v = () => literal(value) ?? this.module.external(value);
    const base = resolved.base;
    if (base === 'equal') return `(a = ${lhs}, a === ${v()})`;
    if (base === 'notEqual') return `(a = ${lhs}, a !== ${v()})`;
    const symbol = NUMERIC[base];
    if (symbol !== undefined) {
      // json-rules-engine's number check passes any number but NaN, where the comparison is false anyway.
      const general = this.module.external(resolved.evaluate);
      return `(a = ${lhs}, typeof a === "number" ? a ${symbol} ${v()} : ${general}(a, ${v()}))`;
    }
    if (base === 'contains' || base === 'doesNotContain') {
      const found = base === 'contains' ? '> -1' : '=== -1';
      return `(a = ${lhs}, Array.isArray(a) && a.indexOf(${v()}) ${found})`;
    }
    if (base === 'in' || base === 'notIn') {
      const test = this.membership(value);
      if (test === undefined) return undefined; // `in` a number or an object: json-rules-engine throws
      return base === 'in' ? `(a = ${lhs}, ${test})` : `(a = ${lhs}, !${test})`;
    }
    return undefined;
  }

  /** `value.indexOf(a) > -1` for a list or a string, as json-rules-engine's `in` computes it. */
  private membership(value: unknown): string | undefined {
    if (typeof value === 'string') return `(${literal(value)}.indexOf(a) > -1)`;
    if (!Array.isArray(value)) return undefined;
    const primitive = value.every((item) => literal(item) !== undefined);
    if (primitive && value.length <= INLINE_LIST) {
      // indexOf is strict equality: `a === item` for each item, NaN never found.
      return value.length === 0 ? 'false' : `(${value.map((item) => `a === ${literal(item)}`).join(' || ')})`;
    }
    // A Set finds NaN where indexOf never does: only lists of strings and numbers other than NaN.
    if (
      value.every((item) => typeof item === 'string' || (typeof item === 'number' && !Number.isNaN(item)))
    ) {
      return `${this.module.external(new Set(value))}.has(a)`;
    }
    return `(${this.module.external(value)}.indexOf(a) > -1)`;
  }

  /** The fact value a comparison reads: the decision's slot for customer/context, else the path. */
  private lhs(c: ComparisonCondition): string {
    const key = `${c.fact}\u0000${c.path ?? ''}`;
    let source = this.reads.get(key);
    if (source === undefined) {
      const direct = factGetter(c.fact, c.path);
      const slot = this.slots.slotOf(c.fact, c.path, direct);
      source = slot !== undefined ? `s[${slot}]` : `${this.module.external(direct)}(f)`;
      this.reads.set(key, source);
    }
    return source;
  }
}

/**
 * Equal for conditions that decide alike: their JSON, when JSON holds every value exactly (NaN,
 * the infinities and undefined would all read as null); undefined otherwise (not shared).
 */
function sameConditionKey(condition: Condition): string | undefined {
  try {
    return JSON.stringify(condition, (_key, value: unknown) => {
      if (value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
        throw new RangeError();
      return value;
    });
  } catch {
    return undefined;
  }
}

export type GeneratedTest = (facts: ConditionFacts) => boolean;
