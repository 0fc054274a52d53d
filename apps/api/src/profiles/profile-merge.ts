/*
 * The SQL that merges profile values into `customer_profiles`, shared by the profile upsert and the
 * import's merge (last writer wins per field by the source's time).
 */

/**
 * Per field, where a row's values came from: its `meta`, or its `origin` spread over its fields
 * (a profile written whole by an import; see migration 1765000000040).
 */
const metaOf = (row: string) =>
  `CASE WHEN ${row}.origin IS NULL THEN ${row}.meta ELSE profile_meta(${row}.fields, ${row}.meta, ${row}.origin) END`;

/**
 * The per-key merge of `input` (customer_id, fields, meta, origin, n; one row per customer) into
 * `customer_profiles`, in the order of `n`: callers number the rows in customer id order (JavaScript's
 * string order) so that concurrent merges lock rows in the same order. A new customer's row is
 * inserted whole; for a stored one, each incoming field replaces the stored one unless the stored
 * source time is newer (ties: the incoming value wins), and the row keeps per-field meta from then
 * on. `merged` returns `returning`, computed on the row after the merge (`p`; p.xmax = 0 when it was
 * inserted; an updated row's `meta` is per field), so callers see which fields were written without
 * reading the rows again.
 */
export const merged = (returning: string) => `
  merged AS (
    INSERT INTO customer_profiles AS p (customer_id, fields, meta, origin)
    SELECT customer_id, fields, meta, origin FROM input ORDER BY n
    ON CONFLICT (customer_id) DO UPDATE SET
      (fields, meta, origin) = (SELECT (p.fields::jsonb || coalesce(jsonb_object_agg(m.key, EXCLUDED.fields -> m.key), '{}'))::json,
                                       ${metaOf('p')} || coalesce(jsonb_object_agg(m.key, m.value), '{}'),
                                       NULL::jsonb
                                FROM jsonb_each(${metaOf('EXCLUDED')}) m
                                WHERE (${metaOf('p')}) -> m.key IS NULL OR (${metaOf('p')}) -> m.key -> 't' <= m.value -> 't'),
      updated_at = now()
    RETURNING ${returning}
  )`;

/** Customer id order (JavaScript's string order): concurrent merges lock rows in the same order. */
export const byCustomerId = <T extends { customerId: string }>(a: T, b: T) =>
  a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0;
