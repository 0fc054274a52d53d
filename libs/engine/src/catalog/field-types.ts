import type { FieldDefinition } from './fields';

/**
 * What a declared field's type accepts where a strategy compares or weighs it. Conditions and
 * models never convert between types (json-rules-engine compares with `===`), so a value of the
 * wrong type silently never matches, or a weight adds 0: validation reports each such place with
 * the value that would work.
 */
export type FieldType = FieldDefinition['type'];

const TYPE_WORDS: Record<FieldType, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true/false',
  date: 'a date',
  list: 'a list',
};

const ACTION_PROPERTY_TYPES: Record<string, FieldType> = {
  id: 'string',
  name: 'string',
  group: 'string',
  channel: 'string',
  value: 'number',
  cost: 'number',
  validFrom: 'date',
  validTo: 'date',
  tags: 'list',
};

/** The type of a catalog action's core property (`action.value` is a number); attributes are untyped. */
export function actionPropertyDefinition(name: string): FieldDefinition | undefined {
  return Object.hasOwn(ACTION_PROPERTY_TYPES, name)
    ? { name: `action ${name}`, type: ACTION_PROPERTY_TYPES[name]! }
    : undefined;
}

/** A candidate's computed fields (propensity, priority, scores) are always numbers. */
export function computedFieldDefinition(name: string): FieldDefinition {
  return { name, type: 'number' };
}

/** "age is a number", "housing is true/false", "segment is text". */
export function fieldIs(def: FieldDefinition): string {
  return `${def.name} is ${TYPE_WORDS[def.type]}`;
}

/** Whether `value` can equal a value of the field; null tests for an empty value, so it fits every type. */
export function fitsType(type: FieldType, value: unknown): boolean {
  if (value === null) return true;
  switch (type) {
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'list':
      return false;
  }
}

/** The value the user most likely meant, written as it must appear in the document. */
export function suggestedValue(type: FieldType, value: unknown): string {
  switch (type) {
    case 'boolean': {
      const text = String(value).trim().toLowerCase();
      return ['no', 'n', 'false', '0', 'off'].includes(text) ? 'false' : 'true';
    }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(n) ? String(n) : 'a number';
    }
    case 'string':
      return JSON.stringify(typeof value === 'object' ? 'text' : String(value));
    case 'date':
      return 'a date such as "2026-01-31"';
    case 'list':
      return 'a list';
  }
}

/** `housing is true/false: compare with true, not "yes"` */
export function wrongValueMessage(def: FieldDefinition, value: unknown): string {
  return `${fieldIs(def)}: compare with ${suggestedValue(def.type, value)}, not ${JSON.stringify(value)}`;
}

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const OPERATOR_WORDS: Record<string, string> = {
  lessThan: '"lessThan"',
  lessThanInclusive: '"lessThanInclusive"',
  greaterThan: '"greaterThan"',
  greaterThanInclusive: '"greaterThanInclusive"',
};

/** Where a comparison's type problem is: on its operator, or on its value (or one value of a list). */
export interface TypeProblem {
  message: string;
  /** Index into the compared list of values, when one item of it is wrong. */
  index?: number;
  on: 'operator' | 'value';
}

/**
 * The type mistakes of comparing a declared field with a constant, for any json-rules-engine
 * operator (decorated or not): one entry per mistake, empty when the comparison fits the field.
 */
export function comparisonTypeProblems(
  def: FieldDefinition,
  operator: string,
  value: unknown,
): TypeProblem[] {
  const parts = operator.split(':');
  const base = parts.pop()!;
  // A swapped comparison puts the field on the other side of the operator: not checked here.
  if (parts.includes('swap')) return [];
  const onItems = parts.some((d) => d === 'someFact' || d === 'everyFact');
  if (onItems && def.type !== 'list') {
    return [
      {
        on: 'operator',
        message: `${fieldIs(def)}, not a list: "${parts.find((d) => d.endsWith('Fact'))}" looks at the items of a list; remove it`,
      },
    ];
  }
  // The items of a list field have no declared type.
  if (onItems) return [];
  const eachValue = parts.some((d) => d === 'someValue' || d === 'everyValue');
  if (eachValue) {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, index) =>
      baseProblems(def, base, item).map((p) => ({ ...p, index: p.index ?? index })),
    );
  }
  return baseProblems(def, base, value);
}

function baseProblems(def: FieldDefinition, base: string, value: unknown): TypeProblem[] {
  if (NUMERIC.has(base)) {
    if (def.type === 'number' || def.type === 'date') {
      return fitsType(def.type, value) && value !== null
        ? []
        : [{ on: 'value', message: wrongValueMessage(def, value) }];
    }
    const instead =
      def.type === 'boolean'
        ? `use "equal" with true or false`
        : def.type === 'list'
          ? `use "contains"`
          : `use "equal" or "in", or declare ${def.name} as a number`;
    return [
      { on: 'operator', message: `${fieldIs(def)}: ${OPERATOR_WORDS[base]} compares numbers; ${instead}` },
    ];
  }
  if (base === 'contains' || base === 'doesNotContain') {
    if (def.type === 'list') return [];
    return [
      {
        on: 'operator',
        message: `${fieldIs(def)}, not a list: "${base}" looks inside a list; use "${base === 'contains' ? 'equal' : 'notEqual'}" or "${base === 'contains' ? 'in' : 'notIn'}"`,
      },
    ];
  }
  if (base === 'in' || base === 'notIn') {
    if (typeof value === 'string') {
      // On a text field json-rules-engine looks for the field inside the text; on any other it never matches.
      if (def.type === 'string') return [];
      return [
        {
          on: 'value',
          message: `${fieldIs(def)}: "${base}" needs a list of values such as [${value
            .split(',')
            .map((part) => suggestedValue(def.type, part))
            .join(', ')}], not ${JSON.stringify(value)}`,
        },
      ];
    }
    if (def.type === 'list') {
      return [
        {
          on: 'operator',
          message: `${fieldIs(def)}: "${base}" looks for the whole list among the values; use "${base === 'in' ? 'contains' : 'doesNotContain'}" to look for an item`,
        },
      ];
    }
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, index) =>
      fitsType(def.type, item)
        ? []
        : [{ on: 'value' as const, index, message: wrongValueMessage(def, item) }],
    );
  }
  if (base === 'equal' || base === 'notEqual') {
    // A list or object never equals anything (reported for every field); a list field is compared by identity.
    if (value !== null && typeof value === 'object') return [];
    if (def.type === 'list') {
      return [
        {
          on: 'operator',
          message: `${fieldIs(def)}: "${base}" compares the whole list; use "${base === 'equal' ? 'contains' : 'doesNotContain'}" to look for an item`,
        },
      ];
    }
    return fitsType(def.type, value) ? [] : [{ on: 'value', message: wrongValueMessage(def, value) }];
  }
  return [];
}

/** Values a comparison tests against a field's allowed values: those of equal/in and of contains on a list. */
export function comparedValues(def: FieldDefinition, operator: string, value: unknown): unknown[] {
  const parts = operator.split(':');
  const base = parts.pop()!;
  if (parts.length) return [];
  if (['equal', 'notEqual'].includes(base)) return value !== null && typeof value === 'object' ? [] : [value];
  if (['in', 'notIn'].includes(base)) return Array.isArray(value) ? value : [];
  if (def.type === 'list' && ['contains', 'doesNotContain'].includes(base)) return [value];
  return [];
}

/** `"platinum" is not an allowed value of segment ("gold", "silver"); ...`, or undefined when allowed. */
export function disallowedValueMessage(def: FieldDefinition, value: unknown): string | undefined {
  if (!def.allowedValues || value === null) return undefined;
  if (def.allowedValues.some((allowed) => allowed === value)) return undefined;
  return `${JSON.stringify(value)} is not an allowed value of ${def.name} (${def.allowedValues.map((a) => JSON.stringify(a)).join(', ')}); use one of them or add it to the field's allowed values`;
}
