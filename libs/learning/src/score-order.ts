/**
 * Row positions sorted by score — ascending, or descending — with ties in position order: an LSD
 * radix sort on the bits of the doubles (8 passes of 8 bits), linear in the rows where a comparison
 * sort of 200,000 positions would hold the event loop for a noticeable while.
 */
export function orderByScore(scores: Float64Array, descending = false): Uint32Array {
  const n = scores.length;
  // + 0 turns −0 into 0: they compare equal, so they must tie.
  const words = new Uint32Array(Float64Array.from(scores, (x) => x + 0).buffer);
  // Map each double to an unsigned key with the same order: flip the sign bit of positives, every bit of negatives.
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1]!;
    const negative = hi >>> 31 === 1;
    let keyHi = negative ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
    let keyLo = negative ? ~words[2 * i]! >>> 0 : words[2 * i]!;
    if (descending) {
      keyHi = ~keyHi >>> 0;
      keyLo = ~keyLo >>> 0;
    }
    words[2 * i + 1] = keyHi;
    words[2 * i] = keyLo;
  }
  let order = Uint32Array.from({ length: n }, (_, i) => i);
  let next = new Uint32Array(n);
  const counts = new Uint32Array(257);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? 0 : 1;
    const shift = (pass % 4) * 8;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((words[2 * order[i]! + word]! >>> shift) & 0xff) + 1]!++;
    for (let b = 0; b < 256; b++) counts[b + 1]! += counts[b]!;
    for (let i = 0; i < n; i++) {
      const position = order[i]!;
      next[counts[(words[2 * position + word]! >>> shift) & 0xff]!++] = position;
    }
    [order, next] = [next, order];
  }
  return order;
}
