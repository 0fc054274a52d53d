/** Only the listed fields of an object. */
export function pick(
  values: Record<string, unknown> | undefined,
  fields: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!values) return out;
  for (const f of fields) if (values[f] !== undefined) out[f] = values[f];
  return out;
}
