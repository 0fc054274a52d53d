interface Waiter<V> {
  resolve(value: V): void;
  reject(error: unknown): void;
}

/**
 * Loads by key asked for in the same turn of the event loop are answered by one `fetch` of all
 * their keys: under load one round trip to PostgreSQL instead of one per caller. At most
 * `concurrency` fetches run at once: what is asked for meanwhile waits for one of them to finish
 * and goes in the next fetch, so the busier the API, the fuller (and fewer) the fetches.
 * `fetch` returns a value for every key it is given.
 */
export class CoalescedLoader<V> {
  private pending?: Map<string, Waiter<V>[]>;
  private running = 0;

  constructor(
    private readonly concurrency: number,
    private readonly fetch: (keys: string[]) => Promise<Map<string, V>>,
  ) {}

  load(key: string): Promise<V> {
    let batch = this.pending;
    if (!batch) {
      batch = this.pending = new Map<string, Waiter<V>[]>();
      if (this.running < this.concurrency) setImmediate(() => this.send());
    }
    const waiting = batch;
    return new Promise((resolve, reject) => {
      const waiters = waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else waiting.set(key, [{ resolve, reject }]);
    });
  }

  private send(): void {
    const batch = this.pending;
    if (!batch || this.running >= this.concurrency) return;
    this.pending = undefined;
    this.running += 1;
    void this.answer(batch).finally(() => {
      this.running -= 1;
      this.send();
    });
  }

  private async answer(batch: Map<string, Waiter<V>[]>): Promise<void> {
    try {
      const loaded = await this.fetch([...batch.keys()]);
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(loaded.get(key)!);
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }
}
