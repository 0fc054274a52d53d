import { isPeriodic, withoutWords } from './guessable-text';

/**
 * Words that people put into "secrets" by hand. A secret that is mostly made of them is guessable
 * however long it is.
 */
const COMMON_WORDS = [
  'password',
  'passwd',
  'secret',
  'changeme',
  'change',
  'please',
  'letmein',
  'default',
  'example',
  'sample',
  'arbiter',
  'admin',
  'token',
  'jwt',
  'key',
  'audit',
  'hmac',
  'production',
  'prod',
  'development',
  'test',
  'qwerty',
  'abcdef',
  'abc',
  '123456',
  'my',
  'your',
  'super',
  'very',
  'long',
  'strong',
  'random',
  'string',
  'here',
];

const MIN_DISTINCT_CHARACTERS = 8;
/** What must be left of a secret once the common words and separators are taken out. */
const MIN_UNCOMMON_CHARACTERS = 16;

/**
 * Why a long secret is still trivially guessable, or null when it looks random enough: one
 * character repeated, few distinct characters, a word repeated, or mostly common words.
 * Meant for secrets made by `openssl rand -hex 32` and the like; it is no proof of randomness.
 */
export function weakSecretReason(secret: string): string | null {
  const distinct = new Set(secret).size;
  if (distinct < MIN_DISTINCT_CHARACTERS)
    return `uses only ${distinct} distinct character${distinct === 1 ? '' : 's'}`;
  if (isPeriodic(secret)) return 'is a shorter piece repeated';
  const rest = withoutWords(secret, COMMON_WORDS).replace(/[^a-z0-9]/g, '');
  if (rest.length < MIN_UNCOMMON_CHARACTERS) return 'is made mostly of common words';
  return null;
}
