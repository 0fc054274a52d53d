/**
 * Deterministic bucket in [0, 10000) for a customer id and a split's salt: FNV-1a over the UTF-16
 * code units, then murmur3's finaliser for an even spread. Same id + salt ⇒ same bucket, everywhere.
 */
export function bucketOf(customerId: string, salt: string): number {
  const text = `${salt}:${customerId}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % 10000;
}
