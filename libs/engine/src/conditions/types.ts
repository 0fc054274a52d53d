/**
 * Conditions in json-rules-engine's format, evaluated with exactly its semantics.
 * The facts a strategy offers are fixed: the customer, the decision context, the candidate's
 * action from the catalog and the candidate's computed fields (propensity, priority, ...).
 */
export const FACT_NAMES = ['customer', 'context', 'action', 'fields'] as const;
export type FactName = (typeof FACT_NAMES)[number];

export interface FactReference {
  fact: string;
  path?: string;
}

export interface ComparisonCondition {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  priority?: number;
  name?: string;
}

export interface AllCondition {
  all: Condition[];
  priority?: number;
  name?: string;
}

export interface AnyCondition {
  any: Condition[];
  priority?: number;
  name?: string;
}

export interface NotCondition {
  not: Condition;
  priority?: number;
  name?: string;
}

export type Condition = ComparisonCondition | AllCondition | AnyCondition | NotCondition;
/** A rule's root is always all / any / not, as json-rules-engine requires. */
export type RootCondition = AllCondition | AnyCondition | NotCondition;

/** The values a condition reads. `action` and `fields` are empty objects for whole-list conditions. */
export interface ConditionFacts {
  customer: unknown;
  context: unknown;
  action: unknown;
  fields: unknown;
  /** Customer and context values resolved once per decision (see PathSlots); absent outside the runtime. */
  slots?: unknown[];
}

export function isAll(c: Condition): c is AllCondition {
  return Object.prototype.hasOwnProperty.call(c, 'all');
}
export function isAny(c: Condition): c is AnyCondition {
  return Object.prototype.hasOwnProperty.call(c, 'any');
}
export function isNot(c: Condition): c is NotCondition {
  return Object.prototype.hasOwnProperty.call(c, 'not');
}
export function isComparison(c: Condition): c is ComparisonCondition {
  return !isAll(c) && !isAny(c) && !isNot(c);
}

/** json-rules-engine treats a value object with a `fact` property as a reference to another fact. */
export function isFactReference(value: unknown): value is FactReference {
  return value != null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'fact');
}
