import {
  actionPropertyDefinition,
  comparedValues,
  comparisonTypeProblems,
  computedFieldDefinition,
  disallowedValueMessage,
  fieldIs,
} from '../catalog/field-types';
import type { DataSchema, FieldDefinition } from '../catalog/fields';
import { joinField, problem, type ValidationProblem } from '../validation/problem';
import { resolveOperator, OPERATORS, DECORATORS } from './operators';
import { FIELD_AGES, fieldAgePath } from './field-ages';
import { parsePath } from './path';
import { FACT_NAMES, isFactReference, type FactName } from './types';

/** What a condition at a given place in a strategy may read. */
export interface ConditionScope {
  facts: readonly FactName[];
  schema?: DataSchema;
  /** Property names `action.*` may use (catalog core properties and attributes); unchecked if absent. */
  actionFields?: ReadonlySet<string>;
}

interface Where {
  nodeId?: string;
  field: string;
}

/**
 * How many "all" / "any" / "not" blocks may nest in one condition. Validation stops descending
 * here, so the recursive compiler and describer only ever see conditions this shallow.
 */
export const MAX_CONDITION_DEPTH = 32;

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
const COMPARISON_KEYS = ['fact', 'operator', 'value', 'path'];
/**
 * Other properties are metadata (`name`, `customId`, ...): json-rules-engine copies them onto its
 * condition and never reads them, and so do we. These it reads, writes or calls, so a condition
 * carrying them would not behave as written.
 */
const RESERVED_KEYS = new Set([
  'result',
  'factResult',
  'valueResult',
  'evaluate',
  'toJSON',
  'booleanOperator',
  'isBooleanOperator',
  'isConditionReference',
  'constructor',
  '__proto__',
]);

/**
 * Checks a condition in json-rules-engine's format and returns every problem found. Anything that
 * json-rules-engine would reject, that would always throw, or that Arbiter does not support is an
 * error, and so is a comparison that does not fit the declared field (a value of another type or
 * outside the allowed values), since it silently never matches.
 */
export function checkCondition(condition: unknown, scope: ConditionScope, where: Where): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (isPlainObject(condition) && !BOOLEAN_KEYS.some((k) => Object.hasOwn(condition, k))) {
    problems.push(
      problem('invalid_condition', 'the condition must start with "all", "any" or "not"', {
        nodeId: where.nodeId,
        field: where.field,
      }),
    );
  }
  visit(condition, where.field, scope, where.nodeId, problems, 1);
  return problems;
}

function visit(
  condition: unknown,
  field: string,
  scope: ConditionScope,
  nodeId: string | undefined,
  problems: ValidationProblem[],
  depth: number,
): void {
  const report = (code: Parameters<typeof problem>[0], message: string, at = field, severity?: 'warning') =>
    problems.push(problem(code, message, { nodeId, field: at, severity }));

  if (!isPlainObject(condition)) {
    report('invalid_condition', 'each condition must be an object with "all", "any", "not" or "fact"');
    return;
  }
  if (Object.hasOwn(condition, 'condition')) {
    report(
      'unsupported_condition',
      'shared condition references ("condition") are not supported: put the condition itself here',
    );
    return;
  }
  checkPriorityAndName(condition, field, report);

  const booleans = BOOLEAN_KEYS.filter((k) => Object.hasOwn(condition, k));
  if (booleans.length > 1) {
    report(
      'invalid_condition',
      `use exactly one of "all", "any" or "not" in one condition, not ${booleans.join(' and ')}`,
    );
    return;
  }
  const booleanKey = booleans[0];
  if (booleanKey && depth > MAX_CONDITION_DEPTH) {
    report(
      'invalid_condition',
      `conditions nest more than ${MAX_CONDITION_DEPTH} "all" / "any" / "not" blocks deep here; keep at most ${MAX_CONDITION_DEPTH} levels`,
    );
    return;
  }
  if (booleanKey) {
    for (const key of Object.keys(condition)) {
      if (COMPARISON_KEYS.includes(key) || key === 'params') {
        report(
          'invalid_condition',
          `"${key}" belongs in a comparison and is ignored next to "${booleanKey}": move it into a condition inside "${booleanKey}" or remove it`,
          joinField(field, key),
        );
      } else checkMetadataKey(key, field, report);
    }
    const children = condition[booleanKey];
    const childField = joinField(field, booleanKey);
    if (booleanKey === 'not') {
      if (Array.isArray(children) || !isPlainObject(children)) {
        report('invalid_condition', '"not" takes one condition (an object), not a list', childField);
        return;
      }
      visit(children, childField, scope, nodeId, problems, depth + 1);
      return;
    }
    if (!Array.isArray(children)) {
      report('invalid_condition', `"${booleanKey}" must be a list of conditions`, childField);
      return;
    }
    if (children.length === 0) {
      report(
        'invalid_condition',
        `an empty "${booleanKey}" group always passes; add a condition to it or remove it`,
        childField,
        'warning',
      );
    }
    children.forEach((child, i) =>
      visit(child, joinField(childField, i), scope, nodeId, problems, depth + 1),
    );
    return;
  }
  checkComparison(condition, field, scope, report);
}

type Report = (
  code: Parameters<typeof problem>[0],
  message: string,
  at?: string,
  severity?: 'warning',
) => void;

function checkComparison(
  condition: Record<string, unknown>,
  field: string,
  scope: ConditionScope,
  report: Report,
) {
  if (Object.hasOwn(condition, 'params')) {
    report(
      'unsupported_condition',
      '"params" are for dynamic facts, which strategies do not have: remove them',
      joinField(field, 'params'),
    );
  }
  for (const key of Object.keys(condition)) {
    if (!COMPARISON_KEYS.includes(key) && key !== 'params') checkMetadataKey(key, field, report);
  }
  for (const key of ['fact', 'operator', 'value']) {
    if (!Object.hasOwn(condition, key))
      report('invalid_condition', `a comparison needs "${key}"`, joinField(field, key));
  }
  const fieldDef = checkFactAndPath(condition.fact, condition.path, field, scope, report);

  const operatorName = condition.operator;
  if (Object.hasOwn(condition, 'operator')) {
    if (typeof operatorName !== 'string' || !resolveOperator(operatorName)) {
      report(
        'invalid_condition',
        `unknown operator ${JSON.stringify(operatorName)}; use one of ${Object.keys(OPERATORS).join(', ')}` +
          ` (optionally decorated: ${Object.keys(DECORATORS).join(', ')}, e.g. "someFact:equal")`,
        joinField(field, 'operator'),
      );
    }
  }
  if (!Object.hasOwn(condition, 'value')) return;
  const value = condition.value;
  const valueField = joinField(field, 'value');
  if (isFactReference(value)) {
    for (const key of Object.keys(value)) {
      if (key === 'params')
        report(
          'unsupported_condition',
          '"params" are not supported in a fact reference',
          joinField(valueField, key),
        );
      else if (key !== 'fact' && key !== 'path')
        report(
          'invalid_condition',
          `unknown property "${key}" in a fact reference`,
          joinField(valueField, key),
        );
    }
    const otherDef = checkFactAndPath(value.fact, value.path, valueField, scope, report);
    if (fieldDef && otherDef && typeof operatorName === 'string' && !operatorName.includes(':')) {
      // Dates are ISO text, so a date and a text field compare as text.
      const asText = (t: string) => (t === 'date' ? 'string' : t);
      const sameType = asText(fieldDef.type) === asText(otherDef.type);
      if (
        !sameType &&
        [
          'equal',
          'notEqual',
          'lessThan',
          'lessThanInclusive',
          'greaterThan',
          'greaterThanInclusive',
        ].includes(operatorName)
      ) {
        report(
          'type_mismatch',
          `${fieldIs(fieldDef)} but ${fieldIs(otherDef)}, so they never compare as intended; compare fields of the same type`,
          valueField,
        );
      }
    }
    return;
  }
  if (operatorName === 'in' || operatorName === 'notIn') {
    if (!Array.isArray(value) && typeof value !== 'string') {
      report(
        'invalid_condition',
        `"${operatorName}" needs a list of values, e.g. ["gold", "silver"]`,
        valueField,
      );
      return;
    }
  }
  if (typeof operatorName === 'string') checkAgainstSchema(operatorName, value, fieldDef, valueField, report);
}

function checkFactAndPath(
  fact: unknown,
  path: unknown,
  field: string,
  scope: ConditionScope,
  report: Report,
): FieldDefinition | undefined {
  if (fact === undefined) return undefined;
  if (typeof fact !== 'string' || !(FACT_NAMES as readonly string[]).includes(fact)) {
    report(
      'unknown_fact',
      `unknown fact ${JSON.stringify(fact)}; use one of ${scope.facts.join(', ')}`,
      joinField(field, 'fact'),
    );
    return undefined;
  }
  if (!scope.facts.includes(fact as FactName)) {
    report(
      'unknown_fact',
      `"${fact}" cannot be used here; this condition may read ${scope.facts.join(', ')}`,
      joinField(field, 'fact'),
    );
    return undefined;
  }
  if (path === undefined || path === '') return undefined;
  const pathField = joinField(field, 'path');
  if (typeof path !== 'string') {
    report('invalid_condition', 'path must be a string such as "$.age"', pathField);
    return undefined;
  }
  const parsed = parsePath(path);
  if (!parsed.ok) {
    report('unsupported_condition', parsed.message, pathField);
    return undefined;
  }
  const name = parsed.keys[0];
  // A path starting with a wildcard or slice reads every field: nothing to check it against.
  if (name === undefined) return undefined;
  if (fact === 'customer' && name === FIELD_AGES) {
    const age = fieldAgePath(parsed.many ? [] : parsed.keys, scope.schema?.customer);
    if (age.problem) report('unknown_field', age.problem, pathField);
    return age.definition;
  }
  if (fact === 'customer' || fact === 'context') {
    const declared = scope.schema?.[fact];
    if (!declared) return undefined;
    const def = declared.find((f) => f.name === name);
    if (!def) {
      report('unknown_field', `${fact} field "${name}" is not in the declared ${fact} schema`, pathField);
    }
    return parsed.steps.length === 1 ? def : undefined;
  }
  if (fact === 'action' && scope.actionFields && !scope.actionFields.has(name)) {
    report('unknown_field', `no action in the catalog has a property "${name}"`, pathField);
  }
  if (parsed.steps.length !== 1) return undefined;
  // With the catalog known, its core properties have fixed types; with a schema, so do computed fields.
  if (fact === 'action' && scope.actionFields) return actionPropertyDefinition(name);
  if (fact === 'fields' && scope.schema) return computedFieldDefinition(name);
  return undefined;
}

function checkAgainstSchema(
  operatorName: string,
  value: unknown,
  def: FieldDefinition | undefined,
  field: string,
  report: Report,
) {
  if (
    (operatorName === 'equal' || operatorName === 'notEqual') &&
    value !== null &&
    typeof value === 'object'
  ) {
    report(
      'type_mismatch',
      `"${operatorName}" compares by identity, so a list or object never matches; use "in" or "contains"`,
      field,
      'warning',
    );
  }
  if (!def) return;
  const operatorField = joinField(field.slice(0, field.lastIndexOf('.')), 'operator');
  const mistyped = new Set<unknown>();
  for (const p of comparisonTypeProblems(def, operatorName, value)) {
    if (p.index !== undefined && Array.isArray(value)) mistyped.add(value[p.index]);
    else mistyped.add(value);
    const at =
      p.on === 'operator' ? operatorField : p.index !== undefined ? joinField(field, p.index) : field;
    report('type_mismatch', p.message, at);
  }
  for (const v of comparedValues(def, operatorName, value)) {
    const message = mistyped.has(v) ? undefined : disallowedValueMessage(def, v);
    if (message) report('unknown_value', message, field);
  }
}

function checkMetadataKey(key: string, field: string, report: Report) {
  if (RESERVED_KEYS.has(key)) {
    report(
      'invalid_condition',
      `"${key}" is a reserved name on a condition, so it cannot hold your own notes: rename it`,
      joinField(field, key),
    );
  }
}

function checkPriorityAndName(condition: Record<string, unknown>, field: string, report: Report) {
  if (Object.hasOwn(condition, 'priority')) {
    const p = condition.priority;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1) {
      report(
        'invalid_condition',
        'priority must be a whole number ≥ 1 (higher is evaluated first)',
        joinField(field, 'priority'),
      );
    }
  }
  if (Object.hasOwn(condition, 'name') && typeof condition.name !== 'string') {
    report('invalid_condition', 'name must be a string', joinField(field, 'name'));
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
