/** Timing helpers for benches: fixed-duration loops after a warm-up, percentiles in microseconds. */

export interface Throughput {
  opsPerSec: number;
  ops: number;
  seconds: number;
}

export function throughputSync(fn: (i: number) => unknown, seconds: number, warmupSeconds = 0.5): Throughput {
  runFor(fn, warmupSeconds);
  return runFor(fn, seconds);
}

function runFor(fn: (i: number) => unknown, seconds: number): Throughput {
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  let ops = 0;
  let sink = 0;
  while (performance.now() < end) {
    // Batches of 64 keep the clock out of the measured work.
    for (let j = 0; j < 64; j++) if (fn(ops++)) sink++;
  }
  const elapsed = (performance.now() - start) / 1000;
  if (sink === -1) console.log(sink);
  return { opsPerSec: ops / elapsed, ops, seconds: elapsed };
}

/**
 * Two workloads measured in alternating rounds, so that a machine whose load changes during the run
 * slows both alike: the median throughput of each and the median of the per-round ratios a / b.
 */
export function pairedThroughput(
  a: (i: number) => unknown,
  b: (i: number) => unknown,
  seconds: number,
  rounds = 6,
): { a: number; b: number; ratio: number } {
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  runFor(a, 0.3);
  runFor(b, 0.3);
  for (let r = 0; r < rounds; r++) {
    const x = runFor(a, seconds / rounds).opsPerSec;
    const y = runFor(b, seconds / rounds).opsPerSec;
    as.push(x);
    bs.push(y);
    ratios.push(x / y);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios) };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function throughputAsync(
  fn: (i: number) => Promise<unknown>,
  seconds: number,
  inFlight = 1,
  warmupSeconds = 0.5,
): Promise<Throughput> {
  await runForAsync(fn, warmupSeconds, inFlight);
  return runForAsync(fn, seconds, inFlight);
}

async function runForAsync(
  fn: (i: number) => Promise<unknown>,
  seconds: number,
  inFlight: number,
): Promise<Throughput> {
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  let ops = 0;
  const worker = async () => {
    while (performance.now() < end) await fn(ops++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = (performance.now() - start) / 1000;
  return { opsPerSec: ops / elapsed, ops, seconds: elapsed };
}

/** Per-call latency percentiles (µs) over `count` calls. */
export function latencySync(fn: (i: number) => unknown, count: number): { p50: number; p99: number } {
  const samples = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  samples.sort();
  return { p50: samples[Math.floor(count * 0.5)]!, p99: samples[Math.floor(count * 0.99)]! };
}

export const round = (x: number, digits = 0) => Number(x.toFixed(digits));
