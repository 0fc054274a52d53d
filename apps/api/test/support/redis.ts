import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';

export const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A Redis key prefix of its own for one test file. */
export const uniquePrefix = (name: string) => `arbiter-test-${name}-${randomBytes(4).toString('hex')}`;

/** Deletes every key under the prefix. */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
