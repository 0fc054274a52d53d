import type Redis from 'ioredis';

export interface AttemptCount {
  /** Attempts in the current window, this one included. */
  count: number;
  /** Milliseconds until the window (or the lockout) ends. */
  resetInMs: number;
}

/**
 * Counts attempts per key in a window that starts with the first attempt. When the count reaches
 * `lockAt` the window starts again from that moment: the lockout lasts a full window.
 */
export interface AttemptCounters {
  add(key: string, windowMs: number, lockAt: number): Promise<AttemptCount>;
  /** Takes one attempt back (it succeeded, or it was refused without being tried). */
  undo(key: string): Promise<void>;
}

/** One process only: enough for a single API instance (no REDIS_URL). */
export class MemoryAttemptCounters implements AttemptCounters {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  async add(key: string, windowMs: number, lockAt: number, now = Date.now()): Promise<AttemptCount> {
    this.sweep(now);
    const current = this.windows.get(key);
    const window = current && current.endsAt > now ? current : { count: 0, endsAt: now + windowMs };
    window.count += 1;
    if (window.count === lockAt) window.endsAt = now + windowMs;
    this.windows.set(key, window);
    return { count: window.count, resetInMs: window.endsAt - now };
  }

  async undo(key: string): Promise<void> {
    const window = this.windows.get(key);
    if (window && window.count > 0) window.count -= 1;
  }

  /** Forgets ended windows now and then, so guessing with many made-up emails cannot grow the map for ever. */
  private sweep(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}

const ADD = `
local n = redis.call('INCR', KEYS[1])
if n == 1 or n == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;
const UNDO = `if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then return redis.call('DECR', KEYS[1]) end return 0`;

/** Shared by every API instance (REDIS_URL): a guesser cannot spread attempts over instances. */
export class RedisAttemptCounters implements AttemptCounters {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async add(key: string, windowMs: number, lockAt: number): Promise<AttemptCount> {
    const [count, ttl] = (await this.redis.eval(ADD, 1, this.prefix + key, windowMs, lockAt)) as [
      number,
      number,
    ];
    return { count, resetInMs: ttl > 0 ? ttl : windowMs };
  }

  async undo(key: string): Promise<void> {
    await this.redis.eval(UNDO, 1, this.prefix + key);
  }
}
