/** json-rules-engine's own operators, which the engine implements alike: what the differential specs generate. */
export const JSON_RULES_ENGINE_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
