/** Marks a field without a value in a row: the customer object leaves it out. */
export const NO_VALUE: unique symbol = Symbol('no value');

/** Makes a row's customer object from its field values, in field order, leaving out NO_VALUE. */
export type CustomerObjectBuilder = (values: readonly unknown[]) => Record<string, unknown>;

/**
 * A builder for the customer objects of an import whose `names[i]` is the field of value `i` (none:
 * the value is not a field). The function is generated with one store per field under a constant
 * name: V8 then caches each store's hidden-class transition, where `customer[name] = value` with a
 * variable name took a slow generic path for every value (half the typing time, measured on the
 * coupon data). Names are written as JSON string literals, so no name can inject code.
 */
export function customerObjectBuilder(names: readonly (string | undefined)[]): CustomerObjectBuilder {
  const stores = names.flatMap((name, i) =>
    name === undefined ? [] : [`x = v[${i}]; if (x !== M) o[${JSON.stringify(name)}] = x;`],
  );
  const body = `return function customerObject(v) { const o = {}; let x; ${stores.join(' ')} return o; };`;
  // eslint-disable-next-line no-new-func -- generated from field names only, each a quoted literal
  return new Function('M', body)(NO_VALUE) as CustomerObjectBuilder;
}
