import { createHmac } from 'node:crypto';
import { DatasetError } from './dataset-error';

/**
 * What happens to a personal column at import: a keyed pseudonym, nothing kept at all, or — chosen
 * explicitly, over the schema's hashing default — the value in clear (strategies that compare it,
 * such as `age >= 18`, need it so).
 */
export type PersonalTreatment = 'hash' | 'drop' | 'keep';

export const MIN_SALT_LENGTH = 16;

/**
 * HMAC-SHA-256 with a secret salt: equal values still match (joins, distinct counts) but, unlike a
 * plain hash, e-mail addresses or phone numbers cannot be recovered by hashing guesses without the salt.
 */
export function createPseudonymizer(salt: string | undefined): (value: string) => string {
  if (salt === undefined || salt.length < MIN_SALT_LENGTH) {
    throw new DatasetError(
      'invalid-options',
      `Hashing personal columns needs a secret hashSalt of at least ${MIN_SALT_LENGTH} characters, kept outside the dataset (e.g. in the server's configuration).`,
    );
  }
  return (value) => createHmac('sha256', salt).update(value).digest('hex');
}
