import type { FieldDefinition } from '@arbiter/engine';
import { DistinctSketch, murmur3 } from './distinct-sketch';

/** Distinct values are counted exactly up to here, then estimated (and `distinctCapped` says so). */
export const EXACT_DISTINCT_LIMIT = 10_000;
const TOP_VALUES = 10;
const FREQUENT_KEPT = 1_000;
// A module-level reference: per-value lookups through a sandboxed global (Jest's vm) are slow.
const parseDate = Date.parse;
/** Longer values are counted by a hash, so a column of long texts cannot fill memory. */
const MAX_KEY_LENGTH = 200;

export interface TopValue {
  value: string | number | boolean;
  count: number;
}

/** A bar of a number column's histogram: the rows whose value is in [from, to) (the last bar includes `to`). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Bars of a number column's histogram. */
const HISTOGRAM_BINS = 12;
/** Past the distinct cap, a number column's histogram is drawn from a uniform sample of this many values. */
const HISTOGRAM_SAMPLE = 4096;

export interface ColumnSummary {
  missing: number;
  present: number;
  distinct: number;
  /** True when the column has more than EXACT_DISTINCT_LIMIT distinct values and `distinct` is an estimate (±2 %). */
  distinctCapped: boolean;
  min?: number | string;
  max?: number | string;
  /** Most frequent values seen at least twice; withheld for personal columns. */
  topValues?: TopValue[];
  /**
   * Set after the distinct cap: the counts are exact, but only values seen more than once before the
   * cap were still counted, so a value that became frequent only later is missing.
   */
  topValuesApproximate?: boolean;
  /** Number columns: how the values spread between min and max; withheld for personal columns. */
  histogram?: HistogramBin[];
  /** Set when the histogram is scaled up from a uniform sample (more than EXACT_DISTINCT_LIMIT distinct values). */
  histogramApproximate?: boolean;
}

export class ColumnStats {
  missing = 0;
  present = 0;
  /** Exact counts until the cap; after it, counts of the values that were frequent by then. */
  private counts = new Map<Key, number>();
  private sketch: DistinctSketch | undefined;
  private min: number | undefined;
  private max: number | undefined;
  private minText: string | undefined;
  private maxText: string | undefined;
  /** A uniform sample of the numbers (reservoir sampling, seeded: the same file gives the same report). */
  private readonly sample: number[] = [];
  private numbers = 0;
  private seed = 0x2545f491;

  constructor(
    private readonly type: FieldDefinition['type'],
    /** False for personal columns: no value of theirs may reach the report. */
    private readonly revealValues: boolean,
  ) {}

  addMissing(): void {
    this.missing++;
  }

  add(value: unknown): void {
    this.present++;
    const key = keyOf(value);
    if (this.sketch) {
      this.sketch.add(String(key));
      const count = this.counts.get(key);
      if (count !== undefined) this.counts.set(key, count + 1);
    } else {
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      if (this.counts.size > EXACT_DISTINCT_LIMIT) this.cap();
    }
    if (typeof value === 'number') {
      if (this.min === undefined || value < this.min) this.min = value;
      if (this.max === undefined || value > this.max) this.max = value;
      this.sampleNumber(value);
    } else if (this.type === 'date' && typeof value === 'string') {
      const t = parseDate(value);
      if (!Number.isNaN(t)) {
        if (this.min === undefined || t < this.min) [this.min, this.minText] = [t, value];
        if (this.max === undefined || t > this.max) [this.max, this.maxText] = [t, value];
      }
    }
  }

  private sampleNumber(value: number): void {
    const seen = ++this.numbers;
    if (seen <= HISTOGRAM_SAMPLE) {
      this.sample.push(value);
      return;
    }
    this.seed = (Math.imul(this.seed, 1664525) + 1013904223) >>> 0;
    const at = Math.floor((this.seed / 0x1_0000_0000) * seen);
    if (at < HISTOGRAM_SAMPLE) this.sample[at] = value;
  }

  /** Exact from the counts while every distinct value is counted; scaled up from the sample past the cap. */
  private histogram(): { bins: HistogramBin[]; approximate: boolean } | undefined {
    if (this.min === undefined || this.max === undefined) return undefined;
    const [min, max] = [this.min, this.max];
    const integers = Number.isInteger(min) && Number.isInteger(max) && max - min < HISTOGRAM_BINS;
    const count = max === min ? 1 : integers ? max - min + 1 : HISTOGRAM_BINS;
    const width = max === min ? 0 : integers ? 1 : (max - min) / count;
    const bins: HistogramBin[] = Array.from({ length: count }, (_, i) => ({
      from: min + i * width,
      to: integers || width === 0 ? min + i * width + (integers ? 1 : 0) : min + (i + 1) * width,
      count: 0,
    }));
    const binOf = (v: number) => (width === 0 ? 0 : Math.min(count - 1, Math.floor((v - min) / width)));
    if (!this.sketch) {
      for (const [k, c] of this.counts) if (typeof k === 'number') bins[binOf(k)]!.count += c;
      return { bins, approximate: false };
    }
    const scale = this.numbers / this.sample.length;
    for (const v of this.sample) bins[binOf(v)]!.count += 1;
    for (const bin of bins) bin.count = Math.round(bin.count * scale);
    return { bins, approximate: true };
  }

  /**
   * Past the limit, distinct values are estimated, and only the values already seen more than once
   * (the most frequent FREQUENT_KEPT) go on being counted: one lookup per value, whatever the column.
   */
  private cap(): void {
    this.sketch = new DistinctSketch();
    for (const k of this.counts.keys()) this.sketch.add(String(k));
    const frequent = [...this.counts].filter(([, c]) => c > 1).sort((a, b) => b[1] - a[1]);
    this.counts = new Map(frequent.slice(0, FREQUENT_KEPT));
  }

  summary(): ColumnSummary {
    const capped = this.sketch !== undefined;
    const summary: ColumnSummary = {
      missing: this.missing,
      present: this.present,
      distinct: capped ? Math.max(this.sketch!.estimate(), EXACT_DISTINCT_LIMIT + 1) : this.counts.size,
      distinctCapped: capped,
    };
    if (!this.revealValues) return summary;
    if (this.type === 'number' && this.min !== undefined) {
      [summary.min, summary.max] = [this.min, this.max!];
      const histogram = this.histogram();
      if (histogram) {
        summary.histogram = histogram.bins;
        if (histogram.approximate) summary.histogramApproximate = true;
      }
    }
    if (this.type === 'date' && this.minText !== undefined)
      [summary.min, summary.max] = [this.minText, this.maxText!];
    const top = [...this.counts]
      .filter(([k, c]) => c > 1 && !isHashedKey(k))
      .sort((a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : 1))
      .slice(0, TOP_VALUES)
      .map(([value, count]) => ({ value, count }));
    if (top.length > 0) {
      summary.topValues = top;
      if (capped) summary.topValuesApproximate = true;
    }
    return summary;
  }

  /** Every distinct value, when counted exactly and there are at most `max`; undefined otherwise. */
  distinctValues(max: number): Key[] | undefined {
    if (this.sketch || this.counts.size > max) return undefined;
    const keys = [...this.counts.keys()];
    return keys.some(isHashedKey) ? undefined : keys;
  }
}

type Key = string | number | boolean;

/** Numbers and booleans are their own keys (no string per value); long texts become a hash. */
function keyOf(value: unknown): Key {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text.length <= MAX_KEY_LENGTH) return text;
  return `\u0000${text.length}:${murmur3(text, 1).toString(36)}:${murmur3(text, 2).toString(36)}`;
}

const isHashedKey = (key: Key): boolean => typeof key === 'string' && key.startsWith('\u0000');
