import { fieldsRead, type DataSchema, type DecisionInput, type FieldDefinition } from '@arbiter/engine';

/**
 * A starting customer for the test panel when no example fits the catalog: one value per declared
 * field the strategy reads (every declared field while it reads none), so a strategy of one
 * business line is not tested with another line's fields.
 */
export function sampleFromSchema(schema: DataSchema, document?: unknown, now = new Date()): DecisionInput {
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
  const reads = document === undefined ? undefined : fieldsRead(document);
  const used = (fields: readonly FieldDefinition[] = [], read: readonly string[] = []) => {
    const wanted = new Set(read);
    const some = fields.filter((f) => wanted.has(f.name));
    return some.length ? some : fields;
  };
  const customer: Record<string, unknown> = { id: 'test-customer-1' };
  for (const f of used(schema.customer, reads?.customer)) customer[f.name] = value(f);
  const context: Record<string, unknown> = {};
  for (const f of used(schema.context, reads?.context)) context[f.name] = value(f);
  return { customer, context };
}
