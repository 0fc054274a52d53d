import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

const logger = new Logger('Redis');

/**
 * A Redis client for the decision API's bus and caches: fails fast instead of queueing commands
 * for ever, and reconnects on its own. Errors are logged at most every 10 s; callers fall back to
 * PostgreSQL / in-process behaviour while Redis is away.
 */
export function redisClient(url: string, name: string): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: 2,
    connectTimeout: 2000,
    enableAutoPipelining: true,
  });
  let lastLog = 0;
  client.on('error', (error: Error) => {
    if (Date.now() - lastLog < 10_000) return;
    lastLog = Date.now();
    logger.warn(`${name}: ${error.message}`);
  });
  return client;
}

/** Closes a client without waiting for a Redis that is away (QUIT would be queued until it returns). */
export async function closeRedis(client: Redis | undefined): Promise<void> {
  if (!client) return;
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}
