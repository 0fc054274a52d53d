/** Shared tests of the password and the secret checks: what makes a long text easy to guess. */

/** True when some piece shorter than half the text repeats to make the whole text ("abcabcabc…"). */
export function isPeriodic(text: string): boolean {
  for (let period = 1; period <= text.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < text.length && repeats; i++) repeats = text[i] === text[i - period];
    if (repeats) return true;
  }
  return false;
}

/** The lower-cased text with every occurrence of the words (longest first) replaced by `gap`. */
export function withoutWords(text: string, words: readonly string[], gap = ''): string {
  let rest = text.toLowerCase();
  for (const word of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(gap);
  return rest;
}
