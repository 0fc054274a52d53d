import type {
  Estimate,
  NodeFigures,
  OffPolicyEstimates,
  OffPolicyUplift,
  RecommendationFigures,
  SimulationComparison,
  SimulationSummary,
} from '@arbiter/engine';
import type { SimulationRunQuery, SimulationStatus } from '../api/generated/graphql';

/** Shapes the stored simulation JSON (engine SimulationSummary / SimulationComparison) into what the screens show. */

export type { SimulationStatus };

export const STATUS_WORDS: Record<SimulationStatus, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

export function isFinished(status: SimulationStatus): boolean {
  return status === 'COMPLETED' || status === 'FAILED' || status === 'CANCELLED';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored results, or undefined when they are not a summary (e.g. an empty object). */
export function asSummary(results: unknown): SimulationSummary | undefined {
  if (!isObject(results) || !Array.isArray(results.actions) || typeof results.rows !== 'number')
    return undefined;
  const r = results as unknown as SimulationSummary;
  return { ...r, nodes: Array.isArray(r.nodes) ? r.nodes : [] };
}

export function asComparison(comparison: unknown): SimulationComparison | undefined {
  if (!isObject(comparison) || !Array.isArray(comparison.actions) || !isObject(comparison.rows))
    return undefined;
  const c = comparison as unknown as SimulationComparison;
  return { ...c, nodes: Array.isArray(c.nodes) ? c.nodes : [] };
}

// ---------- formatting ----------

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : integer.format(n);
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : decimal.format(n);
}

/** 0.1234 → "12.3%". */
export function formatShare(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${(n * 100).toFixed(1)}%`;
}

/** A change with its sign: "+12", "−3.5", "+1.2 pts" for shares. */
export function formatChange(n: number | null | undefined, kind: 'count' | 'number' | 'share'): string {
  if (n === null || n === undefined) return '—';
  if (n === 0) return kind === 'share' ? '0 pts' : '0';
  const sign = n > 0 ? '+' : '−';
  const abs = Math.abs(n);
  if (kind === 'share') return `${sign}${(abs * 100).toFixed(1)} pts`;
  return `${sign}${kind === 'count' ? integer.format(abs) : decimal.format(abs)}`;
}

/** Which direction of a figure is good news: more acceptances ('up'), fewer customers left without a
 * recommendation ('down'), or neither (more of one action is a change, not an improvement). */
export type BetterWhen = 'up' | 'down' | 'neither';

/** How a change reads: colour by meaning, never by sign alone. */
export function changeTone(
  n: number | null | undefined,
  better: BetterWhen,
): 'better' | 'worse' | 'changed' | 'same' {
  if (!n) return 'same';
  if (better === 'neither') return 'changed';
  return n > 0 === (better === 'up') ? 'better' : 'worse';
}

/** Seconds as "45 s", "3 min 20 s", "1 h 5 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

// ---------- progress ----------

/** How far a run is, as the API reports it. */
export type ProgressInput = SimulationRunQuery['simulation']['progress'];

export interface ProgressView {
  /** 0–100, for the bar. */
  percent: number;
  rows: string;
  rate: string;
  eta: string;
  chunks: string;
}

export function progressView(p: ProgressInput): ProgressView {
  const percent =
    p.status === 'COMPLETED' ? 100 : p.rowsTotal > 0 ? Math.min(100, (p.rowsDone / p.rowsTotal) * 100) : 0;
  return {
    percent,
    rows: `${formatCount(p.rowsDone)} of ${formatCount(p.rowsTotal)} rows`,
    rate:
      p.rowsPerSecond === null
        ? p.status === 'QUEUED'
          ? 'waiting for a worker'
          : 'measuring…'
        : `${formatCount(p.rowsPerSecond)} rows/s`,
    eta: p.etaSeconds === null ? '' : `about ${formatDuration(p.etaSeconds)} left`,
    chunks: `chunk ${formatCount(p.chunksDone)} of ${formatCount(p.chunkCount)} done`,
  };
}

/** A failure as one sentence, whatever the worker stored. */
export function failureSentence(error: string | null | undefined): string {
  const text = (error ?? '')
    .trim()
    .split('\n')[0]!
    .replace(/^Error:\s*/, '');
  if (!text)
    return 'The simulation failed without saying why. Run it again; if it fails again, ask an admin to look at the worker logs.';
  const sentence = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

// ---------- actions ----------

/** One action's figures in the draft, and in the baseline when there is one. */
export interface ActionRow {
  actionId: string;
  top: number;
  topShare: number | null;
  eligible: number;
  expectedAcceptances: number;
  expectedValue: number;
  baseline?: {
    top: number;
    topShare: number | null;
    eligible: number;
    expectedAcceptances: number;
    expectedValue: number;
  };
}

/** Per action, most often on top first; with a comparison, every action of either simulation. */
export function actionRows(summary: SimulationSummary, comparison?: SimulationComparison): ActionRow[] {
  const rows: ActionRow[] = comparison
    ? comparison.actions.map((a) => ({
        actionId: a.actionId,
        top: a.top.draft,
        topShare: a.topShare.draft,
        eligible: a.eligible.draft,
        expectedAcceptances: a.expectedAcceptances.draft,
        expectedValue: a.expectedValue.draft,
        baseline: {
          top: a.top.baseline,
          topShare: a.topShare.baseline,
          eligible: a.eligible.baseline,
          expectedAcceptances: a.expectedAcceptances.baseline,
          expectedValue: a.expectedValue.baseline,
        },
      }))
    : summary.actions.map((a) => ({
        actionId: a.actionId,
        top: a.top,
        topShare: a.topShare,
        eligible: a.eligible,
        expectedAcceptances: a.expectedAcceptances,
        expectedValue: a.expectedValue,
      }));
  return rows.sort(
    (a, b) => b.top - a.top || b.eligible - a.eligible || a.actionId.localeCompare(b.actionId),
  );
}

export interface Totals {
  rows: number;
  withoutRecommendation: number;
  recommendations: number;
  expectedAcceptances: number;
  expectedValue: number;
}

export function totals(figures: RecommendationFigures): Totals {
  return {
    rows: figures.rows,
    withoutRecommendation: figures.rowsWithoutRecommendation,
    recommendations: figures.recommendations,
    expectedAcceptances: figures.actions.reduce((s, a) => s + a.expectedAcceptances, 0),
    expectedValue: figures.actions.reduce((s, a) => s + a.expectedValue, 0),
  };
}

/** Draft and baseline totals from a comparison (the baseline's summary itself is not stored with the run). */
export function comparisonTotals(comparison: SimulationComparison): { draft: Totals; baseline: Totals } {
  const side = (k: 'draft' | 'baseline'): Totals => ({
    rows: comparison.rows[k],
    withoutRecommendation: comparison.rowsWithoutRecommendation[k],
    recommendations: comparison.recommendations[k],
    expectedAcceptances: comparison.actions.reduce((s, a) => s + a.expectedAcceptances[k], 0),
    expectedValue: comparison.actions.reduce((s, a) => s + a.expectedValue[k], 0),
  });
  return { draft: side('draft'), baseline: side('baseline') };
}

// ---------- funnel ----------

export interface FunnelRow {
  nodeId: string;
  type: string;
  in: number;
  out: number;
  dropped: number;
  passRate: number | null;
  /** "needs age ≥ 18 (120)", most frequent first, at most three, then "other reasons (12)". */
  reasons: string[];
  baseline?: { in: number; out: number };
}

export function funnelRows(summary: SimulationSummary, comparison?: SimulationComparison): FunnelRow[] {
  const before = new Map((comparison?.nodes ?? []).map((n) => [n.nodeId, n]));
  return summary.nodes.map((n: NodeFigures) => {
    const b = before.get(n.nodeId);
    const top = (n.drops?.reasons ?? []).slice(0, 3);
    const reasons = top.map((r) => `${r.reason} (${formatCount(r.count)})`);
    // Drops of the less frequent reasons, listed or not, together: the counts add up to what was dropped.
    const rest = (n.drops?.dropped ?? 0) - top.reduce((sum, r) => sum + r.count, 0);
    if (top.length > 0 && rest > 0) reasons.push(`other reasons (${formatCount(rest)})`);
    return {
      nodeId: n.nodeId,
      type: n.type,
      in: n.in,
      out: n.out,
      dropped: Math.max(0, n.in - n.out),
      passRate: n.passRate,
      reasons,
      ...(b ? { baseline: { in: b.in.baseline, out: b.out.baseline } } : {}),
    };
  });
}

// ---------- segments ----------

export interface SegmentRow {
  segment: string;
  rows: number;
  /** The action most often on top in the segment, with its share. */
  topAction: string | null;
  topShare: number | null;
  expectedAcceptances: number;
  expectedValue: number;
  baseline?: { rows: number; topAction: string | null; expectedAcceptances: number; expectedValue: number };
}

function leader(actions: { actionId: string; top: number; topShare: number | null }[]): {
  actionId: string | null;
  share: number | null;
} {
  const best = [...actions].sort((a, b) => b.top - a.top || a.actionId.localeCompare(b.actionId))[0];
  return best && best.top > 0
    ? { actionId: best.actionId, share: best.topShare }
    : { actionId: null, share: null };
}

function segmentRow(segment: string, figures: RecommendationFigures): SegmentRow {
  const top = leader(figures.actions);
  const t = totals(figures);
  return {
    segment,
    rows: figures.rows,
    topAction: top.actionId,
    topShare: top.share,
    expectedAcceptances: t.expectedAcceptances,
    expectedValue: t.expectedValue,
  };
}

/** Per segment of the draft (and its baseline figures from the comparison), then the segments beyond those kept. */
export function segmentRows(summary: SimulationSummary, comparison?: SimulationComparison): SegmentRow[] {
  const changes = new Map((comparison?.segments ?? []).map((s) => [s.segment, s]));
  const rows = (summary.segments?.groups ?? []).map((g) => {
    const row = segmentRow(g.segment, g);
    const c = changes.get(g.segment);
    if (c) {
      row.baseline = {
        rows: c.rows.baseline,
        topAction: leader(
          c.actions.map((a) => ({
            actionId: a.actionId,
            top: a.top.baseline,
            topShare: a.topShare.baseline,
          })),
        ).actionId,
        expectedAcceptances: c.actions.reduce((s, a) => s + a.expectedAcceptances.baseline, 0),
        expectedValue: c.actions.reduce((s, a) => s + a.expectedValue.baseline, 0),
      };
    }
    return row;
  });
  const other = summary.segments?.other;
  if (other && other.rows > 0) rows.push(segmentRow('Other segments', other));
  return rows;
}

// ---------- off-policy ----------

export type Estimator = 'replay' | 'ips' | 'snips';

export const ESTIMATOR_WORDS: Record<Estimator | 'observed', string> = {
  observed: 'Logged policy (observed)',
  replay: 'Replay',
  ips: 'IPS',
  snips: 'SNIPS',
};

export interface EstimateRow {
  name: string;
  value: number | null;
  low: number | null;
  high: number | null;
  /** For error bars: [value − low, high − value]. */
  error: [number, number] | null;
}

function estimateRow(name: string, e: Estimate): EstimateRow {
  const interval = e.bootstrapInterval ?? e.interval;
  const low = interval?.low ?? null;
  const high = interval?.high ?? null;
  return {
    name,
    value: e.value,
    low,
    high,
    error: e.value !== null && low !== null && high !== null ? [e.value - low, high - e.value] : null,
  };
}

/** The acceptance rate the strategy would get, by estimator, after the logging policy's own rate. */
export function offPolicyRows(estimates: OffPolicyEstimates): EstimateRow[] {
  return [
    estimateRow(ESTIMATOR_WORDS.observed, estimates.observed),
    estimateRow(ESTIMATOR_WORDS.replay, estimates.replay),
    estimateRow(ESTIMATOR_WORDS.ips, estimates.ips),
    estimateRow(ESTIMATOR_WORDS.snips, estimates.snips),
  ];
}

export function upliftRows(uplift: OffPolicyUplift): EstimateRow[] {
  return (['replay', 'ips', 'snips'] as const).map((k) => estimateRow(ESTIMATOR_WORDS[k], uplift[k]));
}

/** "+1.2 pts (95% CI −0.4 to +2.8 pts)": whether the interval excludes zero is what matters. */
export function describeUplift(row: EstimateRow, withPropensity = true): string {
  if (row.value === null)
    return withPropensity || row.name === ESTIMATOR_WORDS.replay
      ? `${row.name}: no estimate (too few rows where the strategy chose the logged action).`
      : `${row.name}: no estimate (the dataset has no logging propensities).`;
  const ci =
    row.low !== null && row.high !== null
      ? ` (interval ${formatChange(row.low, 'share')} to ${formatChange(row.high, 'share')})`
      : '';
  const verdict =
    row.low === null || row.high === null
      ? ''
      : row.low > 0
        ? ': better than the baseline'
        : row.high < 0
          ? ': worse than the baseline'
          : ': not distinguishable from no change';
  return `${row.name}: ${formatChange(row.value, 'share')}${ci}${verdict}.`;
}

/** Why there are no off-policy estimates. */
export const OFF_POLICY_NEEDS =
  'Off-policy estimates need a dataset with the action that was actually shown (logged action) and what the customer did (outcome) on every row, ideally with the logging propensity. Map those columns when uploading a dataset to see replay, IPS and SNIPS estimates here.';

/** Why IPS and SNIPS are empty while replay has a value. */
export const NO_PROPENSITY =
  'IPS and SNIPS weight each logged row by the probability with which its action was chosen (the logging propensity); this dataset has none, so only the observed rate and replay are estimated. Replay is unbiased only when the logged actions were chosen at random.';

/** Why replay, IPS and SNIPS are empty although the rows were logged. */
export const NO_MATCHES =
  'The strategy never recommended the action that was logged on a row, so replay, IPS and SNIPS have nothing to estimate from: the logged actions must be actions of this catalog.';
