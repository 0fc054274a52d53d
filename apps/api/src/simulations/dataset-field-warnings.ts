/** The part of a dataset's report this needs: which customer field each column became, and whether it was hashed. */
interface ReportColumns {
  columns?: { field?: string; personal?: string }[];
}

const list = (names: readonly string[]) => names.map((n) => `customer.${n}`).join(', ');

/**
 * Why a simulation of a strategy on a dataset may mean less than it seems: customer fields the
 * strategy reads that the dataset does not hold (rules on them see no value), or holds only hashed
 * (personal columns: a hash equals only the same hash, so `age >= 18` or `band = "below21"` never match).
 */
export function datasetFieldWarnings(fieldsRead: readonly string[], report: unknown): string[] {
  const columns = (report as ReportColumns | null)?.columns;
  if (!columns) return [];
  const held = new Set(columns.flatMap((c) => (c.field ? [c.field] : [])));
  const hashed = new Set(columns.flatMap((c) => (c.field && c.personal === 'hash' ? [c.field] : [])));
  const missing = fieldsRead.filter((f) => !held.has(f));
  const hashedRead = fieldsRead.filter((f) => hashed.has(f));
  const warnings: string[] = [];
  if (missing.length)
    warnings.push(
      `The strategy reads ${list(missing)}, which this dataset does not have: its rows have no value there, so rules and models on ${missing.length === 1 ? 'it' : 'them'} treat every customer as missing that value. Map a column to ${missing.length === 1 ? 'that field' : 'those fields'} when uploading, if the data has ${missing.length === 1 ? 'it' : 'them'}.`,
    );
  if (hashedRead.length)
    warnings.push(
      `The strategy reads ${list(hashedRead)}, which this dataset holds hashed (personal data): a hash equals only the same hash, so comparisons such as ≥ or = with a value never match. Upload the data with ${hashedRead.length === 1 ? 'that column' : 'those columns'} kept in clear if the simulation needs ${hashedRead.length === 1 ? 'it' : 'them'}.`,
    );
  return warnings;
}
