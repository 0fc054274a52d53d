/**
 * Token bucket per API key, in this process only: with N API instances behind a load balancer a
 * key may make up to N × its rate. Capacity is two seconds' worth of requests (bursts).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Takes one token; returns 0 when allowed, else the seconds to wait before retrying. */
  take(key: string, perSecond: number, now = performance.now()): number {
    const capacity = perSecond * 2;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: capacity, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }
}
