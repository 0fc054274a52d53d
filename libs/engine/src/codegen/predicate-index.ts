import { factGetter } from '../conditions/compile-condition';
import { resolveOperator, type OperatorFn } from '../conditions/operators';
import type { PathSlots } from '../conditions/path-slots';
import {
  isAll,
  isAny,
  isFactReference,
  isNot,
  type ComparisonCondition,
  type Condition,
} from '../conditions/types';

const THRESHOLD_OPS = ['greaterThanInclusive', 'greaterThan', 'lessThan', 'lessThanInclusive'] as const;
/** Undecorated operators the index can take (decorated ones, `someFact:in`..., are generated). */
const PLAIN_OPERATORS = new Set<string>([...THRESHOLD_OPS, 'equal', 'notEqual', 'in', 'notIn']);
const GE = 0;
const GT = 1;
const LT = 2; // 3: lessThanInclusive

interface ThresholdGroup {
  slot: number;
  ids: number[];
  ops: number[];
  values: number[];
  /** Set by seal: the distinct thresholds in ascending order, and each predicate's position among them. */
  sorted?: Float64Array;
  ranks?: Int32Array;
}

interface EqualityGroup {
  slot: number;
  ids: number[];
  /** Each value the slot may equal, with the predicates (`equal` or `in` a list) it makes true. */
  byValue: Map<unknown, number[]>;
}

/**
 * The comparisons of many eligibility rules, evaluated once per decision however many rules share
 * them. A comparison is indexed when it reads a customer or context value (a decision slot) and
 * compares it with a constant in a way that cannot throw:
 * - thresholds (`≥ > < ≤` a number) on one value: one binary search over the sorted thresholds
 *   tells every threshold's verdict; a value that is not a number takes json-rules-engine's own
 *   operator (numeric strings are compared as json-rules-engine compares them);
 * - `equal` a primitive and `in` a list of primitives on one value: one hash lookup finds the
 *   comparisons that hold; `notEqual` and `notIn` are their negations.
 * A rule whose verdict is the conjunction of such comparisons (an `all`, nested `all`s, single-child
 * groups, `not` of one comparison) becomes a list of literals: `id * 2 + negated`. Nothing in it can
 * throw, so the order json-rules-engine would evaluate it in (priority sets) cannot change the verdict.
 */
export class PredicateIndex {
  private readonly ids = new Map<string, number>();
  private readonly slotsByPath = new Map<string, number>();
  private readonly thresholds = new Map<number, ThresholdGroup>();
  private readonly equalities = new Map<number, EqualityGroup>();
  private values = new Uint8Array(0);
  private sealed = false;

  constructor(private readonly slots: PathSlots) {}

  get size(): number {
    return this.ids.size;
  }

  /** Literals whose conjunction is the condition's verdict; undefined when it is not such a conjunction. */
  literals(condition: Condition): number[] | undefined {
    if (isAll(condition) || isAny(condition)) {
      const children = isAll(condition) ? condition.all : condition.any;
      if (isAny(condition) && children.length > 1) return undefined;
      const out: number[] = [];
      for (const child of children) {
        const lits = this.literals(child);
        if (lits === undefined) return undefined;
        out.push(...lits);
      }
      return out;
    }
    if (isNot(condition)) {
      const inner = this.literals(condition.not);
      return inner?.length === 1 ? [inner[0]! ^ 1] : undefined;
    }
    return this.comparison(condition);
  }

  private comparison(c: ComparisonCondition): number[] | undefined {
    if (isFactReference(c.value)) return undefined;
    const base = PLAIN_OPERATORS.has(c.operator) ? c.operator : undefined;
    if (base === undefined) return undefined;
    const value = c.value;
    const op = (THRESHOLD_OPS as readonly string[]).indexOf(base);
    const thresholdValue = op >= 0 && typeof value === 'number' && !Number.isNaN(value);
    const equalValue =
      (base === 'equal' || base === 'notEqual') && isKey(value) && !Number.isNaN(value as number);
    const listValue = (base === 'in' || base === 'notIn') && Array.isArray(value) && value.every(isKey);
    if (!thresholdValue && !equalValue && !listValue) return undefined;
    if (c.fact !== 'customer' && c.fact !== 'context') return undefined;
    const slotKey = `${c.fact}\u0000${c.path ?? ''}`;
    let slot = this.slotsByPath.get(slotKey);
    if (slot === undefined) {
      slot = this.slots.slotOf(c.fact, c.path, factGetter(c.fact, c.path))!;
      this.slotsByPath.set(slotKey, slot);
    }
    if (thresholdValue) {
      return [this.threshold(slot, op, value as number) * 2];
    }
    const members = equalValue ? [value] : (value as unknown[]);
    const id = this.equality(slot, equalValue ? 'equal' : 'in', members);
    return [id * 2 + (base === 'notEqual' || base === 'notIn' ? 1 : 0)];
  }

  private newId(key: string): { id: number; fresh: boolean } {
    const known = this.ids.get(key);
    if (known !== undefined) return { id: known, fresh: false };
    if (this.sealed)
      throw new Error('the predicate index is sealed: add every rule before the first decision');
    const id = this.ids.size;
    this.ids.set(key, id);
    return { id, fresh: true };
  }

  private threshold(slot: number, op: number, value: number): number {
    const { id, fresh } = this.newId(`t${slot}:${op}:${value}`);
    if (fresh) {
      let group = this.thresholds.get(slot);
      if (!group) this.thresholds.set(slot, (group = { slot, ids: [], ops: [], values: [] }));
      group.ids.push(id);
      group.ops.push(op);
      group.values.push(value);
    }
    return id;
  }

  private equality(slot: number, kind: string, members: unknown[]): number {
    const key = `e${slot}:${kind}:${JSON.stringify(members.map((m) => [typeof m, String(m)]))}`;
    const { id, fresh } = this.newId(key);
    if (fresh) {
      let group = this.equalities.get(slot);
      if (!group) this.equalities.set(slot, (group = { slot, ids: [], byValue: new Map() }));
      group.ids.push(id);
      // indexOf never finds NaN; a Map would.
      for (const m of new Set(members)) {
        if (Number.isNaN(m as number)) continue;
        const hits = group.byValue.get(m);
        if (hits) hits.push(id);
        else group.byValue.set(m, [id]);
      }
    }
    return id;
  }

  private seal(): void {
    this.sealed = true;
    this.values = new Uint8Array(this.ids.size);
    for (const group of this.thresholds.values()) {
      const sorted = Float64Array.from(new Set(group.values)).sort();
      group.sorted = sorted;
      group.ranks = Int32Array.from(group.values, (v) => lowerBound(sorted, v));
    }
  }

  /**
   * Every predicate's verdict for one decision's slot values, as 0/1 by predicate id. The array is
   * reused by the next decision: read it before deciding again.
   */
  evaluate(slots: readonly unknown[]): Uint8Array {
    if (!this.sealed) this.seal();
    const p = this.values;
    for (const g of this.thresholds.values()) {
      const x = slots[g.slot];
      const ids = g.ids;
      const ops = g.ops;
      if (typeof x === 'number' && x === x) {
        // atMost: thresholds ≤ x; below: thresholds < x. Threshold t at rank r: x ≥ t ⟺ r < atMost, ...
        const sorted = g.sorted!;
        const ranks = g.ranks!;
        const atMost = upperBound(sorted, x);
        const below = lowerBound(sorted, x);
        for (let i = 0; i < ids.length; i++) {
          const r = ranks[i]!;
          const op = ops[i];
          p[ids[i]!] = (op === GE ? r < atMost : op === GT ? r < below : op === LT ? r >= atMost : r >= below)
            ? 1
            : 0;
        }
      } else {
        for (let i = 0; i < ids.length; i++) p[ids[i]!] = OPERATOR_FNS[ops[i]!]!(x, g.values[i]) ? 1 : 0;
      }
    }
    for (const g of this.equalities.values()) {
      const ids = g.ids;
      for (let i = 0; i < ids.length; i++) p[ids[i]!] = 0;
      const hits = g.byValue.get(slots[g.slot]);
      if (hits) for (let i = 0; i < hits.length; i++) p[hits[i]!] = 1;
    }
    return p;
  }
}

/** The threshold operators as json-rules-engine evaluates them, by op code (GE, GT, LT, LE). */
const OPERATOR_FNS: OperatorFn[] = [
  resolveOperator('greaterThanInclusive')!.evaluate,
  resolveOperator('greaterThan')!.evaluate,
  resolveOperator('lessThan')!.evaluate,
  resolveOperator('lessThanInclusive')!.evaluate,
];

/** A value `===` can find in a Map: primitives (objects in a condition never equal a fact's value). */
function isKey(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/** How many sorted values are < x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many sorted values are ≤ x. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
