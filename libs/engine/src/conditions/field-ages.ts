import type { FieldDefinition } from '../catalog/fields';

/**
 * Freshness of customer data: the server adds `customer._age`, an object giving for each customer
 * field its age in days (fractional) at the decision time — 0 for a field the request sent, the time
 * since the source's update for a field read from the stored profile. A condition reads one field's
 * age with the path `$._age.<field>` (e.g. `{ fact: "customer", path: "$._age.balance", operator:
 * "lessThanInclusive", value: 30 }`); a field without a value has no age, so such a comparison fails.
 * `_age` is a legal field name but is reserved: it cannot be declared, and callers do not send it.
 */
export const FIELD_AGES = '_age';

const AGE_DEFINITION: FieldDefinition = { name: FIELD_AGES, type: 'number', description: 'age in days' };

/**
 * Checks a path under `_age`: exactly one more step naming a declared customer field. Returns the
 * number definition the comparison is checked against, or a problem to report.
 */
export function fieldAgePath(
  keys: readonly string[],
  declared: readonly FieldDefinition[] | undefined,
): { definition?: FieldDefinition; problem?: string } {
  if (keys.length !== 2) {
    return {
      problem: `"${FIELD_AGES}" holds the age in days of each customer field: use the path $.${FIELD_AGES}.<field>, e.g. "$.${FIELD_AGES}.balance"`,
    };
  }
  const field = keys[1]!;
  if (declared && !declared.some((f) => f.name === field)) {
    return { problem: `customer field "${field}" is not in the declared customer schema, so it has no age` };
  }
  return { definition: AGE_DEFINITION };
}
