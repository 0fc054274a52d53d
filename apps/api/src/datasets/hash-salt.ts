import { createHash } from 'node:crypto';
import type { AppConfig } from '../config/app-config';

/**
 * The secret of the keyed pseudonyms of personal values (HMAC-SHA-256): `DATASET_HASH_SALT`, else one
 * derived from the JWT secret. Dataset imports and customer profiles use the same one, so a hashed
 * customer id or e-mail address is the same pseudonym everywhere (and erasure finds it).
 */
export function personalDataSalt(config: Pick<AppConfig, 'datasets' | 'jwt'>): string {
  return (
    config.datasets.hashSalt ??
    createHash('sha256').update(`arbiter-datasets:${config.jwt.secret}`).digest('hex')
  );
}
