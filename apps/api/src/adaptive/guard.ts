import { GUARD_WINDOW, type AdaptiveModelConfig } from './adaptive-config';

/**
 * The guard's evidence, kept with every snapshot: the last GUARD_WINDOW outcomes as (the propensity
 * the model gave before learning the outcome, the label) — prequential evaluation, so the figures
 * judge predictions the model made, never ones it was fitted to.
 */
export interface GuardState {
  predictions: number[];
  labels: (0 | 1)[];
  rollingAuc: number | null;
  calibrationError: number | null;
  /** When the current alert started (it keeps its start while it lasts). */
  alert: { kind: 'auc' | 'calibration'; message: string; since: string } | null;
}

export function emptyGuard(): GuardState {
  return { predictions: [], labels: [], rollingAuc: null, calibrationError: null, alert: null };
}

export function observe(guard: GuardState, prediction: number, label: boolean): void {
  guard.predictions.push(prediction);
  guard.labels.push(label ? 1 : 0);
  if (guard.predictions.length > GUARD_WINDOW) {
    guard.predictions.shift();
    guard.labels.shift();
  }
}

/** AUC by ranks (Mann–Whitney, ties shared); null with fewer than 10 outcomes or a single class. */
export function rollingAuc(predictions: readonly number[], labels: readonly (0 | 1)[]): number | null {
  const positives = labels.filter((l) => l === 1).length;
  const negatives = labels.length - positives;
  if (labels.length < 10 || positives === 0 || negatives === 0) return null;
  const order = predictions.map((_, i) => i).sort((a, b) => predictions[a]! - predictions[b]!);
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && predictions[order[j + 1]!] === predictions[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[order[k]!] === 1) rankSum += rank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Expected calibration error over 10 equal-width bins: Σ (n_b / n) |mean prediction − positive rate|; null under 10 outcomes. */
export function calibrationError(predictions: readonly number[], labels: readonly (0 | 1)[]): number | null {
  if (labels.length < 10) return null;
  const sums = Array.from({ length: 10 }, () => ({ n: 0, p: 0, y: 0 }));
  predictions.forEach((p, i) => {
    const bin = sums[Math.min(9, Math.floor(p * 10))]!;
    bin.n++;
    bin.p += p;
    bin.y += labels[i]!;
  });
  return sums.reduce((e, b) => (b.n ? e + (b.n / labels.length) * Math.abs(b.p / b.n - b.y / b.n) : e), 0);
}

/** Recomputes the figures and the alert after a batch. */
export function judge(
  guard: GuardState,
  config: Pick<AdaptiveModelConfig, 'aucFloor' | 'calibrationFloor'>,
  now: Date,
): void {
  guard.rollingAuc = rollingAuc(guard.predictions, guard.labels);
  guard.calibrationError = calibrationError(guard.predictions, guard.labels);
  let alert: Pick<NonNullable<GuardState['alert']>, 'kind' | 'message'> | null = null;
  if (config.aucFloor != null && guard.rollingAuc !== null && guard.rollingAuc < config.aucFloor)
    alert = {
      kind: 'auc',
      message: `Rolling AUC ${guard.rollingAuc.toFixed(3)} over the last ${guard.labels.length} outcomes is below the floor ${config.aucFloor}.`,
    };
  else if (
    config.calibrationFloor != null &&
    guard.calibrationError !== null &&
    guard.calibrationError > config.calibrationFloor
  )
    alert = {
      kind: 'calibration',
      message: `Calibration error ${guard.calibrationError.toFixed(3)} over the last ${guard.labels.length} outcomes is above the limit ${config.calibrationFloor}.`,
    };
  guard.alert = alert
    ? { ...alert, since: guard.alert?.kind === alert.kind ? guard.alert.since : now.toISOString() }
    : null;
}
