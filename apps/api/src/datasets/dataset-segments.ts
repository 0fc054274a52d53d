export const MISSING_SEGMENT = '(missing)';

/**
 * The segment a row's results are reported under: the value of the one segment column, or
 * `column=value` of each joined with ` · `; a missing value is `(missing)`. None without segment values.
 */
export function segmentLabel(
  columns: readonly string[],
  segments: Record<string, string> | null,
): string | undefined {
  if (columns.length === 0 || segments === null) return undefined;
  if (columns.length === 1) return segments[columns[0]!] ?? MISSING_SEGMENT;
  return columns.map((column) => `${column}=${segments[column] ?? MISSING_SEGMENT}`).join(' · ');
}
