import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Interaction as EngineInteraction, Outcome } from '@arbiter/engine';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DecisionLogWriter } from '../decision-log/decision-log.writer';
import { closeRedis, redisClient } from '../decisions/redis';

interface Waiter {
  resolve(items: EngineInteraction[]): void;
  reject(error: unknown): void;
}

export const HISTORY_DAYS = 90;
export const HISTORY_LIMIT = 500;
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
    private readonly dataSource: DataSource,
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
    const rows: { action_id: string; outcome: Outcome; at: Date; channel: string | null }[] =
      await this.query(
        `SELECT action_id, outcome, at, channel FROM interactions
       WHERE customer_id = $1 AND strategy_id = ANY($4::uuid[]) AND at > now() - make_interval(days => $2)
       ORDER BY at DESC, id DESC LIMIT $3`,
        [customerId, HISTORY_DAYS, HISTORY_LIMIT, strategyIds],
      );
    return mergeNewestFirst(this.writer.pendingShown(customerId, strategyIds), rows.map(toInteraction));
  }

  /** Histories of many customers (a batch): cache first, then one query for the rest. */
  async getMany(customerIds: readonly string[]): Promise<Map<string, EngineInteraction[]>> {
    const unique = [...new Set(customerIds)];
    const out = new Map<string, EngineInteraction[]>();
    const cached = await Promise.all(unique.map((id) => this.cached(id)));
    const missing = unique.filter((id, i) => {
      if (cached[i]) out.set(id, cached[i]);
      return !cached[i];
    });
    if (!missing.length) return out;
    const loaded = await this.loadMany(missing);
    await Promise.all(
      missing.map(async (id) => {
        const items = mergeNewestFirst(this.writer.pendingShown(id), loaded.get(id)!);
        out.set(id, items);
        await this.store(id, items);
      }),
    );
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
      const loaded = await this.loadMany([...batch.keys()]);
      // Each waiter gets its own array (a decision adds its shown actions to what it read).
      for (const [id, waiters] of batch) for (const w of waiters) w.resolve([...loaded.get(id)!]);
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }

  /** Newest first per customer, every customer asked for present (an empty window when it has none). */
  private async loadMany(customerIds: readonly string[]): Promise<Map<string, EngineInteraction[]>> {
    type Row = { customer_id: string; action_id: string; outcome: Outcome; at: Date; channel: string | null };
    const rows: Row[] =
      customerIds.length === 1
        ? await this.query(
            `SELECT customer_id, action_id, outcome, at, channel FROM interactions
             WHERE customer_id = $1 AND at > now() - make_interval(days => $2)
             ORDER BY at DESC, id DESC LIMIT $3`,
            [customerIds[0], HISTORY_DAYS, HISTORY_LIMIT],
          )
        : await this.query(
            `SELECT customer_id, action_id, outcome, at, channel FROM (
               SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY at DESC, id DESC) AS n FROM interactions
               WHERE customer_id = ANY($1) AND at > now() - make_interval(days => $2)) recent
             WHERE n <= $3 ORDER BY customer_id, at DESC, id DESC`,
            [customerIds, HISTORY_DAYS, HISTORY_LIMIT],
          );
    const loaded = new Map<string, EngineInteraction[]>(customerIds.map((id) => [id, []]));
    for (const r of rows) loaded.get(r.customer_id)!.push(toInteraction(r));
    return loaded;
  }

  /**
   * Straight on the pg pool: this read is on every decision's path, and it never joins a transaction.
   * Not a named (prepared) statement: the embedded database shares one session between connections,
   * where a name prepared on one connection is "already exists" on the next.
   */
  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) return this.dataSource.query(sql, params);
    return (await pool.query({ text: sql, values: params })).rows as T[];
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

function toInteraction(r: {
  action_id: string;
  outcome: Outcome;
  at: Date;
  channel: string | null;
}): EngineInteraction {
  return {
    actionId: r.action_id,
    outcome: r.outcome,
    at: new Date(r.at).toISOString(),
    ...(r.channel && { channel: r.channel }),
  };
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
