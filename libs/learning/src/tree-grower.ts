import type { BinnedRows } from './binning';
import { CHUNK_ROWS, checkpoint } from './cooperate';

/** Bin codes fit a byte. */
const BINS = 256;
/** Histogram cells per bin: sum of gradients, sum of hessians, rows. */
const CELLS = 3;
/** scikit-learn's constants for categorical splits and the smallest hessian a child may have. */
const MIN_CATEGORY_ROWS = 10;
const CATEGORY_SMOOTHING = 10;
const MAX_CATEGORIES_LEFT = 32;
const MIN_HESSIAN = 1e-3;

export interface GrowthSettings {
  maxLeafNodes: number;
  maxDepth: number;
  minSamplesLeaf: number;
  l2: number;
  learningRate: number;
}

/** A split in bin space: `leftBins` (categories, missing code included) or bins ≤ `bin` (numbers) go left. */
export interface BinSplit {
  feature: number;
  gain: number;
  bin: number;
  leftBins?: Uint8Array;
  missingLeft: boolean;
  left: { g: number; h: number; count: number };
}

/** A grown node; `value` is the shrunk Newton value −lr·G/(H+λ) (a leaf's contribution). */
export interface GrownNode {
  value: number;
  count: number;
  split?: BinSplit;
  left?: GrownNode;
  right?: GrownNode;
  /** Its rows are order[start, end) of the grower. */
  start: number;
  end: number;
}

interface Candidate {
  node: GrownNode;
  depth: number;
  g: number;
  h: number;
  histogram: Float64Array;
  split: BinSplit | undefined;
}

/** A node that may be split, before its best split is looked for. */
function candidate(
  node: GrownNode,
  depth: number,
  stats: { g: number; h: number },
  histogram: Float64Array,
): Candidate {
  return { node, depth, g: stats.g, h: stats.h, histogram, split: undefined };
}

/**
 * Grows one regression tree on gradients and hessians, leaf-wise (best gain first) like scikit-learn's
 * HistGradientBoosting: histograms of gradients per bin, the smaller child's histogram built from its
 * rows and the larger's by subtraction from the parent's.
 */
export class TreeGrower {
  readonly order: Uint32Array;
  private readonly scratch: Uint32Array;
  private readonly pool: Float64Array[] = [];
  private readonly histogramSize: number;
  /** Where each predictor's bins start in a histogram: its bins and then its missing bin, 3 cells each. */
  private readonly offsets: Int32Array;

  constructor(
    private readonly data: BinnedRows,
    /** Bins in use (besides missing) per predictor, and whether it is a category. */
    private readonly binCount: Int32Array,
    private readonly isCategory: boolean[],
    private readonly settings: GrowthSettings,
  ) {
    this.order = new Uint32Array(data.rows);
    this.scratch = new Uint32Array(data.rows);
    this.offsets = new Int32Array(data.width);
    let size = 0;
    for (let f = 0; f < data.width; f++) {
      this.offsets[f] = size;
      size += (binCount[f]! + 1) * CELLS;
    }
    this.histogramSize = size;
  }

  async grow(gradients: Float64Array, hessians: Float64Array, signal?: AbortSignal): Promise<GrownNode> {
    const { order, settings } = this;
    for (let i = 0; i < order.length; i++) order[i] = i;
    const histogram = this.take();
    await this.accumulate(histogram, 0, order.length, gradients, hessians, signal);
    let g = 0;
    let h = 0;
    for (let i = 0; i < order.length; i++) {
      g += gradients[i]!;
      h += hessians[i]!;
    }
    const root: GrownNode = { value: this.nodeValue(g, h), count: order.length, start: 0, end: order.length };
    const open: Candidate[] = [];
    this.consider(open, candidate(root, 0, { g, h }, histogram));
    let leaves = 1;
    while (leaves < settings.maxLeafNodes && open.length > 0) {
      let bestIndex = 0;
      for (let i = 1; i < open.length; i++)
        if (open[i]!.split!.gain > open[bestIndex]!.split!.gain) bestIndex = i;
      const parent = open.splice(bestIndex, 1)[0]!;
      await this.split(open, parent, gradients, hessians, signal);
      leaves++;
    }
    for (const c of open) this.pool.push(c.histogram);
    return root;
  }

  private take(): Float64Array {
    const buffer = this.pool.pop();
    if (!buffer) return new Float64Array(this.histogramSize);
    buffer.fill(0);
    return buffer;
  }

  private nodeValue(g: number, h: number): number {
    return (-this.settings.learningRate * g) / (h + this.settings.l2 + 1e-15);
  }

  /** Keeps a node open for splitting if it may split and a split with positive gain exists. */
  private consider(open: Candidate[], candidate: Candidate): void {
    const { settings } = this;
    const { node, depth, h } = candidate;
    if (depth < settings.maxDepth && node.count >= 2 * settings.minSamplesLeaf && h >= 2 * MIN_HESSIAN) {
      candidate.split = this.bestSplit(candidate);
    }
    if (candidate.split) open.push(candidate);
    else this.pool.push(candidate.histogram);
  }

  private async split(
    open: Candidate[],
    parent: Candidate,
    gradients: Float64Array,
    hessians: Float64Array,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const { node } = parent;
    const split = parent.split!;
    const f = split.feature;
    const column = this.data.columns[f]!;
    const { order, scratch } = this;
    let l = node.start;
    let spilled = 0;
    if (split.leftBins) {
      const leftBins = split.leftBins;
      for (let i = node.start; i < node.end; i++) {
        const r = order[i]!;
        if (leftBins[column[r]!] === 1) order[l++] = r;
        else scratch[spilled++] = r;
      }
    } else {
      const missingBin = this.binCount[f]!;
      const missingLeft = split.missingLeft;
      const last = split.bin;
      for (let i = node.start; i < node.end; i++) {
        const r = order[i]!;
        const bin = column[r]!;
        if (bin === missingBin ? missingLeft : bin <= last) order[l++] = r;
        else scratch[spilled++] = r;
      }
    }
    order.set(scratch.subarray(0, spilled), l);
    const leftStats = split.left;
    const rightStats = {
      g: parent.g - leftStats.g,
      h: parent.h - leftStats.h,
      count: node.count - leftStats.count,
    };
    const left: GrownNode = {
      value: this.nodeValue(leftStats.g, leftStats.h),
      count: l - node.start,
      start: node.start,
      end: l,
    };
    const right: GrownNode = {
      value: this.nodeValue(rightStats.g, rightStats.h),
      count: node.end - l,
      start: l,
      end: node.end,
    };
    node.left = left;
    node.right = right;
    node.split = split;
    // The smaller child's histogram from its rows; the larger's is what remains of the parent's.
    const leftSmaller = left.count <= right.count;
    const small = leftSmaller ? left : right;
    const smallHistogram = this.take();
    await this.accumulate(smallHistogram, small.start, small.end, gradients, hessians, signal);
    const largeHistogram = parent.histogram;
    this.subtract(largeHistogram, smallHistogram);
    const depth = parent.depth + 1;
    this.consider(open, candidate(left, depth, leftStats, leftSmaller ? smallHistogram : largeHistogram));
    this.consider(open, candidate(right, depth, rightStats, leftSmaller ? largeHistogram : smallHistogram));
  }

  private subtract(parent: Float64Array, child: Float64Array): void {
    for (let i = 0; i < parent.length; i++) parent[i]! -= child[i]!;
  }

  /** Adds the rows order[start, end) to a histogram, letting the event loop run between chunks of rows. */
  private async accumulate(
    histogram: Float64Array,
    start: number,
    end: number,
    gradients: Float64Array,
    hessians: Float64Array,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    for (let from = start; from < end; from += CHUNK_ROWS) {
      this.accumulateRows(histogram, from, Math.min(from + CHUNK_ROWS, end), gradients, hessians);
      await checkpoint(signal);
    }
  }

  private accumulateRows(
    histogram: Float64Array,
    start: number,
    end: number,
    gradients: Float64Array,
    hessians: Float64Array,
  ): void {
    const { width, codes } = this.data;
    const { order, offsets } = this;
    for (let i = start; i < end; i++) {
      const r = order[i]!;
      const g = gradients[r]!;
      const h = hessians[r]!;
      const base = r * width;
      for (let f = 0; f < width; f++) {
        const cell = offsets[f]! + codes[base + f]! * CELLS;
        histogram[cell]! += g;
        histogram[cell + 1]! += h;
        histogram[cell + 2]!++;
      }
    }
  }

  private bestSplit(candidate: Candidate): BinSplit | undefined {
    let best: BinSplit | undefined;
    for (let f = 0; f < this.data.width; f++) {
      const found = this.isCategory[f]
        ? this.bestCategorySplit(candidate, f)
        : this.bestNumberSplit(candidate, f);
      if (found && (!best || found.gain > best.gain)) best = found;
    }
    return best;
  }

  private score(g: number, h: number): number {
    return (g * g) / (h + this.settings.l2);
  }

  /** Scans the bins in order with missing values right, then (if any) with missing values left. */
  private bestNumberSplit(candidate: Candidate, f: number): BinSplit | undefined {
    const { histogram, g: gTotal, h: hTotal, node } = candidate;
    const { minSamplesLeaf } = this.settings;
    const bins = this.binCount[f]!;
    const base = this.offsets[f]!;
    const missing = base + bins * CELLS;
    const missingCount = histogram[missing + 2]!;
    const parentScore = this.score(gTotal, hTotal);
    let best: BinSplit | undefined;
    for (const missingLeft of missingCount > 0 ? [false, true] : [false]) {
      let gl = missingLeft ? histogram[missing]! : 0;
      let hl = missingLeft ? histogram[missing + 1]! : 0;
      let cl = missingLeft ? missingCount : 0;
      // With missing values on the right, every number may go left (a split on missing alone).
      const last = missingLeft || missingCount === 0 ? bins - 2 : bins - 1;
      for (let b = 0; b <= last; b++) {
        const cell = base + b * CELLS;
        gl += histogram[cell]!;
        hl += histogram[cell + 1]!;
        cl += histogram[cell + 2]!;
        const cr = node.count - cl;
        if (cl < minSamplesLeaf) continue;
        if (cr < minSamplesLeaf) break;
        const hr = hTotal - hl;
        if (hl < MIN_HESSIAN || hr < MIN_HESSIAN) continue;
        const gain = this.score(gl, hl) + this.score(gTotal - gl, hr) - parentScore;
        if (gain > 0 && (!best || gain > best.gain)) {
          best = {
            feature: f,
            gain,
            bin: b,
            missingLeft: missingCount > 0 ? missingLeft : cl >= cr,
            left: { g: gl, h: hl, count: cl },
          };
        }
      }
    }
    return best;
  }

  /**
   * Categories (missing as one of them) with at least 10 rows, sorted by G/(H+10); the left side
   * takes a prefix of that order from either end, at most 32 categories (scikit-learn's method).
   */
  private bestCategorySplit(candidate: Candidate, f: number): BinSplit | undefined {
    const { histogram, g: gTotal, h: hTotal, node } = candidate;
    const { minSamplesLeaf } = this.settings;
    const base = this.offsets[f]!;
    const missingBin = this.binCount[f]!;
    const used: { bin: number; ratio: number }[] = [];
    const consider = (bin: number) => {
      const cell = base + bin * CELLS;
      const count = histogram[cell + 2]!;
      if (count >= MIN_CATEGORY_ROWS) {
        used.push({ bin, ratio: histogram[cell]! / (histogram[cell + 1]! + CATEGORY_SMOOTHING) });
      }
    };
    for (let b = 0; b <= missingBin; b++) consider(b);
    if (used.length < 2) return undefined;
    used.sort((a, b) => a.ratio - b.ratio || a.bin - b.bin);
    const limit = Math.min(MAX_CATEGORIES_LEFT, Math.floor((used.length + 1) / 2));
    const parentScore = this.score(gTotal, hTotal);
    const missingCount = histogram[base + missingBin * CELLS + 2]!;
    let best: { gain: number; from: number; take: number; gl: number; hl: number; cl: number } | undefined;
    for (const from of [0, 1]) {
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let k = 0; k < Math.min(limit, used.length - 1); k++) {
        const { bin } = used[from === 0 ? k : used.length - 1 - k]!;
        const cell = base + bin * CELLS;
        gl += histogram[cell]!;
        hl += histogram[cell + 1]!;
        cl += histogram[cell + 2]!;
        const cr = node.count - cl;
        if (cl < minSamplesLeaf || cr < minSamplesLeaf) continue;
        const hr = hTotal - hl;
        if (hl < MIN_HESSIAN || hr < MIN_HESSIAN) continue;
        const gain = this.score(gl, hl) + this.score(gTotal - gl, hr) - parentScore;
        if (gain > 0 && (!best || gain > best.gain)) best = { gain, from, take: k + 1, gl, hl, cl };
      }
    }
    if (!best) return undefined;
    const leftBins = new Uint8Array(BINS);
    for (let k = 0; k < best.take; k++) leftBins[used[best.from === 0 ? k : used.length - 1 - k]!.bin] = 1;
    const cr = node.count - best.cl;
    const missingLeft = missingCount > 0 ? leftBins[missingBin] === 1 : best.cl >= cr;
    leftBins[missingBin] = missingLeft ? 1 : 0;
    return {
      feature: f,
      gain: best.gain,
      bin: -1,
      leftBins,
      missingLeft,
      left: { g: best.gl, h: best.hl, count: best.cl },
    };
  }
}
