import { canThrow, resolveOperator, type OperatorFn } from './operators';
import {
  describeComparison,
  describeCondition,
  describeValue,
  formatValue,
  label,
  operatorWords,
  type Labels,
} from './describe-condition';
import { parsePath, pathGetter } from './path';
import type { PathSlots } from './path-slots';
import {
  isAll,
  isAny,
  isFactReference,
  isNot,
  type ComparisonCondition,
  type Condition,
  type ConditionFacts,
  type FactName,
} from './types';

/** What a condition explains about one evaluation, in words. */
export type ConditionOutcome =
  { passed: boolean; reason: string } | { passed: false; error: true; reason: string };

export interface CompiledCondition {
  /** json-rules-engine's verdict; throws where json-rules-engine would reject. */
  test(facts: ConditionFacts): boolean;
  /** Same verdict in words: every failing comparison of an "all" (or the deciding one). Never throws. */
  explain(facts: ConditionFacts): ConditionOutcome;
  /**
   * What does not hold, in words without the customer's values ("age ≥ 18 and segment is one of
   * "gold", "silver""), so that failures can be counted over many decisions; undefined when the
   * condition holds. `nested`: inside a larger condition (an "or" is then put in parentheses).
   */
  failed(facts: ConditionFacts, nested?: boolean): string | undefined;
  /**
   * What the condition is about, in a few words shared by many conditions: the field of the first
   * comparison that fails, in evaluation order ("age"; "segment or tenure" for a failing "any"), so
   * that the drops of a large catalog can be counted by it; undefined when the condition holds.
   */
  failedOn(facts: ConditionFacts): string | undefined;
  /** The fields the condition reads, in words ("age", "segment or tenure"). */
  subject: string;
  /** Whether `test` can throw for some facts (then priority sets are evaluated without short-circuit). */
  mayThrow: boolean;
  /** Facts the condition reads; a condition that reads neither action nor fields is the same for every candidate. */
  reads: ReadonlySet<FactName>;
  /** The evaluation order json-rules-engine uses: priority, higher first (default 1). */
  priority: number;
}

/**
 * Whether the condition holds for a strategy's purposes: where json-rules-engine would throw, the
 * condition does not hold (the trace's explain() says why).
 */
export function holds(test: (facts: ConditionFacts) => boolean, facts: ConditionFacts): boolean {
  try {
    return test(facts);
  } catch {
    return false;
  }
}

/** Thrown where json-rules-engine's evaluation would throw (e.g. `in` against a number). */
export class ConditionEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConditionEvaluationError';
  }
}

/**
 * Compiles a checked condition (see checkCondition) into closures: no interpretation of the JSON
 * at decision time, no eval. Semantics follow json-rules-engine 7 exactly, including its priority
 * sets, its evaluation of every condition in a set, and empty `all`/`any` passing.
 */
export function compileCondition(
  condition: Condition,
  labels: Labels = {},
  slots?: PathSlots,
): CompiledCondition {
  if (isAll(condition)) return compileGroup(condition.all, 'all', condition.priority, labels, slots);
  if (isAny(condition)) return compileGroup(condition.any, 'any', condition.priority, labels, slots);
  if (isNot(condition)) return compileNot(condition.not, condition.priority, labels, slots);
  return compileComparison(condition, labels, slots);
}

function compileNot(
  inner: Condition,
  priority: number | undefined,
  labels: Labels,
  slots?: PathSlots,
): CompiledCondition {
  const child = compileCondition(inner, labels, slots);
  const childTest = child.test;
  let words: string | undefined; // described when first asked for (see compileComparison)
  const test = (f: ConditionFacts) => !childTest(f);
  const subject = `not ${child.subject}`;
  return {
    test,
    subject,
    failedOn: (f) => (holds(test, f) ? undefined : subject),
    failed: (f) => (holds(test, f) ? undefined : (words ??= describeCondition({ not: inner }, labels))),
    explain(f) {
      const outcome = child.explain(f);
      if ('error' in outcome) return outcome;
      if (outcome.passed) return { passed: false, reason: `excluded because ${outcome.reason}` };
      // The inner condition's failure is the reason: "not segment = gold" holds because "segment is "silver", not "gold"".
      return { passed: true, reason: outcome.reason };
    },
    mayThrow: child.mayThrow,
    reads: child.reads,
    priority: priority ?? 1,
  };
}

function compileGroup(
  conditions: Condition[],
  kind: 'all' | 'any',
  priority: number | undefined,
  labels: Labels,
  slots?: PathSlots,
): CompiledCondition {
  const children = conditions.map((c) => compileCondition(c, labels, slots));
  let readBits = 0;
  const subjects: string[] = [];
  for (const child of children) {
    readBits |= readSetBits(child.reads);
    if (!subjects.includes(child.subject)) subjects.push(child.subject);
  }
  const reads = readSet(readBits);
  const mayThrow = children.some((c) => c.mayThrow);
  const base = { mayThrow, reads, priority: priority ?? 1 };
  const subject = subjects.join(kind === 'all' ? ' and ' : ' or ');
  if (children.length === 0) {
    return {
      ...base,
      subject: 'nothing',
      failedOn: () => undefined,
      test: () => true,
      explain: () => ({ passed: true, reason: `no conditions in "${kind}", so it passes` }),
      failed: () => undefined,
    };
  }
  if (children.length === 1) {
    // json-rules-engine evaluates a single child directly.
    const only = children[0]!;
    return { ...only, ...base };
  }
  const sets = prioritySets(children);
  const test = kind === 'all' ? allOfSets(sets) : anyOfSets(sets);
  const inOrder = sets.length === 1 ? sets[0]! : sets.flat();
  const failedOn =
    kind === 'all'
      ? (f: ConditionFacts): string | undefined => {
          for (const child of inOrder) {
            const on = child.failedOn(f);
            if (on !== undefined) return on;
          }
          return undefined;
        }
      : (f: ConditionFacts): string | undefined => (holds(test, f) ? undefined : subject);
  let words: string | undefined; // described when first asked for (see compileComparison)
  let nestedWords: string | undefined;
  const failed = (f: ConditionFacts, nested?: boolean): string | undefined => {
    if (holds(test, f)) return undefined;
    if (kind === 'any') {
      words ??= describeCondition({ any: conditions }, labels);
      return nested ? (nestedWords ??= `(${words})`) : words;
    }
    const parts: string[] = [];
    for (const child of children) {
      const part = child.failed(f, true);
      if (part !== undefined) parts.push(part);
    }
    if (parts.length === 1) return parts[0];
    return parts.length ? parts.join(' and ') : describeCondition({ all: conditions }, labels);
  };
  const explain = (f: ConditionFacts): ConditionOutcome => {
    const outcomes: ConditionOutcome[] = [];
    const failures: ConditionOutcome[] = [];
    for (const set of sets) {
      const setOutcomes = set.map((c) => c.explain(f));
      if (kind === 'all') {
        // The verdict is decided by the first failing priority set; the explanation still names every
        // comparison that fails (only explained when tracing, so the verdict's short-circuit stays).
        if (!failures.length) {
          const error = setOutcomes.find((o) => 'error' in o);
          if (error) return error;
        }
        failures.push(...setOutcomes.filter((o) => !o.passed));
        outcomes.push(...setOutcomes);
        continue;
      }
      const error = setOutcomes.find((o) => 'error' in o);
      if (error) return error;
      outcomes.push(...setOutcomes);
      const passed = setOutcomes.find((o) => o.passed);
      if (passed) return passed;
    }
    if (failures.length) return { passed: false, reason: failures.map((o) => o.reason).join(' and ') };
    if (kind === 'all') return { passed: true, reason: outcomes.map((o) => o.reason).join(' and ') };
    return { passed: false, reason: `none of these held: ${outcomes.map((o) => o.reason).join('; ')}` };
  };
  return { ...base, test, explain, failed, failedOn, subject };
}

type Test = (f: ConditionFacts) => boolean;

const FACT_BITS: Record<FactName, number> = { customer: 1, context: 2, action: 4, fields: 8 };
const FACTS = Object.keys(FACT_BITS) as FactName[];
const readSets: ReadonlySet<FactName>[] = [];

/**
 * The facts a condition reads, as one set per combination shared by every condition that reads it
 * (a catalog compiles thousands of conditions, a trace some of them while it runs).
 */
function readSet(bits: number): ReadonlySet<FactName> {
  return (readSets[bits] ??= new Set(FACTS.filter((fact) => bits & FACT_BITS[fact])));
}

function readSetBits(set: ReadonlySet<FactName>): number {
  let bits = 0;
  for (const fact of FACTS) if (set.has(fact)) bits |= FACT_BITS[fact];
  return bits;
}

function prioritySets(children: CompiledCondition[]): CompiledCondition[][] {
  // Children of one priority (the usual case: none given): one set, in document order.
  if (children.every((c) => c.priority === children[0]!.priority)) return [children];
  const byPriority = new Map<number, CompiledCondition[]>();
  for (const child of children) {
    const set = byPriority.get(child.priority) ?? [];
    set.push(child);
    byPriority.set(child.priority, set);
  }
  return [...byPriority.entries()].sort((a, b) => b[0] - a[0]).map(([, set]) => set);
}

function allOfSets(sets: CompiledCondition[][]): Test {
  const setTests = sets.map((set) => setTest(set, 'all'));
  if (setTests.length === 1) return setTests[0]!;
  return (f) => {
    for (const t of setTests) if (!t(f)) return false;
    return true;
  };
}

function anyOfSets(sets: CompiledCondition[][]): Test {
  const setTests = sets.map((set) => setTest(set, 'any'));
  if (setTests.length === 1) return setTests[0]!;
  return (f) => {
    for (const t of setTests) if (t(f)) return true;
    return false;
  };
}

/** One priority set. json-rules-engine evaluates all of it (Promise.all), so any error surfaces. */
function setTest(set: CompiledCondition[], kind: 'all' | 'any'): Test {
  const tests = set.map((c) => c.test);
  const safe = !set.some((c) => c.mayThrow);
  if (kind === 'all') {
    if (safe) {
      if (tests.length === 1) return tests[0]!;
      if (tests.length === 2) {
        const [a, b] = tests as [Test, Test];
        return (f) => a(f) && b(f);
      }
      return (f) => {
        for (const t of tests) if (!t(f)) return false;
        return true;
      };
    }
    return (f) => {
      let result = true;
      for (const t of tests) if (!t(f)) result = false;
      return result;
    };
  }
  if (safe) {
    return (f) => {
      for (const t of tests) if (t(f)) return true;
      return false;
    };
  }
  return (f) => {
    let result = false;
    for (const t of tests) if (t(f)) result = true;
    return result;
  };
}

type Getter = (f: ConditionFacts) => unknown;

const FACT_GETTERS: Record<FactName, Getter> = {
  customer: (f) => f.customer,
  context: (f) => f.context,
  action: (f) => f.action,
  fields: (f) => f.fields,
};

export function factGetter(fact: string, path: string | undefined): Getter {
  const get = FACT_GETTERS[fact as FactName];
  if (!get) throw new ConditionEvaluationError(`Undefined fact: ${fact}`);
  if (!path) return get;
  const parsed = parsePath(path);
  if (!parsed.ok) throw new ConditionEvaluationError(parsed.message);
  if (!parsed.many && parsed.keys.length === 1) return ownKeyGetter(fact as FactName, parsed.keys[0]!);
  const follow = pathGetter(parsed);
  return (f) => follow(get(f));
}

const { hasOwn } = Object;

/** One key of a value, as pathGetter reads it: own properties of objects only. */
function readKey(v: unknown, key: string): unknown {
  if (v == null || typeof v !== 'object') return v;
  return hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
}

/**
 * `$.key` of a fact in one closure, not a fact getter and a path getter nested: the most common
 * path, read for every slot of a decision and every comparison a trace explains.
 */
function ownKeyGetter(fact: FactName, key: string): Getter {
  switch (fact) {
    case 'customer':
      return (f) => readKey(f.customer, key);
    case 'context':
      return (f) => readKey(f.context, key);
    case 'action':
      return (f) => readKey(f.action, key);
    default:
      return (f) => readKey(f.fields, key);
  }
}

function compileComparison(c: ComparisonCondition, labels: Labels, slots?: PathSlots): CompiledCondition {
  const resolved = resolveOperator(c.operator);
  if (!resolved) throw new ConditionEvaluationError(`Unknown operator: ${c.operator}`);
  const evaluate = resolved.evaluate;
  // `test` reads per-decision slots when it can; `explain` always follows the path itself.
  const lhs = factGetter(c.fact, c.path);
  const fastLhs = slots?.getter(c.fact, c.path, lhs) ?? lhs;
  let readBits = FACT_BITS[c.fact as FactName];
  let rhs: Getter;
  let test: Test;
  if (isFactReference(c.value)) {
    rhs = factGetter(c.value.fact, c.value.path);
    const fastRhs = slots?.getter(c.value.fact, c.value.path, rhs) ?? rhs;
    readBits |= FACT_BITS[c.value.fact as FactName];
    test = (f) => evaluate(fastLhs(f), fastRhs(f));
  } else {
    const value = c.value;
    rhs = () => value;
    test =
      specialised(resolved.decorators.length === 0 ? resolved.base : '', fastLhs, value) ??
      ((f) => evaluate(fastLhs(f), value));
  }
  const mayThrow = canThrow(
    resolved,
    isFactReference(c.value) ? { known: false } : { known: true, value: c.value },
  );
  const guarded: Test = mayThrow
    ? (f) => {
        try {
          return test(f);
        } catch (error) {
          throw new ConditionEvaluationError(
            `${describeCondition({ all: [c] }, labels)}: ${(error as Error).message}`,
          );
        }
      }
    : test;
  const subject = label(c.fact, c.path, labels);
  // The words of a failure are only read by traces, for a few of a large catalog's conditions (and
  // a filter's conditions are compiled while tracing): described when first asked for.
  let words: string | undefined;
  let missingWords: string | undefined;
  return {
    test: guarded,
    subject,
    failedOn: (f) => (holds(guarded, f) ? undefined : subject),
    mayThrow,
    reads: readSet(readBits),
    priority: c.priority ?? 1,
    failed(f) {
      if (holds(guarded, f)) return undefined;
      words ??= describeComparison(c, labels);
      const actual = lhs(f);
      return actual === undefined || actual === null
        ? (missingWords ??= `${words} (${subject} is missing)`)
        : words;
    },
    explain(f) {
      const actual = lhs(f);
      const expected = rhs(f);
      let passed: boolean;
      try {
        passed = evaluate(actual, expected);
      } catch {
        return {
          passed: false,
          error: true,
          reason: `${label(c.fact, c.path, labels)} could not be compared with ${describeValue(c.value, labels)}: ${mismatchWords(c.operator, actual, expected)}`,
        };
      }
      return { passed, reason: comparisonWords(c, actual, expected, passed, labels) };
    },
  };
}

/** Hand-inlined closures for the common undecorated operators with a constant value. */
function specialised(base: string, lhs: Getter, value: unknown): Test | undefined {
  switch (base) {
    case 'equal':
      return (f) => lhs(f) === value;
    case 'notEqual':
      return (f) => lhs(f) !== value;
    case 'greaterThanInclusive':
    case 'greaterThan':
    case 'lessThan':
    case 'lessThanInclusive': {
      const op = resolveOperator(base)!.evaluate as OperatorFn;
      const b = value as number;
      // A number that is not NaN passes json-rules-engine's number check; anything else takes the
      // general path. One closure per operator so V8 can inline the comparison.
      switch (base) {
        case 'greaterThanInclusive':
          return (f) => {
            const a = lhs(f);
            return typeof a === 'number' ? a >= b : op(a, value);
          };
        case 'greaterThan':
          return (f) => {
            const a = lhs(f);
            return typeof a === 'number' ? a > b : op(a, value);
          };
        case 'lessThan':
          return (f) => {
            const a = lhs(f);
            return typeof a === 'number' ? a < b : op(a, value);
          };
        default:
          return (f) => {
            const a = lhs(f);
            return typeof a === 'number' ? a <= b : op(a, value);
          };
      }
    }
    case 'in':
      if (Array.isArray(value)) {
        // Not with NaN in the list: Set.has finds NaN, json-rules-engine's indexOf never does.
        const primitive = (v: unknown) =>
          typeof v === 'string' || (typeof v === 'number' && !Number.isNaN(v));
        if (value.length > 8 && value.every(primitive)) {
          const set = new Set(value);
          return (f) => set.has(lhs(f) as string);
        }
        return (f) => value.indexOf(lhs(f)) > -1;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** "age 17 is not ≥ 18", "segment is "silver", not "gold"", "tags ("a") do not contain "vip"" */
function comparisonWords(
  c: ComparisonCondition,
  actual: unknown,
  expected: unknown,
  passed: boolean,
  labels: Labels,
): string {
  const name = label(c.fact, c.path, labels);
  const target = isFactReference(c.value)
    ? `${describeValue(c.value, labels)} (${formatValue(expected)})`
    : formatValue(expected);
  return outcomeWords(c.operator, name, actual, target, passed);
}

const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

/** Why a comparison with a (possibly decorated) operator passed or failed. */
function outcomeWords(
  operator: string,
  name: string,
  actual: unknown,
  target: string,
  passed: boolean,
): string {
  const value = formatValue(actual);
  const colon = operator.indexOf(':');
  if (colon > 0) {
    const decorator = operator.slice(0, colon);
    const rest = operator.slice(colon + 1);
    const restWords = operatorWords(rest);
    switch (decorator) {
      case 'not':
        // "not:equal" failed exactly when "equal" passed, for the same reason.
        return outcomeWords(rest, name, actual, target, !passed);
      case 'someFact':
      case 'everyFact':
        if (!Array.isArray(actual)) return notAList(name, actual);
        if (decorator === 'someFact') {
          return `${name} (${value}) has ${passed ? 'an item' : 'no item'} that ${restWords} ${target}`;
        }
        return `${passed ? 'every' : 'not every'} item of ${name} (${value}) ${restWords} ${target}`;
      case 'swap':
        return `${passed ? '' : 'not true that '}${target} ${restWords} ${name} (${value})`;
      default:
        return `${passed ? '' : 'not true that '}${name} ${value} ${operatorWords(operator)} ${target}`;
    }
  }
  const numeric = NUMERIC.includes(operator);
  if (numeric && actual == null) {
    return passed
      ? `${name} ${operatorWords(operator)} ${target}`
      : `${name} is missing (needs ${operatorWords(operator)} ${target})`;
  }
  if (passed) {
    switch (operator) {
      case 'equal':
        return `${name} is ${target}`;
      case 'notEqual':
        return `${name} is ${value}, not ${target}`;
      case 'notIn':
        return actual === undefined
          ? `${name} is missing, so not one of ${target}`
          : `${name} ${value} is not one of ${target}`;
      case 'contains':
        return `${name} (${value}) contains ${target}`;
      case 'doesNotContain':
        return `${name} (${value}) does not contain ${target}`;
      default:
        return `${name} ${value} ${operatorWords(operator)} ${target}`;
    }
  }
  switch (operator) {
    case 'equal':
      return actual === undefined
        ? `${name} is missing (needs ${target})`
        : `${name} is ${value}, not ${target}`;
    case 'notEqual':
      return `${name} is ${target}`;
    case 'in':
      return actual === undefined
        ? `${name} is missing (needs one of ${target})`
        : `${name} ${value} is not one of ${target}`;
    case 'notIn':
      return `${name} ${value} is one of ${target}`;
    case 'contains':
      if (actual === undefined) return `${name} is missing (needs a list containing ${target})`;
      return Array.isArray(actual) ? `${name} (${value}) does not contain ${target}` : notAList(name, actual);
    case 'doesNotContain':
      return Array.isArray(actual) ? `${name} (${value}) contains ${target}` : notAList(name, actual);
    default:
      if (numeric && typeof actual !== 'number' && Number.isNaN(Number.parseFloat(actual as string))) {
        return `${name} ${value} is not a number (needs ${operatorWords(operator)} ${target})`;
      }
      return `${name} ${value} is not ${operatorWords(operator)} ${target}`;
  }
}

function notAList(name: string, actual: unknown): string {
  return actual === undefined
    ? `${name} is missing (needs a list)`
    : `${name} is ${formatValue(actual)}, not a list`;
}

/** Why json-rules-engine would fail on these values, for the trace (never the raw JavaScript error). */
function mismatchWords(operator: string, actual: unknown, expected: unknown): string {
  const kind = (v: unknown) =>
    v === undefined
      ? 'missing'
      : v === null
        ? 'empty'
        : Array.isArray(v)
          ? 'a list'
          : typeof v === 'object'
            ? 'an object'
            : `a ${typeof v}`;
  const base = operator.split(':').pop();
  if ((base === 'in' || base === 'notIn') && !operator.includes('swap'))
    return `it needs a list to look in, but that is ${kind(expected)}`;
  if (operator.includes('Value')) return `it needs a list of values, but that is ${kind(expected)}`;
  return `the values do not fit together (${kind(actual)} and ${kind(expected)})`;
}
