/** The customer and context fields a strategy document reads: what the decision log may keep. */
export interface FieldsRead {
  customer: string[];
  context: string[];
}

const INPUT_REF = /\b(customer|context)\.([A-Za-z_][\w]*)/g;
const PATH_FIELD = /^\$(?:\.([A-Za-z_][\w]*)|\['([^']+)'\])/;

/**
 * Walks the document: conditions `{ fact: "customer"|"context", path: "$.x" }`, model inputs and
 * expressions `customer.x` / `context.x`, and a split's `idField`. Over-approximates (a field named
 * in a label counts) rather than missing one.
 */
export function fieldsRead(document: unknown): FieldsRead {
  const found = { customer: new Set<string>(), context: new Set<string>() };
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(INPUT_REF)) found[m[1] as 'customer' | 'context'].add(m[2]!);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    if ((obj['fact'] === 'customer' || obj['fact'] === 'context') && typeof obj['path'] === 'string') {
      const m = PATH_FIELD.exec(obj['path']);
      const name = m?.[1] ?? m?.[2];
      if (name) found[obj['fact']].add(name);
    }
    if (typeof obj['idField'] === 'string') found.customer.add(obj['idField']);
    Object.values(obj).forEach(visit);
  };
  visit(document);
  found.context.add('now');
  found.context.add('channel');
  return { customer: [...found.customer].sort(), context: [...found.context].sort() };
}
