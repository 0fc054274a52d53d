import { isPeriodic, withoutWords } from '../config/guessable-text';

/** Words and keyboard rows that guessing tools try first; a password made mostly of them is weak at any length. */
const COMMON_PARTS = [
  'password',
  'passwort',
  'passw0rd',
  'admin',
  'administrator',
  'arbiter',
  'root',
  'user',
  'login',
  'welcome',
  'letmein',
  'changeme',
  'secret',
  'default',
  'qwerty',
  'qwertz',
  'azerty',
  'asdf',
  'zxcv',
  'iloveyou',
  'monkey',
  'dragon',
  'master',
];

const MIN_LENGTH = 12;
const MAX_LENGTH = 200;
const MIN_DISTINCT_CHARACTERS = 5;
/** Letters and digits that must be left once common words, runs (abc, 321) and the user's own name or email are taken out. */
const MIN_UNCOMMON_CHARACTERS = 6;

/** Removes runs of 3 or more consecutive characters, up or down (abcd, 1234, 987). */
function withoutRuns(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const step = text.charCodeAt(i + 1) - text.charCodeAt(i);
    let end = i + 1;
    if (step === 1 || step === -1)
      while (end < text.length && text.charCodeAt(end) - text.charCodeAt(end - 1) === step) end++;
    if (end - i >= 3) i = end;
    else out += text[i++];
  }
  return out;
}

/**
 * Why a password is too easy to guess, or null: shorter than 12 characters, few distinct characters,
 * a piece repeated, or mostly common words, keyboard runs and the user's own email or name.
 * A screen against the first guesses of an attacker, not a proof of strength.
 */
export function weakPasswordReason(password: string, personal: readonly string[] = []): string | null {
  if (password.length < MIN_LENGTH) return `must be at least ${MIN_LENGTH} characters`;
  if (password.length > MAX_LENGTH) return `must be at most ${MAX_LENGTH} characters`;
  const distinct = new Set(password).size;
  if (distinct < MIN_DISTINCT_CHARACTERS)
    return `uses only ${distinct} distinct character${distinct === 1 ? '' : 's'}`;
  if (isPeriodic(password.toLowerCase())) return 'is a shorter piece repeated';
  const words = [
    ...COMMON_PARTS,
    ...personal.flatMap((p) => p.toLowerCase().split(/[^a-z0-9]+/)).filter((p) => p.length >= 3),
  ];
  const rest = withoutWords(password, words, ' ')
    .split(/[^a-z0-9]+/)
    .map(withoutRuns)
    .join('');
  if (rest.length < MIN_UNCOMMON_CHARACTERS)
    return 'is made mostly of common words, runs like 1234 or abcd, or the user’s own name or email';
  return null;
}
