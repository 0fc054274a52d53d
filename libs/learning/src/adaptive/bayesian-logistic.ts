import { adaptiveInputReader, type AdaptiveFacts } from '@arbiter/engine';
import {
  AdaptiveModelError,
  normalizeConfig,
  type AdaptiveConfig,
  type AdaptiveSettings,
} from './adaptive-config';

// Bayesian logistic regression with a diagonal Gaussian posterior, updated one outcome at a time
// (Chapelle & Li, "An Empirical Evaluation of Thompson Sampling", NIPS 2011, algorithm 3 with a batch
// of one). Each weight w_i ~ N(m_i, 1/q_i). For an outcome with features x and label t ∈ {0, 1}:
//   w* = argmin ½ Σ q_i (w_i − m_i)² + logloss(t, σ(w·x)),   then m ← w*, q_i ← q_i + x_i² p (1 − p),
// with p = σ(w*·x). The minimiser moves along Q⁻¹x: w* = m + α Q⁻¹x, where α solves the scalar equation
// α = t − σ(μ + α v) (μ = m·x, v = Σ x_i²/q_i), so the update is exact, cheap and deterministic.

/** Where a predictor's weights sit in the state's arrays, and how its values are encoded. */
export type PredictorSlot =
  | {
      kind: 'number';
      name: string;
      input: string;
      /** Index of the standardised value's weight, and of the "missing" indicator's. */
      value: number;
      missing: number;
      center: number;
      spread: number;
      /** Running statistics (Welford) when no scale was given; center and spread follow them. */
      running?: { count: number; mean: number; m2: number };
    }
  | {
      kind: 'category';
      name: string;
      input: string;
      missing: number;
      /** Shared by values first seen after the vocabulary filled up. */
      other: number;
      /** Prior mean of a newly seen value's weight (the prior's "otherwise" weight). */
      otherPrior: number;
      /** Learned vocabulary: value → weight index, capped at maxCategories. */
      categories: Record<string, number>;
      size: number;
    };

/** An adaptive model: plain JSON, so it can be stored, hashed, sent and restored bit for bit. */
export interface AdaptiveState {
  format: 1;
  config: AdaptiveSettings;
  /** Outcomes applied since creation: bumped by every update. */
  version: number;
  evidence: number;
  positives: number;
  /** Weight names ("intercept", "age", "age=∅", "city=Paris", "city=*"), index-aligned with means and precisions. */
  features: string[];
  means: number[];
  precisions: number[];
  predictors: PredictorSlot[];
  /** Idempotency: the highest stream sequence applied, and the most recent outcome ids (see outcome-log). */
  cursor: { seq: number; recentIds: string[] };
}

/** The log-odds of a candidate under the posterior: N(mean, variance). */
export interface LogOddsPosterior {
  mean: number;
  variance: number;
}

const MISSING = '∅';
const OTHER = '*';

type Reader = (facts: AdaptiveFacts) => number | string | undefined;
const readers = new Map<string, Reader>();
function readerOf(slot: PredictorSlot): Reader {
  const key = `${slot.kind}:${slot.input}`;
  let reader = readers.get(key);
  if (!reader) readers.set(key, (reader = adaptiveInputReader(slot.input, slot.kind)));
  return reader;
}

function addFeature(state: AdaptiveState, name: string, mean: number, precision: number): number {
  state.features.push(name);
  state.means.push(mean);
  state.precisions.push(precision);
  return state.features.length - 1;
}

/** A model with no evidence: every weight N(0, priorVariance). Warm starts adjust the means (warm-start.ts). */
export function createBlankState(config: AdaptiveConfig): AdaptiveState {
  const settings = normalizeConfig(config);
  const q = 1 / settings.priorVariance;
  const state: AdaptiveState = {
    format: 1,
    config: settings,
    version: 0,
    evidence: 0,
    positives: 0,
    features: [],
    means: [],
    precisions: [],
    predictors: [],
    cursor: { seq: 0, recentIds: [] },
  };
  addFeature(state, 'intercept', 0, q);
  for (const p of settings.predictors) {
    if (p.type === 'number') {
      const value = addFeature(state, p.name, 0, q);
      const missing = addFeature(state, `${p.name}=${MISSING}`, 0, q);
      state.predictors.push({
        kind: 'number',
        name: p.name,
        input: p.input,
        value,
        missing,
        center: p.scale?.center ?? 0,
        spread: p.scale?.spread ?? 1,
        ...(p.scale ? {} : { running: { count: 0, mean: 0, m2: 0 } }),
      });
    } else {
      const missing = addFeature(state, `${p.name}=${MISSING}`, 0, q);
      const other = addFeature(state, `${p.name}=${OTHER}`, 0, q);
      state.predictors.push({
        kind: 'category',
        name: p.name,
        input: p.input,
        missing,
        other,
        otherPrior: 0,
        categories: {},
        size: 0,
      });
    }
  }
  return state;
}

/** Adds a category's weight to a (draft) state; the caller checked it is new and there is room. */
export function addCategory(
  state: AdaptiveState,
  slot: Extract<PredictorSlot, { kind: 'category' }>,
  value: string,
  mean: number,
  precision: number,
): number {
  const index = addFeature(state, `${slot.name}=${value}`, mean, precision);
  slot.categories[value] = index;
  slot.size++;
  return index;
}

/** A deep copy that an update may change without touching the original. */
export function cloneState(state: AdaptiveState): AdaptiveState {
  return {
    ...state,
    features: state.features.slice(),
    means: state.means.slice(),
    precisions: state.precisions.slice(),
    predictors: state.predictors.map((p) =>
      p.kind === 'number'
        ? { ...p, ...(p.running ? { running: { ...p.running } } : {}) }
        : { ...p, categories: { ...p.categories } },
    ),
    cursor: { seq: state.cursor.seq, recentIds: state.cursor.recentIds.slice() },
  };
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * The log-odds posterior of a candidate. Values never learned from read as a fresh weight at its
 * prior (or as "other" once the vocabulary is full). The sums run in the same order as the engine's
 * `adaptive` model kind, so both give bit-identical numbers.
 */
export function logOddsPosterior(state: AdaptiveState, facts: AdaptiveFacts): LogOddsPosterior {
  const { means, precisions } = state;
  let mean = means[0]!;
  let variance = 1 / precisions[0]!;
  for (const slot of state.predictors) {
    const value = readerOf(slot)(facts);
    let x = 1;
    let m: number;
    let v: number;
    if (slot.kind === 'number') {
      const i = value === undefined ? slot.missing : slot.value;
      if (value !== undefined) x = ((value as number) - slot.center) / slot.spread;
      m = means[i]!;
      v = 1 / precisions[i]!;
    } else if (value === undefined) {
      m = means[slot.missing]!;
      v = 1 / precisions[slot.missing]!;
    } else if (Object.hasOwn(slot.categories, value)) {
      const i = slot.categories[value as string]!;
      m = means[i]!;
      v = 1 / precisions[i]!;
    } else if (slot.size < state.config.maxCategories) {
      m = slot.otherPrior;
      v = state.config.priorVariance;
    } else {
      m = means[slot.other]!;
      v = 1 / precisions[slot.other]!;
    }
    mean += m * x;
    variance += x * x * v;
  }
  return { mean, variance };
}

/** The mean propensity σ(μ) of a candidate (the posterior mode's prediction). */
export function meanPropensity(state: AdaptiveState, facts: AdaptiveFacts): number {
  return sigmoid(logOddsPosterior(state, facts).mean);
}

export function isMature(state: AdaptiveState): boolean {
  return state.evidence >= state.config.maturity;
}

/**
 * The features of an outcome as weight indices and values, growing the draft's vocabulary and
 * running scales first: a number is standardised with the statistics that include it.
 */
function encodeForLearning(draft: AdaptiveState, facts: AdaptiveFacts): { index: number[]; x: number[] } {
  const index = [0];
  const x = [1];
  const q = 1 / draft.config.priorVariance;
  for (const slot of draft.predictors) {
    const value = readerOf(slot)(facts);
    if (slot.kind === 'number') {
      if (value === undefined) {
        index.push(slot.missing);
        x.push(1);
        continue;
      }
      const n = value as number;
      if (slot.running) {
        const r = slot.running;
        r.count++;
        const delta = n - r.mean;
        r.mean += delta / r.count;
        r.m2 += delta * (n - r.mean);
        slot.center = r.mean;
        const sd = r.count > 1 ? Math.sqrt(r.m2 / (r.count - 1)) : 0;
        slot.spread = sd > 1e-9 ? sd : 1;
      }
      index.push(slot.value);
      x.push((n - slot.center) / slot.spread);
      continue;
    }
    x.push(1);
    if (value === undefined) index.push(slot.missing);
    else if (Object.hasOwn(slot.categories, value)) index.push(slot.categories[value as string]!);
    else if (slot.size < draft.config.maxCategories)
      index.push(addCategory(draft, slot, value as string, slot.otherPrior, q));
    else index.push(slot.other);
  }
  return { index, x };
}

/** α solving α = t − σ(μ + α v): Newton steps kept inside the bracket (t − 1, t), where the root lies. */
function solveStep(t: number, mu: number, v: number): number {
  let low = t - 1;
  let high = t;
  let alpha = t - sigmoid(mu);
  for (let iteration = 0; iteration < 60; iteration++) {
    const p = sigmoid(mu + alpha * v);
    const g = alpha - t + p;
    if (g > 0) high = alpha;
    else low = alpha;
    const next = alpha - g / (1 + v * p * (1 - p));
    const step = next > low && next < high ? next : (low + high) / 2;
    if (Math.abs(step - alpha) <= 1e-14 * (1 + Math.abs(alpha))) return step;
    alpha = step;
  }
  return alpha;
}

/** Applies one outcome to a draft state in place (callers own the draft: see cloneState). */
export function learnInPlace(draft: AdaptiveState, facts: AdaptiveFacts, label: boolean): void {
  const { index, x } = encodeForLearning(draft, facts);
  const { means, precisions } = draft;
  let mu = 0;
  let v = 0;
  for (let k = 0; k < index.length; k++) {
    const i = index[k]!;
    mu += means[i]! * x[k]!;
    v += (x[k]! * x[k]!) / precisions[i]!;
  }
  const t = label ? 1 : 0;
  const alpha = solveStep(t, mu, v);
  const p = sigmoid(mu + alpha * v);
  const curvature = p * (1 - p);
  for (let k = 0; k < index.length; k++) {
    const i = index[k]!;
    means[i] = means[i]! + (alpha * x[k]!) / precisions[i]!;
    precisions[i] = precisions[i]! + x[k]! * x[k]! * curvature;
  }
  draft.version++;
  draft.evidence++;
  if (label) draft.positives++;
}

/** The model after one more outcome; the input state is left as it was. */
export function updateAdaptiveModel(
  state: AdaptiveState,
  facts: AdaptiveFacts,
  label: boolean,
): AdaptiveState {
  if (typeof label !== 'boolean')
    throw new AdaptiveModelError('label', `must be true or false, not ${String(label)}`);
  const draft = cloneState(state);
  learnInPlace(draft, facts, label);
  return draft;
}
