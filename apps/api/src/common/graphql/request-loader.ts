/**
 * Per-request batching for field resolvers: every `load(id)` made while one list is being resolved
 * is answered by a single `fetch(ids)`, and each id is fetched at most once per request.
 */
export class BatchLoader<T> {
  private readonly cache = new Map<string, Promise<T | null>>();
  private pending = new Map<
    string,
    { resolve: (value: T | null) => void; reject: (error: unknown) => void }
  >();

  constructor(private readonly fetch: (ids: string[]) => Promise<Map<string, T>>) {}

  load(id: string): Promise<T | null> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const promise = new Promise<T | null>((resolve, reject) => {
      if (this.pending.size === 0) setImmediate(() => void this.dispatch());
      this.pending.set(id, { resolve, reject });
    });
    this.cache.set(id, promise);
    return promise;
  }

  private async dispatch(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    try {
      const found = await this.fetch([...batch.keys()]);
      for (const [id, { resolve }] of batch) resolve(found.get(id) ?? null);
    } catch (error) {
      for (const { reject } of batch.values()) reject(error);
    }
  }
}

// The loaders live as long as the request's context object.
const loaders = new WeakMap<object, Map<string, unknown>>();

/** The request's loader named `name` (created on first use); `context` is the GraphQL context object. */
export function requestLoader<T>(
  context: object,
  name: string,
  fetch: (ids: string[]) => Promise<Map<string, T>>,
): BatchLoader<T> {
  let byName = loaders.get(context);
  if (!byName) loaders.set(context, (byName = new Map()));
  let loader = byName.get(name) as BatchLoader<T> | undefined;
  if (!loader) {
    loader = new BatchLoader(fetch);
    byName.set(name, loader);
  }
  return loader;
}
