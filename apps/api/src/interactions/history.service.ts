import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Interaction as EngineInteraction } from '@arbiter/engine';
import type Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DecisionLogWriter } from '../decision-log/decision-log.writer';
import { closeRedis, redisClient } from '../common/redis-client';
import { HISTORY_LIMIT, InteractionHistoryRepository } from './interaction-history.repository';

export { HISTORY_DAYS, HISTORY_LIMIT } from './interaction-history.repository';

interface Waiter {
  resolve(items: EngineInteraction[]): void;
  reject(error: unknown): void;
}

const CACHE_TTL_SECONDS = 60;
const LRU_SIZE = 10_000;

/**
 * A customer's recent interactions (shown actions and outcomes), newest first: the last 90 days,
 * at most 500, as contact-policy nodes read them. PostgreSQL is the truth; the window is cached
 * per customer for 60 s in Redis (REDIS_URL) or in an in-process LRU, updated when a decision
 * shows actions and dropped when an outcome arrives.
 */
@Injectable()
export class HistoryService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(HistoryService.name);
  private redis?: Redis;
  private readonly lru = new Map<string, { at: number; items: EngineInteraction[] }>();
  private readonly prefix: string;
  private coldBatch?: Map<string, Waiter[]>;

  constructor(
    private readonly repository: InteractionHistoryRepository,
    private readonly writer: DecisionLogWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.prefix = `${config.redis.prefix}:history:`;
  }

  onModuleInit(): void {
    if (this.config.redis.url) this.redis = redisClient(this.config.redis.url, 'history cache');
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }

  async get(customerId: string): Promise<EngineInteraction[]> {
    const { items, cached } = await this.window(customerId);
    if (!cached) await this.store(customerId, items);
    return items;
  }

  /** The window, and whether it came from the cache (a decision then stores it once, with its shown actions). */
  async window(customerId: string): Promise<{ items: EngineInteraction[]; cached: boolean }> {
    const cached = await this.cached(customerId);
    if (cached) return { items: cached, cached: true };
    return {
      items: mergeNewestFirst(this.writer.pendingShown(customerId), await this.load(customerId)),
      cached: false,
    };
  }

  /**
   * The window as an API key limited to some strategies sees it: only what those strategies' decisions
   * showed and the outcomes reported for them. Not cached (the cache holds whole windows).
   */
  async ofStrategies(customerId: string, strategyIds: readonly string[]): Promise<EngineInteraction[]> {
    return mergeNewestFirst(
      this.writer.pendingShown(customerId, strategyIds),
      await this.repository.ofStrategies(customerId, strategyIds),
    );
  }

  /**
   * Windows of many customers (a batch): one cache read, then one query for the rest. Like window(),
   * each says whether it came from the cache: the decision stores it once, with its shown actions.
   */
  async windows(
    customerIds: readonly string[],
  ): Promise<Map<string, { items: EngineInteraction[]; cached: boolean }>> {
    const unique = [...new Set(customerIds)];
    const out = new Map<string, { items: EngineInteraction[]; cached: boolean }>();
    const cached = await this.cachedMany(unique);
    const missing = unique.filter((id, i) => {
      if (cached[i]) out.set(id, { items: cached[i], cached: true });
      return !cached[i];
    });
    if (!missing.length) return out;
    // The buffer before the table: a row flushed in between is then in the table (merged once).
    const pending = this.writer.pendingShownOf(new Set(missing));
    const loaded = await this.repository.windows(missing);
    for (const id of missing)
      out.set(id, { items: mergeNewestFirst(pending.get(id) ?? [], loaded.get(id)!), cached: false });
    return out;
  }

  /**
   * After a decision: its shown actions go in front of the cached window (the rows follow in the next
   * flush). Not awaited: commands on the one Redis connection run in order, so the customer's next
   * read (or an outcome's invalidation) comes after this write; a failed write is logged in store().
   */
  shown(
    customerId: string,
    previous: readonly EngineInteraction[],
    shown: readonly EngineInteraction[],
    previousCached = true,
  ): void {
    if (!shown.length && previousCached) return;
    void this.store(customerId, [...shown, ...previous].slice(0, HISTORY_LIMIT));
  }

  async invalidate(customerId: string): Promise<void> {
    this.lru.delete(customerId);
    if (this.redis)
      await this.redis
        .del(this.prefix + customerId)
        .catch((e: unknown) => this.logger.warn(`history cache: ${String(e)}`));
  }

  /**
   * Windows not in the cache, asked for in the same turn of the event loop, are read with one query:
   * under load many decisions for new customers cost one round trip to PostgreSQL instead of one each.
   */
  private load(customerId: string): Promise<EngineInteraction[]> {
    let batch = this.coldBatch;
    if (!batch) {
      const created = new Map<string, Waiter[]>();
      batch = this.coldBatch = created;
      setImmediate(() => {
        this.coldBatch = undefined;
        void this.loadBatch(created);
      });
    }
    const waiting = batch;
    return new Promise((resolve, reject) => {
      const waiters = waiting.get(customerId);
      if (waiters) waiters.push({ resolve, reject });
      else waiting.set(customerId, [{ resolve, reject }]);
    });
  }

  private async loadBatch(batch: Map<string, Waiter[]>): Promise<void> {
    try {
      const loaded = await this.repository.windows([...batch.keys()]);
      // Each waiter gets its own array (a decision adds its shown actions to what it read).
      for (const [id, waiters] of batch) for (const w of waiters) w.resolve([...loaded.get(id)!]);
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }

  private async cached(customerId: string): Promise<EngineInteraction[] | undefined> {
    if (this.redis) {
      // Redis away: no cache rather than waiting for it on every decision.
      if (this.redis.status !== 'ready') return undefined;
      try {
        const raw = await this.redis.get(this.prefix + customerId);
        return raw ? (JSON.parse(raw) as EngineInteraction[]) : undefined;
      } catch (error) {
        this.logger.warn(`history cache read failed, using PostgreSQL: ${String(error)}`);
        return undefined;
      }
    }
    const hit = this.lru.get(customerId);
    if (!hit || Date.now() - hit.at > CACHE_TTL_SECONDS * 1000) return undefined;
    this.lru.delete(customerId);
    this.lru.set(customerId, hit);
    return hit.items;
  }

  /** cached() of many customers in one Redis command (MGET). */
  private async cachedMany(customerIds: readonly string[]): Promise<(EngineInteraction[] | undefined)[]> {
    if (!this.redis) return Promise.all(customerIds.map((id) => this.cached(id)));
    if (this.redis.status !== 'ready') return customerIds.map(() => undefined);
    try {
      const raw = await this.redis.mget(customerIds.map((id) => this.prefix + id));
      return raw.map((r) => (r ? (JSON.parse(r) as EngineInteraction[]) : undefined));
    } catch (error) {
      this.logger.warn(`history cache read failed, using PostgreSQL: ${String(error)}`);
      return customerIds.map(() => undefined);
    }
  }

  private async store(customerId: string, items: EngineInteraction[]): Promise<void> {
    if (this.redis) {
      if (this.redis.status !== 'ready') return;
      await this.redis
        .set(this.prefix + customerId, JSON.stringify(items), 'EX', CACHE_TTL_SECONDS)
        .catch((e: unknown) => this.logger.warn(`history cache write failed: ${String(e)}`));
      return;
    }
    this.lru.delete(customerId);
    this.lru.set(customerId, { at: Date.now(), items });
    if (this.lru.size > LRU_SIZE) this.lru.delete(this.lru.keys().next().value!);
  }
}

function mergeNewestFirst(a: EngineInteraction[], b: EngineInteraction[]): EngineInteraction[] {
  if (!a.length) return b;
  // A flush may land between reading the buffer and the table: the same shown row counts once.
  const key = (i: EngineInteraction) => `${i.actionId}|${i.outcome}|${i.at}`;
  const inTable = new Set(b.map(key));
  return [...a.filter((i) => !inTable.has(key(i))), ...b]
    .sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0))
    .slice(0, HISTORY_LIMIT);
}
