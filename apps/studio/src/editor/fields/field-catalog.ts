import {
  actionFieldNames,
  actionPropertyDefinition,
  humanize,
  nodeSpec,
  type ActionDefinition,
  type DataSchema,
  type FactName,
  type FieldDefinition,
  type StrategyDocument,
} from '@arbiter/engine';

export type FieldType = FieldDefinition['type'];

/** One thing a condition or a model may read, as the builder lists it. */
export interface FieldOption {
  fact: FactName;
  name: string;
  label: string;
  type: FieldType;
  allowedValues?: readonly (string | number | boolean)[];
  description?: string;
}

export const FACT_WORDS: Record<FactName, string> = {
  customer: 'Customer',
  context: 'Context',
  action: 'Action',
  fields: 'Computed',
};

/** Everything the place in the strategy may read: declared customer/context fields, action properties, computed fields. */
export function fieldOptions(
  env: { schema?: DataSchema; actions?: readonly ActionDefinition[] },
  doc: StrategyDocument | undefined,
  facts: readonly FactName[],
): FieldOption[] {
  const options: FieldOption[] = [];
  for (const fact of ['customer', 'context'] as const) {
    if (!facts.includes(fact)) continue;
    for (const f of env.schema?.[fact] ?? []) {
      options.push({
        fact,
        name: f.name,
        label: f.label ?? humanize(f.name),
        type: f.type,
        allowedValues: f.allowedValues,
        description: f.description,
      });
    }
  }
  if (facts.includes('action')) {
    const actions = env.actions ?? [];
    for (const name of actionFieldNames(actions)) {
      if (name === 'validFrom' || name === 'validTo') continue;
      const type = actionPropertyDefinition(name)?.type ?? attributeType(actions, name);
      const allowed =
        name === 'group' || name === 'channel' || name === 'id'
          ? distinct(actions.map((a) => a[name as 'group' | 'channel' | 'id']))
          : undefined;
      options.push({
        fact: 'action',
        name,
        label: `action ${humanize(name)}`,
        type,
        allowedValues: allowed?.length ? allowed : undefined,
      });
    }
  }
  if (facts.includes('fields')) {
    const computed = new Set(['propensity', 'value', 'priority']);
    for (const node of doc?.nodes ?? []) {
      const spec = nodeSpec(node.type);
      const parsed = spec?.configSchema.safeParse(node.config ?? {});
      if (spec?.setsFields && parsed?.success) for (const f of spec.setsFields(parsed.data)) computed.add(f);
    }
    for (const name of computed)
      options.push({ fact: 'fields', name, label: humanize(name), type: 'number' });
  }
  return options;
}

function attributeType(actions: readonly ActionDefinition[], name: string): FieldType {
  const sample = actions.map((a) => a.attributes?.[name]).find((v) => v !== undefined);
  if (typeof sample === 'number') return 'number';
  if (typeof sample === 'boolean') return 'boolean';
  if (Array.isArray(sample)) return 'list';
  return 'string';
}

function distinct(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))].sort();
}

export function findField(
  options: readonly FieldOption[],
  fact: string,
  name: string,
): FieldOption | undefined {
  return options.find((o) => o.fact === fact && o.name === name);
}

/** Model inputs are written `customer.age`; the same options, as references. */
export function referenceOf(option: FieldOption): string {
  return `${option.fact}.${option.name}`;
}

/** The option a reference (`customer.age`) names, if it is declared. */
export function optionOf(options: readonly FieldOption[], reference: string): FieldOption | undefined {
  return options.find((o) => referenceOf(o) === reference);
}

const EQUALITY = [
  { operator: 'equal', words: 'is' },
  { operator: 'notEqual', words: 'is not' },
];
const MEMBERSHIP = [
  { operator: 'in', words: 'is one of' },
  { operator: 'notIn', words: 'is not one of' },
];

/** Operators the builder offers per field type, with the words it shows for them. */
export function operatorsFor(type: FieldType): { operator: string; words: string }[] {
  switch (type) {
    case 'number':
      return [
        ...EQUALITY,
        { operator: 'greaterThan', words: 'is more than' },
        { operator: 'greaterThanInclusive', words: 'is at least' },
        { operator: 'lessThan', words: 'is less than' },
        { operator: 'lessThanInclusive', words: 'is at most' },
        ...MEMBERSHIP,
      ];
    case 'string':
      return [...EQUALITY, ...MEMBERSHIP];
    case 'boolean':
      return [...EQUALITY];
    case 'date':
      return [
        { operator: 'equal', words: 'is' },
        { operator: 'lessThan', words: 'is before' },
        { operator: 'greaterThan', words: 'is after' },
      ];
    case 'list':
      return [
        { operator: 'contains', words: 'contains' },
        { operator: 'doesNotContain', words: 'does not contain' },
      ];
  }
}

export const LIST_OPERATORS = new Set(['in', 'notIn']);

/** A sensible value when a rule's field or operator changes. */
export function defaultValue(field: FieldOption | undefined, operator: string): unknown {
  if (LIST_OPERATORS.has(operator)) return [];
  if (!field) return '';
  if (field.allowedValues?.length) return field.allowedValues[0];
  switch (field.type) {
    case 'number':
      return 0;
    case 'boolean':
      return true;
    default:
      return '';
  }
}
