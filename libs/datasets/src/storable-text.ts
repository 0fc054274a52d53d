/**
 * PostgreSQL keeps neither NUL characters nor unpaired UTF-16 surrogates (JSON escapes such as
 * "\u0000" or a lone "\ud800") in text or jsonb; one such value would fail the whole batch it is
 * stored with, so its row is rejected instead, and the report shows it escaped. The API refuses
 * such strings in requests with the same test (`unstorableCharacter`).
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** What in a string PostgreSQL cannot store: a NUL character, half of a surrogate pair, or nothing. */
export function unstorableCharacter(text: string): 'nul' | 'surrogate' | undefined {
  if (!UNSTORABLE.test(text)) return undefined;
  return text.includes('\u0000') ? 'nul' : 'surrogate';
}

/** Why a value cannot be stored, if it cannot; lists and objects (JSON lines) are looked into, keys too. */
export function unstorableText(value: unknown): string | undefined {
  // A loop, not recursion: a row may nest deeply (the JSON-lines parser limits it, but not every caller).
  const pending: unknown[] = [value];
  while (pending.length) {
    const item = pending.pop();
    if (typeof item === 'string') {
      const found = unstorableCharacter(item);
      if (found === 'nul')
        return 'holds a NUL character (\\u0000), which cannot be stored; remove it from the file';
      if (found === 'surrogate')
        return 'holds half of a UTF-16 surrogate pair (an escape such as \\ud800 without its partner), which is not text; fix the value in the file';
    } else if (item !== null && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) pending.push(inner, key);
    }
  }
  return undefined;
}

/** The text with each NUL and unpaired surrogate written as its escape (`\u0000`). */
export function escapeUnstorable(text: string): string {
  return text.replace(UNSTORABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
