import type { ModelReport as TrainerReport } from '@arbiter/learning';
import type { ModelAlgorithm, TrainingJobView, TrainingStatus, VersionComparisonRow } from './models-api';
import { formatDuration } from '../simulations/results-model';

/**
 * The trainer's evaluation report (@arbiter/learning `ModelReport`, stored as JSON with each model
 * version), the provenance beside it, and the words and number formats the models screens use.
 */

/** The figures the screens show; the algorithm and its iterations are the version's own fields. */
export type ModelReport = Omit<TrainerReport, 'algorithm' | 'iterations'>;

export interface Provenance {
  datasetId?: string;
  datasetName?: string;
  datasetHash?: string;
  rows?: number;
  target?: { column: string; positiveValues: string[] };
  predictors?: string[];
  split?: { kind: string; testShare?: number; column?: string };
  seed?: number;
  settings?: Record<string, unknown>;
  trainer?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const arrayOf = <T>(v: unknown, keep: (x: Record<string, unknown>) => boolean): T[] =>
  Array.isArray(v) ? (v.filter((x) => isObject(x) && keep(x)) as T[]) : [];

/** The stored report, or undefined when it is not one (a version recorded without evaluation). */
export function asModelReport(json: unknown): ModelReport | undefined {
  if (!isObject(json) || !isObject(json.auc) || !isNumber(json.auc.value)) return undefined;
  const r = json as unknown as ModelReport;
  return {
    ...r,
    roc: arrayOf(r.roc, (p) => isNumber(p.fpr) && isNumber(p.tpr)),
    calibration: arrayOf(r.calibration, (p) => isNumber(p.predicted) && isNumber(p.observed)),
    gains: arrayOf(r.gains, (p) => isNumber(p.share) && isNumber(p.captured)),
    importance: arrayOf(r.importance, (p) => typeof p.predictor === 'string' && isNumber(p.importance)),
    segments: arrayOf(r.segments, (p) => typeof p.predictor === 'string'),
    warnings: arrayOf(r.warnings, (p) => typeof p.message === 'string'),
  };
}

export function asProvenance(json: unknown): Provenance {
  if (!isObject(json)) return {};
  const p = json as Provenance;
  const target = isObject(json.target) ? (json.target as Provenance['target']) : undefined;
  return {
    ...p,
    target:
      target && typeof target.column === 'string' && Array.isArray(target.positiveValues)
        ? target
        : undefined,
    predictors: Array.isArray(json.predictors)
      ? json.predictors.flatMap((x) =>
          typeof x === 'string' ? [x] : isObject(x) && typeof x.name === 'string' ? [x.name] : [],
        )
      : undefined,
    settings: isObject(json.settings) ? json.settings : undefined,
    split: isObject(json.split) ? (json.split as Provenance['split']) : undefined,
    rows: isNumber(json.rows) ? json.rows : undefined,
    seed: isNumber(json.seed) ? json.seed : undefined,
  };
}

// ---------- words ----------

/** "Y is 1", "outcome is accepted or clicked". */
export function targetWords(provenance: Provenance): string | undefined {
  const t = provenance.target;
  if (!t) return undefined;
  const values = t.positiveValues.map((v) => `"${v}"`);
  const list =
    values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : (values[0] ?? '—');
  return `${t.column} is ${list}`;
}

export const ALGORITHMS: { value: ModelAlgorithm; label: string; explanation: string }[] = [
  {
    value: 'LOGISTIC',
    label: 'Logistic regression',
    explanation:
      'One weight per predictor (and per category): easy to read and approve, and strong when effects add up.',
  },
  {
    value: 'GBDT',
    label: 'Gradient-boosted trees',
    explanation:
      'Hundreds of small decision trees: finds non-linear effects and interactions, usually the most accurate.',
  },
  {
    value: 'NAIVE_BAYES',
    label: 'Naive Bayes',
    explanation:
      'Points per bin of each predictor, read as a scorecard: the most transparent, and quick on little data.',
  },
];

export const ALGORITHM_WORDS: Record<ModelAlgorithm, string> = {
  LOGISTIC: 'Logistic regression',
  GBDT: 'Gradient-boosted trees',
  NAIVE_BAYES: 'Naive Bayes',
  ADAPTIVE: 'Adaptive (learns from outcomes)',
};

export const TRAINING_STATUS_WORDS: Record<TrainingStatus, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Training',
  SUCCEEDED: 'Trained',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

export function isTrainingFinished(status: TrainingStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
}

// ---------- numbers ----------

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : integer.format(n);
}

/** AUC, log loss and Brier score read best with three decimals: 0.812. */
export function formatMetric(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(3);
}

/** A 95% confidence interval with two decimals: "95% CI 0.79–0.83". */
export function formatInterval(low: number, high: number): string {
  return `95% CI ${low.toFixed(2)}–${high.toFixed(2)}`;
}

/** 0.1234 → "12.3%". */
export function formatPercent(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? '—' : `${(n * 100).toFixed(digits)}%`;
}

/** A change with its sign, three decimals: "+0.021", "−0.004". */
export function formatMetricChange(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  if (Math.abs(n) < 0.0005) return '0.000';
  return `${n > 0 ? '+' : '−'}${Math.abs(n).toFixed(3)}`;
}

/** How the metrics of a comparison read, and which way is better. */
const METRICS: Record<string, { label: string; better?: 'higher' | 'lower'; unit?: 'count' | 'share' }> = {
  auc: { label: 'AUC', better: 'higher' },
  aucLow: { label: 'AUC, lower end of the 95% CI', better: 'higher' },
  aucHigh: { label: 'AUC, upper end of the 95% CI', better: 'higher' },
  logLoss: { label: 'Log loss', better: 'lower' },
  brier: { label: 'Brier score', better: 'lower' },
  positiveRate: { label: 'Share of positives', unit: 'share' },
  liftTopDecile: { label: 'Lift in the top 10%', better: 'higher' },
  rows: { label: 'Rows', unit: 'count' },
  trainRows: { label: 'Training rows', unit: 'count' },
  testRows: { label: 'Held-out rows', unit: 'count' },
};

export interface ComparisonLine {
  metric: string;
  label: string;
  a: string;
  b: string;
  change: string;
  tone: 'better' | 'worse' | 'same';
}

const signed = (n: number, text: string) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${text}`;

/** A figure and a change in the metric's unit: 0.812 / +0.021, 12,000 / +2,000 rows, 57.0% / +1.2 pts. */
const UNITS = {
  metric: { value: formatMetric, change: formatMetricChange },
  count: { value: formatCount, change: (d: number) => signed(d, formatCount(Math.abs(d))) },
  share: {
    value: (n: number | null) => formatPercent(n),
    change: (d: number) => `${signed(Math.round(d * 1000), (Math.abs(d) * 100).toFixed(1))} pts`,
  },
};

export function comparisonLines(rows: readonly VersionComparisonRow[]): ComparisonLine[] {
  return rows.map((r) => {
    const m = METRICS[r.metric];
    const unit = UNITS[m?.unit ?? 'metric'];
    const delta = r.delta ?? (r.a !== null && r.b !== null ? r.b - r.a : null);
    const tone: ComparisonLine['tone'] =
      !m?.better || delta === null || Math.abs(delta) < 0.0005
        ? 'same'
        : delta > 0 === (m.better === 'higher')
          ? 'better'
          : 'worse';
    return {
      metric: r.metric,
      label: m?.label ?? r.metric,
      a: unit.value(r.a),
      b: unit.value(r.b),
      change: delta === null ? '—' : unit.change(delta),
      tone,
    };
  });
}

// ---------- progress ----------

const PHASE_WORDS: Record<string, string> = {
  reading: 'Reading the rows from the dataset',
  preparing: 'Reading and preparing the rows',
  training: 'Fitting the model',
  evaluating: 'Evaluating on the held-out rows',
};

export interface TrainingProgressView {
  /** 0–100 for the bar, undefined while it cannot be told. */
  percent?: number;
  phase: string;
  rows: string;
  iterations: string;
  eta: string;
}

export function trainingProgressView(job: TrainingJobView): TrainingProgressView {
  const phase =
    job.status === 'QUEUED'
      ? 'Waiting for a worker'
      : (PHASE_WORDS[job.phase ?? ''] ?? (job.phase ? job.phase : 'Starting'));
  const percent =
    job.status === 'SUCCEEDED'
      ? 100
      : job.iterations > 0
        ? Math.min(100, (job.iteration / job.iterations) * 100)
        : undefined;
  return {
    percent,
    phase,
    rows: `${formatCount(job.rows)} rows`,
    iterations:
      job.iterations > 0 ? `iteration ${formatCount(job.iteration)} of ${formatCount(job.iterations)}` : '',
    eta: job.etaSeconds === null ? '' : `about ${formatDuration(job.etaSeconds)} left`,
  };
}

/** A failure as one sentence, whatever the worker stored. */
export function trainingFailure(error: string | null): string {
  const text = (error ?? '')
    .trim()
    .split('\n')[0]!
    .replace(/^\w*Error:\s*/, '');
  if (!text)
    return 'The training failed without saying why. Start it again; if it fails again, ask an admin to look at the worker logs.';
  const sentence = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
