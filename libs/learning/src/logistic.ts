import type { InlineModelSpec } from '@arbiter/engine';
import { CHUNK_ROWS, checkpoint } from './cooperate';
import { choleskySolve } from './linear-algebra';
import { rowFiller, slotCount, type LogisticDesign } from './logistic-design';
import type { Feature } from './prepare';
import type { LogisticSettings } from './settings';
import { TrainingError } from './training-error';

export type LogisticSpec = Extract<InlineModelSpec, { type: 'logistic' }>;

/** Above this many columns the p×p Hessian is too costly: L-BFGS instead of Newton. */
export const NEWTON_MAX_COLUMNS = 500;
/** The engine's bound on a logistic weight or intercept. */
const MAX_WEIGHT = 1000;

export interface LogisticFit {
  /** Coefficients on the standardised design; [0] is the intercept. */
  beta: Float64Array;
  iterations: number;
  converged: boolean;
}

export interface FitHooks {
  signal?: AbortSignal;
  onIteration?(iteration: number, iterations: number): void;
}

interface PassResult {
  loss: number;
  gradient?: Float64Array;
  hessian?: Float64Array;
}

/**
 * Minimises Σ log-loss + λ/2 · Σ_{j≥1} β_j² (the intercept unpenalised) — scikit-learn's
 * LogisticRegression objective ½‖w‖² + C · Σ log-loss with C = 1/λ, so the same minimum.
 * Newton's method with a Cholesky solve and backtracking while the design is narrow, L-BFGS beyond.
 */
export async function fitLogistic(
  design: LogisticDesign,
  train: Uint32Array,
  labels: Uint8Array,
  settings: LogisticSettings,
  hooks: FitHooks = {},
): Promise<LogisticFit> {
  const beta = new Float64Array(design.width);
  let positives = 0;
  for (const r of train) positives += labels[r]!;
  beta[0] = Math.log(positives / (train.length - positives));
  const evaluate = passer(design, train, labels, settings.l2, hooks.signal);
  return design.width <= NEWTON_MAX_COLUMNS
    ? newton(beta, evaluate, settings.maxIter, hooks)
    : lbfgs(beta, evaluate, settings.maxIter, train.length, hooks);
}

type Evaluate = (beta: Float64Array, want: 'loss' | 'gradient' | 'hessian') => Promise<PassResult>;

/** One pass over the training rows: the penalised loss, and on request its gradient and Hessian. */
function passer(
  design: LogisticDesign,
  train: Uint32Array,
  labels: Uint8Array,
  l2: number,
  signal: AbortSignal | undefined,
): Evaluate {
  const fill = rowFiller(design);
  const p = design.width;
  const cols = new Int32Array(slotCount(design));
  const vals = new Float64Array(slotCount(design));
  return async (beta, want) => {
    const gradient = want === 'loss' ? undefined : new Float64Array(p);
    const hessian = want === 'hessian' ? new Float64Array(p * p) : undefined;
    let loss = 0;
    // A Hessian row costs about as much as a predictor-count of plain rows: smaller chunks between pauses.
    const chunk = hessian ? CHUNK_ROWS / 4 : CHUNK_ROWS;
    for (let start = 0; start < train.length; start += chunk) {
      if (start > 0) await checkpoint(signal);
      const end = Math.min(start + chunk, train.length);
      for (let i = start; i < end; i++) {
        const r = train[i]!;
        const m = fill(r, cols, vals);
        let z = beta[0]!;
        for (let k = 0; k < m; k++) z += beta[cols[k]!]! * vals[k]!;
        const y = labels[r]!;
        loss += (z > 0 ? z : 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
        if (!gradient) continue;
        const prob = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        const residual = prob - y;
        gradient[0]! += residual;
        for (let k = 0; k < m; k++) gradient[cols[k]!]! += residual * vals[k]!;
        if (!hessian) continue;
        // Upper triangle only; the columns of a row come in ascending order.
        const w = prob * (1 - prob);
        hessian[0]! += w;
        for (let a = 0; a < m; a++) {
          const row = cols[a]! * p;
          const wa = w * vals[a]!;
          hessian[cols[a]!]! += wa;
          for (let b = a; b < m; b++) hessian[row + cols[b]!]! += wa * vals[b]!;
        }
      }
    }
    for (let j = 1; j < p; j++) {
      loss += 0.5 * l2 * beta[j]! * beta[j]!;
      if (gradient) gradient[j]! += l2 * beta[j]!;
      if (hessian) hessian[j * p + j]! += l2;
    }
    if (hessian) {
      for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) hessian[b * p + a] = hessian[a * p + b]!;
    }
    return { loss, gradient, hessian };
  };
}

async function newton(
  beta: Float64Array,
  evaluate: Evaluate,
  maxIter: number,
  hooks: FitHooks,
): Promise<LogisticFit> {
  const p = beta.length;
  for (let iteration = 1; iteration <= maxIter; iteration++) {
    const { loss, gradient, hessian } = await evaluate(beta, 'hessian');
    let step = choleskySolve(hessian!, gradient!, p);
    if (!step) {
      // Only with degenerate data (e.g. all weights at a saturated fit): fall back to a gradient step.
      step = Float64Array.from(gradient!, (g) => g * 1e-3);
    }
    let largest = 0;
    for (const s of step) largest = Math.max(largest, Math.abs(s));
    hooks.onIteration?.(iteration, maxIter);
    if (largest <= 1e-10) return { beta, iterations: iteration, converged: true };
    let slope = 0;
    for (let j = 0; j < p; j++) slope += gradient![j]! * step[j]!;
    let t = 1;
    const candidate = new Float64Array(p);
    for (;;) {
      for (let j = 0; j < p; j++) candidate[j] = beta[j]! - t * step[j]!;
      const next = await evaluate(candidate, 'loss');
      if (next.loss <= loss - 1e-4 * t * slope + 1e-12 * Math.abs(loss) || t < 1e-10) break;
      t /= 2;
    }
    beta = candidate;
  }
  return { beta, iterations: maxIter, converged: false };
}

async function lbfgs(
  beta: Float64Array,
  evaluate: Evaluate,
  maxIter: number,
  rows: number,
  hooks: FitHooks,
): Promise<LogisticFit> {
  const p = beta.length;
  const memory = 10;
  const history: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  let { loss, gradient } = await evaluate(beta, 'gradient');
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let j = 0; j < p; j++) s += a[j]! * b[j]!;
    return s;
  };
  for (let iteration = 1; iteration <= maxIter; iteration++) {
    const g = gradient!;
    let largest = 0;
    for (const x of g) largest = Math.max(largest, Math.abs(x));
    if (largest <= 1e-8 * rows) return { beta, iterations: iteration - 1, converged: true };
    // Two-loop recursion: direction = −H·g.
    const q = Float64Array.from(g);
    const alphas: number[] = [];
    for (let k = history.length - 1; k >= 0; k--) {
      const { s, y, rho } = history[k]!;
      const alpha = rho * dot(s, q);
      alphas[k] = alpha;
      for (let j = 0; j < p; j++) q[j]! -= alpha * y[j]!;
    }
    const last = history[history.length - 1];
    const scale = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1 / largest;
    for (let j = 0; j < p; j++) q[j]! *= scale;
    for (let k = 0; k < history.length; k++) {
      const { s, y, rho } = history[k]!;
      const b = rho * dot(y, q);
      for (let j = 0; j < p; j++) q[j]! += s[j]! * (alphas[k]! - b);
    }
    let slope = dot(g, q);
    if (!(slope > 0)) {
      history.length = 0;
      q.set(g);
      for (let j = 0; j < p; j++) q[j]! /= largest;
      slope = dot(g, q);
    }
    let t = 1;
    const candidate = new Float64Array(p);
    let next: PassResult;
    for (;;) {
      for (let j = 0; j < p; j++) candidate[j] = beta[j]! - t * q[j]!;
      next = await evaluate(candidate, 'gradient');
      if (next.loss <= loss - 1e-4 * t * slope || t < 1e-12) break;
      t /= 2;
    }
    const s = new Float64Array(p);
    const y = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      s[j] = candidate[j]! - beta[j]!;
      y[j] = next.gradient![j]! - g[j]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      history.push({ s, y, rho: 1 / sy });
      if (history.length > memory) history.shift();
    }
    const improvement = loss - next.loss;
    beta = candidate;
    loss = next.loss;
    gradient = next.gradient;
    hooks.onIteration?.(iteration, maxIter);
    if (improvement >= 0 && improvement <= 1e-14 * Math.abs(loss)) {
      return { beta, iterations: iteration, converged: true };
    }
  }
  return { beta, iterations: maxIter, converged: false };
}

/**
 * Folds the standardisation into engine terms: a number term's weight is β/sd, its centring moves
 * into the intercept, and a missing value adds `missingWeight` (its indicator's β, minus the centring
 * the intercept assumed); a categorical term carries its one-hot weights.
 */
export function logisticSpec(design: LogisticDesign, beta: Float64Array): LogisticSpec {
  let intercept = beta[0]!;
  const weightOf = (column: number) => (column >= 0 ? beta[column]! : 0);
  const termOf = new Map<Feature, LogisticSpec['terms'][number]>();
  for (const slot of design.numbers) {
    const w = beta[slot.column]!;
    const centring = (w * slot.mean) / slot.sd;
    intercept -= centring;
    termOf.set(slot.feature, {
      input: slot.feature.input,
      weight: checkWeight(w / slot.sd, slot.feature.name),
      center: slot.mean,
      missingWeight: checkWeight(weightOf(slot.missingColumn) + centring, slot.feature.name),
    });
  }
  for (const { feature, columnOf } of design.categories) {
    const categories: Record<string, number> = {};
    feature.levels.forEach((level, code) => (categories[level] = weightOf(columnOf[code]!)));
    termOf.set(feature, {
      input: feature.input,
      categories,
      otherwise: weightOf(columnOf[feature.other]!),
      ifMissing: weightOf(columnOf[feature.missing]!),
    });
  }
  // Terms in the order the predictors were listed.
  const terms = design.features.map((f) => termOf.get(f)!);
  return { type: 'logistic', intercept: checkWeight(intercept, undefined), terms };
}

function checkWeight(weight: number, column: string | undefined): number {
  if (Math.abs(weight) <= MAX_WEIGHT) return weight;
  throw new TrainingError(
    'invalid_value',
    column === undefined
      ? `the intercept (${weight.toPrecision(3)}) falls outside ±${MAX_WEIGHT}; a number predictor has values far from zero compared with their spread: subtract an offset from it (e.g. years since 2000 instead of the year)`
      : `column "${column}" has values so large or small for their spread that its weight (${weight.toPrecision(3)}) falls outside ±${MAX_WEIGHT}; rescale it (e.g. thousands instead of units)`,
    column,
  );
}
