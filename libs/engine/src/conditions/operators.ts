/**
 * json-rules-engine's built-in operators and operator decorators, with the same code paths, so
 * coercions, missing values and type mismatches behave identically (including the cases where
 * json-rules-engine throws, e.g. `in` against a value that is not a list or a string).
 */

export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

interface OperatorDef {
  fn: (a: any, b: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
  validator?: (factValue: unknown) => boolean;
  symbol: string;
}

// json-rules-engine: `Number.parseFloat(v).toString() !== 'NaN'`; for a number that is simply "not NaN",
// which avoids a string allocation on the hot path.
const numberValidator = (factValue: unknown): boolean =>
  typeof factValue === 'number'
    ? factValue === factValue
    : Number.parseFloat(factValue as string).toString() !== 'NaN';

export const OPERATORS: Record<string, OperatorDef> = {
  equal: { fn: (a, b) => a === b, symbol: '=' },
  notEqual: { fn: (a, b) => a !== b, symbol: '≠' },
  in: { fn: (a, b) => b.indexOf(a) > -1, symbol: 'is one of' },
  notIn: { fn: (a, b) => b.indexOf(a) === -1, symbol: 'is not one of' },
  contains: { fn: (a, b) => a.indexOf(b) > -1, validator: Array.isArray, symbol: 'contains' },
  doesNotContain: { fn: (a, b) => a.indexOf(b) === -1, validator: Array.isArray, symbol: 'does not contain' },
  lessThan: { fn: (a, b) => a < b, validator: numberValidator, symbol: '<' },
  lessThanInclusive: { fn: (a, b) => a <= b, validator: numberValidator, symbol: '≤' },
  greaterThan: { fn: (a, b) => a > b, validator: numberValidator, symbol: '>' },
  greaterThanInclusive: { fn: (a, b) => a >= b, validator: numberValidator, symbol: '≥' },
};

type Next = (factValue: unknown, value: unknown) => boolean;
interface DecoratorDef {
  fn: (factValue: any, value: any, next: Next) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
  validator?: (factValue: unknown) => boolean;
}

export const DECORATORS: Record<string, DecoratorDef> = {
  someFact: { fn: (f, v, next) => f.some((x: unknown) => next(x, v)), validator: Array.isArray },
  someValue: { fn: (f, v, next) => v.some((x: unknown) => next(f, x)) },
  everyFact: { fn: (f, v, next) => f.every((x: unknown) => next(x, v)), validator: Array.isArray },
  everyValue: { fn: (f, v, next) => v.every((x: unknown) => next(f, x)) },
  swap: { fn: (f, v, next) => next(v, f) },
  not: { fn: (f, v, next) => !next(f, v) },
};

export interface ResolvedOperator {
  base: string;
  decorators: string[];
  evaluate: OperatorFn;
}

const resolvedByName = new Map<string, ResolvedOperator | null>();
const RESOLVED_LIMIT = 1000;

/**
 * Resolves `someFact:not:equal` style names like json-rules-engine's OperatorMap; null if unknown.
 * Resolved once per name (every comparison of a catalog asks; a trace compiles conditions while it
 * runs): the result is shared, so it is not to be changed.
 */
export function resolveOperator(name: string): ResolvedOperator | null {
  let operator = resolvedByName.get(name);
  if (operator === undefined) {
    operator = resolveUncached(name);
    if (resolvedByName.size >= RESOLVED_LIMIT) resolvedByName.clear();
    resolvedByName.set(name, operator);
  }
  return operator;
}

function resolveUncached(name: string): ResolvedOperator | null {
  const parts = name.split(':');
  const base = parts.pop()!;
  const def = Object.hasOwn(OPERATORS, base) ? OPERATORS[base] : undefined;
  if (!def || parts.some((d) => !Object.hasOwn(DECORATORS, d))) return null;
  let evaluate = withValidator(def.fn, def.validator);
  for (let i = parts.length - 1; i >= 0; i--) {
    const decorator = DECORATORS[parts[i]!]!;
    const next = evaluate;
    evaluate = withValidator((f, v) => decorator.fn(f, v, next), decorator.validator);
  }
  return { base, decorators: parts, evaluate };
}

function withValidator(
  fn: (a: unknown, b: unknown) => boolean,
  validator: ((factValue: unknown) => boolean) | undefined,
): OperatorFn {
  return validator ? (a, b) => validator(a) && fn(a, b) : fn;
}

/** Operators whose evaluation can throw in json-rules-engine for some right-hand values. */
export function canThrow(
  resolved: ResolvedOperator,
  staticValue: { known: boolean; value?: unknown },
): boolean {
  const risky =
    ['in', 'notIn'].includes(resolved.base) || resolved.decorators.some((d) => d.endsWith('Value'));
  if (!risky) return false;
  if (!staticValue.known || resolved.decorators.includes('swap')) return true;
  return !rhsAlwaysSafe(resolved.decorators, resolved.base, staticValue.value);
}

function rhsAlwaysSafe(decorators: string[], base: string, value: unknown): boolean {
  const [first, ...rest] = decorators;
  if (first === undefined)
    return !['in', 'notIn'].includes(base) || typeof value === 'string' || Array.isArray(value);
  if (first === 'someValue' || first === 'everyValue') {
    return Array.isArray(value) && value.every((item) => rhsAlwaysSafe(rest, base, item));
  }
  return rhsAlwaysSafe(rest, base, value);
}
