/**
 * PostgreSQL keeps neither NUL characters nor unpaired UTF-16 surrogates (JSON escapes such as
 * "\u0000" or a lone "\ud800") in text or jsonb; one such value would fail the whole batch it is
 * stored with, so its row is rejected instead, and the report shows it escaped.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** Why a value cannot be stored, if it cannot; lists and objects (JSON lines) are looked into. */
export function unstorableText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (!UNSTORABLE.test(value)) return undefined;
    return value.includes('\u0000')
      ? 'holds a NUL character (\\u0000), which cannot be stored; remove it from the file'
      : 'holds half of a UTF-16 surrogate pair (an escape such as \\ud800 without its partner), which is not text; fix the value in the file';
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const problem = unstorableText(key) ?? unstorableText(item);
    if (problem) return problem;
  }
  return undefined;
}

/** The text with each NUL and unpaired surrogate written as its escape (`\u0000`). */
export function escapeUnstorable(text: string): string {
  return text.replace(UNSTORABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
