import type { DataSchema, DecisionInput, FieldDefinition } from '@arbiter/engine';

/** A starting customer for the test panel when no example fits the catalog: one value per declared field. */
export function sampleFromSchema(schema: DataSchema, now = new Date()): DecisionInput {
  const value = (f: FieldDefinition): unknown => {
    if (f.allowedValues?.length) return f.allowedValues[0];
    switch (f.type) {
      case 'number':
        return /age/i.test(f.name) ? 35 : /risk|rate|pct|share/i.test(f.name) ? 0.5 : 1;
      case 'boolean':
        return false;
      case 'date':
        return now.toISOString();
      case 'list':
        return [];
      default:
        return f.name === 'id' ? 'test-customer-1' : '';
    }
  };
  const customer: Record<string, unknown> = { id: 'test-customer-1' };
  for (const f of schema.customer ?? []) customer[f.name] = value(f);
  const context: Record<string, unknown> = {};
  for (const f of schema.context ?? []) context[f.name] = value(f);
  return { customer, context };
}
