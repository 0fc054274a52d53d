import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Interaction as EngineInteraction } from '@arbiter/engine';
import type Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CoalescedLoader } from '../common/coalesced-loader';
import { DecisionLogWriter } from '../decision-log/decision-log.writer';
import { closeRedis, redisClient } from '../common/redis-client';
import { HISTORY_LIMIT, InteractionHistoryRepository } from './interaction-history.repository';

export { HISTORY_DAYS, HISTORY_LIMIT } from './interaction-history.repository';

/** A decision's shown actions, to put in front of the window it decided with (see shown()). */
export interface ShownUpdate {
  customerId: string;
  previous: readonly EngineInteraction[];
  shown: readonly EngineInteraction[];
  /** Whether `previous` came from the cache (else the cache has no window of this customer yet). */
  previousCached: boolean;
}

/** SETs of windows (DEL for null), sent together. */
interface WriteBatch {
  ops: [key: string, json: string | null][];
  done?: Promise<void>;
  sent?: Promise<void>;
}

const CACHE_TTL_SECONDS = 60;
/** SET with the TTL (ARGV[1]) of each key to its window's JSON (ARGV[i + 1]; empty: DEL), in order. */
const STORE_WINDOWS_LUA = `for i, key in ipairs(KEYS) do
  local json = ARGV[i + 1]
  if json == '' then redis.call('DEL', key) else redis.call('SET', key, json, 'EX', ARGV[1]) end
end
return #KEYS`;
/** The client with STORE_WINDOWS_LUA as a command (EVALSHA, and EVAL when Redis does not have it yet). */
type WindowStore = Redis & { storeWindows(...args: (string | number)[]): Promise<number> };
/** Window queries for customers not in the cache that run at once. */
const COLD_QUERIES = 2;
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
  /** Windows not in the cache, read together (see CoalescedLoader). */
  private readonly cold = new CoalescedLoader(COLD_QUERIES, (customerIds) =>
    this.repository.windows(customerIds),
  );
  /** Cache reads of this turn of the event loop: one MGET for all of them (see read()). */
  private reads?: Map<string, ((raw: string | null | undefined) => void)[]>;
  /** Cache writes of this turn, in order: one pipeline for all of them (see write()). */
  private writes?: WriteBatch;

  constructor(
    private readonly repository: InteractionHistoryRepository,
    private readonly writer: DecisionLogWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.prefix = `${config.redis.prefix}:history:`;
  }

  onModuleInit(): void {
    if (!this.config.redis.url) return;
    this.redis = redisClient(this.config.redis.url, 'history cache');
    this.redis.defineCommand('storeWindows', { lua: STORE_WINDOWS_LUA });
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
    // A copy of its own: callers loading together share the loaded array, and a decision adds its shown actions to what it read.
    const loaded = [...(await this.cold.load(customerId))];
    return { items: mergeNewestFirst(this.writer.pendingShown(customerId), loaded), cached: false };
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
   * flush). Not awaited: the customer's next read (or an outcome's invalidation) comes after this
   * write (see write()); a failed write is logged there.
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

  /** shown() of a batch's decisions: their windows go out in this turn's one pipeline (see write()). */
  shownMany(updates: readonly ShownUpdate[]): void {
    for (const u of updates) this.shown(u.customerId, u.previous, u.shown, u.previousCached);
  }

  async invalidate(customerId: string): Promise<void> {
    this.lru.delete(customerId);
    if (this.redis) await this.write(customerId, null);
  }

  private async cached(customerId: string): Promise<EngineInteraction[] | undefined> {
    if (this.redis) {
      // Redis away: no cache rather than waiting for it on every decision.
      if (this.redis.status !== 'ready') return undefined;
      const raw = await new Promise<string | null | undefined>((resolve) => this.read(customerId, resolve));
      return raw ? (JSON.parse(raw) as EngineInteraction[]) : undefined;
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
    if (this.writes) void this.send(this.writes);
    try {
      const raw = await this.redis.mget(customerIds.map((id) => this.prefix + id));
      return raw.map((r) => (r ? (JSON.parse(r) as EngineInteraction[]) : undefined));
    } catch (error) {
      this.logger.warn(`history cache read failed, using PostgreSQL: ${String(error)}`);
      return customerIds.map(() => undefined);
    }
  }

  /**
   * A cached window's JSON (null: none; undefined: the read failed, PostgreSQL then). The reads of
   * one turn of the event loop go out as one MGET, after the writes queued before them: under load
   * one Redis round trip and one socket write serve many decisions.
   */
  private read(customerId: string, done: (raw: string | null | undefined) => void): void {
    let reads = this.reads;
    if (!reads) {
      const created = new Map<string, ((raw: string | null | undefined) => void)[]>();
      reads = this.reads = created;
      setImmediate(() => {
        this.reads = undefined;
        if (this.writes) void this.send(this.writes);
        const ids = [...created.keys()];
        this.redis!.mget(ids.map((id) => this.prefix + id)).then(
          (raw) => ids.forEach((id, i) => created.get(id)!.forEach((d) => d(raw[i]))),
          (error: unknown) => {
            this.logger.warn(`history cache read failed, using PostgreSQL: ${String(error)}`);
            for (const waiting of created.values()) for (const d of waiting) d(undefined);
          },
        );
      });
    }
    const waiting = reads.get(customerId);
    if (waiting) waiting.push(done);
    else reads.set(customerId, [done]);
  }

  private async store(customerId: string, items: EngineInteraction[]): Promise<void> {
    if (this.redis) {
      if (this.redis.status !== 'ready') return;
      await this.write(customerId, JSON.stringify(items));
      return;
    }
    this.lru.delete(customerId);
    this.lru.set(customerId, { at: Date.now(), items });
    if (this.lru.size > LRU_SIZE) this.lru.delete(this.lru.keys().next().value!);
  }

  /**
   * Queues a window's SET (DEL for null) for this turn's pipeline; resolves once Redis has taken
   * it (a failure is logged, never thrown). Commands on the one connection run in order, and reads
   * send the queued writes first, so whatever is read or invalidated later comes after this write.
   */
  private write(customerId: string, json: string | null): Promise<void> {
    let batch = this.writes;
    if (!batch) {
      const created: WriteBatch = { ops: [] };
      created.done = new Promise<void>((resolve) => setImmediate(() => resolve(this.send(created))));
      batch = this.writes = created;
    }
    batch.ops.push([this.prefix + customerId, json]);
    return batch.done!;
  }

  /**
   * Sends a batch of writes (once) as one command: a batch of 1,000 decisions costs this process
   * one command to encode instead of 1,000 (a pipeline's SETs each cost about as much as the decision).
   */
  private send(batch: WriteBatch): Promise<void> {
    if (this.writes === batch) this.writes = undefined;
    if (!batch.sent) {
      const args: (string | number)[] = [batch.ops.length];
      for (const [key] of batch.ops) args.push(key);
      args.push(CACHE_TTL_SECONDS);
      for (const [, json] of batch.ops) args.push(json ?? '');
      batch.sent = (this.redis as WindowStore).storeWindows(...args).then(
        () => undefined,
        (error: unknown) => this.logger.warn(`history cache write failed: ${String(error)}`),
      );
    }
    return batch.sent;
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
