import type { DataSchema } from '../catalog/fields';
import { OPERATORS } from './operators';
import { parsePath, type PathStep } from './path';
import { isAll, isAny, isFactReference, isNot, type ComparisonCondition, type Condition } from './types';

/** Labels for facts and paths: declared labels first, else the field name in words. */
export interface Labels {
  schema?: DataSchema;
}

/** "age ≥ 18 and (segment is one of "gold", "silver" or not churn risk < 0.3)" */
export function describeCondition(condition: Condition, labels: Labels = {}): string {
  return describe(condition, labels, true);
}

function describe(condition: Condition, labels: Labels, top: boolean): string {
  if (isAll(condition) || isAny(condition)) {
    const children = isAll(condition) ? condition.all : condition.any;
    if (children.length === 0) return 'always';
    const parts = children.map((c) => describe(c, labels, false));
    const text = parts.join(isAll(condition) ? ' and ' : ' or ');
    return top || children.length === 1 ? text : `(${text})`;
  }
  if (isNot(condition)) return `not ${describe(condition.not, labels, false)}`;
  return describeComparison(condition, labels);
}

export function describeComparison(c: ComparisonCondition, labels: Labels): string {
  // "swap:contains" compares the other way round: "“gold”, “silver” contains segment".
  if (typeof c.operator === 'string' && c.operator.startsWith('swap:')) {
    return `${describeValue(c.value, labels)} ${operatorWords(c.operator.slice(5))} ${label(c.fact, c.path, labels)}`;
  }
  return `${label(c.fact, c.path, labels)} ${operatorWords(c.operator)} ${describeValue(c.value, labels)}`;
}

/** "≥", "has an item that =", "contains any of" (someValue), "not =". */
export function operatorWords(operator: string): string {
  const parts = operator.split(':');
  const base = parts.pop()!;
  const words = Object.hasOwn(OPERATORS, base) ? OPERATORS[base]!.symbol : base;
  const before = parts
    .filter((d) => !Object.hasOwn(VALUE_DECORATOR_WORDS, d))
    .map((d) => wordsFor(DECORATOR_WORDS, d));
  const after = parts
    .filter((d) => Object.hasOwn(VALUE_DECORATOR_WORDS, d))
    .map((d) => wordsFor(VALUE_DECORATOR_WORDS, d));
  return [...before, words, ...after].join(' ');
}

function wordsFor(words: Record<string, string>, decorator: string): string {
  return Object.hasOwn(words, decorator) ? words[decorator]! : decorator;
}

const DECORATOR_WORDS: Record<string, string> = {
  someFact: 'has an item that',
  everyFact: 'has only items that',
  swap: '(swapped)',
  not: 'not',
};

/** Decorators over the value list read after the operator: "segment = any of "gold", "silver"". */
const VALUE_DECORATOR_WORDS: Record<string, string> = {
  someValue: 'any of',
  everyValue: 'all of',
};

export function describeValue(value: unknown, labels: Labels = {}): string {
  if (isFactReference(value)) return label(value.fact, value.path, labels);
  return formatValue(value);
}

/** Values as a business user reads them: strings quoted, lists comma-separated. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (Array.isArray(value))
    return value.length === 0 ? 'no values' : value.map((v) => formatValue(v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** "age", "churn risk", "action group", "propensity" */
export function label(fact: string, path: string | undefined, labels: Labels): string {
  const parsed = path ? parsePath(path) : undefined;
  const steps = parsed?.ok ? parsed.steps : [];
  if ((fact === 'customer' || fact === 'context') && parsed?.ok && !parsed.many && steps.length === 1) {
    const declared = labels.schema?.[fact]?.find((f) => f.name === parsed.keys[0]);
    if (declared?.label) return declared.label;
  }
  const words = steps.map(stepWords).join(' ');
  if (fact === 'action') return words ? `action ${words}` : 'action';
  if (fact === 'context') return words ? words : 'context';
  return words || fact;
}

/** "#1" for an index, "(each)" for a wildcard, "(items 1 to 2)" for a slice. */
function stepWords(step: PathStep): string {
  if ('wildcard' in step) return '(each)';
  if ('slice' in step) {
    const { start, end, step: by } = step.slice;
    const from = start === undefined ? 'first' : start < 0 ? `${-start}th from last` : `#${start + 1}`;
    const to = end === undefined ? 'last' : end < 0 ? `before the ${-end}th from last` : `#${end}`;
    return `(items ${from} to ${to}${by && by > 1 ? `, every ${by}th` : ''})`;
  }
  return /^\d+$/.test(step.key) ? `#${Number(step.key) + 1}` : humanize(step.key);
}

const humanized = new Map<string, string>();
const HUMANIZED_LIMIT = 10_000;

/** "monthlyBill", "monthly_bill" → "monthly bill"; worked out once per name (every comparison asks). */
export function humanize(name: string): string {
  let words = humanized.get(name);
  if (words === undefined) {
    words = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[_-]+/g, ' ')
      .toLowerCase()
      .trim();
    if (humanized.size >= HUMANIZED_LIMIT) humanized.clear();
    humanized.set(name, words);
  }
  return words;
}
