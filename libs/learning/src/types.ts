import type { InlineModelSpec } from '@arbiter/engine';
import type { Settings, SettingsInput } from './settings';

export type PredictorType = 'number' | 'string' | 'boolean';

/** A dataset column used as a predictor; `input` is the engine reference the model reads (e.g. "customer.age"). */
export interface PredictorDef {
  name: string;
  input: string;
  type: PredictorType;
}

/** A row is positive when String(row[column]) is one of positiveValues; rows without a value are left out. */
export interface TrainingTarget {
  column: string;
  positiveValues: string[];
}

export type Algorithm = 'logistic' | 'gbdt' | 'naiveBayes';

export type SplitRequest =
  { kind: 'stratified'; testShare: number } | { kind: 'time'; column: string; testShare: number };

export interface TrainingRequest {
  /** Rows keyed by dataset column name (the predictors' `name`, the target column, the time column). */
  rows: ReadonlyArray<Record<string, unknown>>;
  target: TrainingTarget;
  predictors: PredictorDef[];
  algorithm: Algorithm;
  settings?: SettingsInput;
  /** Default: stratified, testShare 0.2. */
  split?: SplitRequest;
  seed: number;
}

export interface TrainingProgress {
  phase: 'preparing' | 'training' | 'evaluating';
  iteration: number;
  iterations: number;
  /** Training rows. */
  rows: number;
}

export interface TrainingOptions {
  onProgress?(progress: TrainingProgress): void;
  signal?: AbortSignal;
}

export interface TrainingResult {
  spec: InlineModelSpec;
  report: ModelReport;
  /** The settings used, with defaults applied. */
  settings: Settings;
}

export type WarningCode = 'leakage' | 'few_positives' | 'categories_capped' | 'constant' | 'missing_values';

export interface ReportWarning {
  code: WarningCode;
  predictor?: string;
  message: string;
}

/** Held-out evaluation of a trained model; every figure is computed from the engine's scores. */
export interface ModelReport {
  algorithm: Algorithm;
  /** Newton / L-BFGS iterations (logistic), trees (gbdt), 1 (naive Bayes). */
  iterations: number;
  rows: { train: number; test: number };
  positives: { train: number; test: number };
  split: { kind: 'stratified' | 'time'; testShare: number; seed: number; column?: string };
  /** Area under the ROC curve with its 95% confidence interval (DeLong). */
  auc: { value: number; low: number; high: number };
  logLoss: number;
  brier: number;
  /** Share of positives among the test rows. */
  positiveRate: number;
  roc: { fpr: number; tpr: number }[];
  /** Reliability curve: 10 equal-width bins of predicted propensity; empty bins are left out. */
  calibration: { predicted: number; observed: number; count: number }[];
  gains: { share: number; captured: number; lift: number }[];
  importance: { predictor: string; importance: number }[];
  segments: { predictor: string; segment: string; rows: number; auc: number | null }[];
  warnings: ReportWarning[];
}
