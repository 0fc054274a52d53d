import { fieldIs } from '../catalog/field-types';
import type { FieldDefinition } from '../catalog/fields';
import { problem, type ValidationProblem } from '../validation/problem';

/**
 * What is wrong with one category a model compares its input with (a logistic term's key, a tree
 * split's value). Categories are written as text: "true"/"false" for a boolean field, a number as
 * text for a number field, and one of the allowed values where the field declares them.
 */
export function categoryProblems(
  def: FieldDefinition,
  category: string,
  nodeId: string,
  field: string,
): ValidationProblem[] {
  const report = (code: 'type_mismatch' | 'unknown_value', message: string) => [
    problem(code, message, { nodeId, field }),
  ];
  if (def.type === 'boolean' && category !== 'true' && category !== 'false') {
    return report(
      'type_mismatch',
      `${fieldIs(def)}: use "true" and "false" as the categories, not ${JSON.stringify(category)}`,
    );
  }
  if (def.type === 'number' && String(Number(category)) !== category) {
    return report(
      'type_mismatch',
      `${fieldIs(def)}: write a category as a number, such as "3", not ${JSON.stringify(category)}`,
    );
  }
  const allowed = def.allowedValues?.map(String);
  if (allowed && !allowed.includes(category)) {
    return report(
      'unknown_value',
      `${JSON.stringify(category)} is not an allowed value of ${def.name} (${allowed.map((a) => JSON.stringify(a)).join(', ')}); use one of them or add it to the field's allowed values`,
    );
  }
  return [];
}
