import { registerEnumType } from '@nestjs/graphql';
import {
  compareSequentially,
  DEFAULT_SEQUENTIAL,
  wilsonInterval,
  type ArmTally,
  type Interval,
  type Look,
  type SequentialOptions,
} from './arm-statistics';

export enum ExperimentVerdict {
  /** Some arm has too few decisions for the test to look. */
  TOO_EARLY = 'TOO_EARLY',
  /** The test has looked and found no difference yet. */
  KEEP_RUNNING = 'KEEP_RUNNING',
  CHALLENGER_BETTER = 'CHALLENGER_BETTER',
  CHAMPION_BETTER = 'CHAMPION_BETTER',
}
registerEnumType(ExperimentVerdict, {
  name: 'ExperimentVerdict',
  description: 'What the always-valid test says: TOO_EARLY and KEEP_RUNNING both mean keep running.',
});

/** A branch of a percentage split, as the version's document defines it. */
export interface SplitArmConfig {
  id: string;
  label?: string;
  percent: number;
}

export interface SplitStepConfig {
  id: string;
  label?: string;
  branches: SplitArmConfig[];
}

/** The decisions an arm got in one hour (decision time), and how many had a positive outcome. */
export interface ArmHourTally {
  arm: string;
  hour: Date;
  decisions: number;
  outcomes: number;
  positives: number;
}

export interface ArmResult {
  arm: string;
  label: string;
  percent: number;
  champion: boolean;
  decisions: number;
  outcomes: number;
  positives: number;
  /** positives / decisions; null without decisions. */
  rate: number | null;
  rateInterval: Interval;
  /** Against the champion (challengers only): this arm's rate minus the champion's. */
  difference: number | null;
  /** Always-valid interval of the difference at the split's per-comparison alpha. */
  differenceInterval: Interval | null;
  pValue: number | null;
  verdict: ExperimentVerdict | null;
}

export interface SplitResult {
  splitStepId: string;
  label: string;
  arms: ArmResult[];
  verdict: ExperimentVerdict;
  /** The arm to promote; set only when the test has a verdict. */
  winner: string | null;
  /** The verdict in words. */
  summary: string;
  /** Alpha of each challenger's comparison: the overall alpha shared among the challengers (Bonferroni). */
  comparisonAlpha: number;
}

const percent = (rate: number | null) => (rate === null ? '–' : `${(100 * rate).toFixed(1)}%`);
const pText = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

/**
 * The results of one percentage split: per arm its rate with a 95% Wilson interval; per challenger
 * the always-valid comparison with the champion (the first arm) over hourly looks; and one verdict.
 */
export function splitExperiment(
  step: SplitStepConfig,
  hours: readonly ArmHourTally[],
  options: SequentialOptions = DEFAULT_SEQUENTIAL,
): SplitResult {
  const ids = step.branches.map((b) => b.id);
  const totals = new Map(ids.map((id) => [id, { decisions: 0, outcomes: 0, positives: 0 }]));
  // Cumulative tallies at the end of each hour: one look per hour.
  const snapshots: Map<string, ArmTally>[] = [];
  let hour: number | undefined;
  for (const h of [...hours].sort((a, b) => a.hour.getTime() - b.hour.getTime())) {
    const total = totals.get(h.arm);
    if (!total) continue;
    if (hour !== undefined && h.hour.getTime() !== hour) snapshots.push(snapshot(totals));
    hour = h.hour.getTime();
    total.decisions += h.decisions;
    total.outcomes += h.outcomes;
    total.positives += h.positives;
  }
  if (hour !== undefined) snapshots.push(snapshot(totals));

  const comparisonAlpha = options.alpha / Math.max(1, ids.length - 1);
  const champion = totals.get(ids[0]!)!;
  const arms = step.branches.map((b, i): ArmResult => {
    const t = totals.get(b.id)!;
    const base = {
      arm: b.id,
      label: b.label ?? b.id,
      percent: b.percent,
      champion: i === 0,
      ...t,
      rate: t.decisions > 0 ? t.positives / t.decisions : null,
      rateInterval: wilsonInterval(t),
    };
    if (i === 0) return { ...base, difference: null, differenceInterval: null, pValue: null, verdict: null };
    const looks: Look[] = snapshots.map((s) => ({ champion: s.get(ids[0]!)!, challenger: s.get(b.id)! }));
    const c = compareSequentially(looks, { ...options, alpha: comparisonAlpha });
    const verdict = c.decided
      ? c.direction > 0
        ? ExperimentVerdict.CHALLENGER_BETTER
        : ExperimentVerdict.CHAMPION_BETTER
      : c.interval
        ? ExperimentVerdict.KEEP_RUNNING
        : ExperimentVerdict.TOO_EARLY;
    const difference = t.decisions && champion.decisions ? c.difference : null;
    return { ...base, difference, differenceInterval: c.interval, pValue: c.pValue, verdict };
  });
  return {
    splitStepId: step.id,
    label: step.label ?? step.id,
    arms,
    comparisonAlpha,
    ...verdictOf(arms, options),
  };
}

function snapshot(totals: Map<string, { decisions: number; positives: number }>): Map<string, ArmTally> {
  return new Map([...totals].map(([id, t]) => [id, { decisions: t.decisions, positives: t.positives }]));
}

function verdictOf(
  arms: ArmResult[],
  options: SequentialOptions,
): Pick<SplitResult, 'verdict' | 'winner' | 'summary'> {
  const champion = arms[0]!;
  const challengers = arms.slice(1);
  const better = challengers
    .filter((a) => a.verdict === ExperimentVerdict.CHALLENGER_BETTER)
    .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0));
  if (better.length) {
    const best = better[0]!;
    return {
      verdict: ExperimentVerdict.CHALLENGER_BETTER,
      winner: best.arm,
      summary: `“${best.label}” is better than the champion “${champion.label}”: ${percent(best.rate)} against ${percent(champion.rate)} of decisions with a positive outcome (always-valid p ${pText(best.pValue!)}). Promote it as a new draft.`,
    };
  }
  if (challengers.length && challengers.every((a) => a.verdict === ExperimentVerdict.CHAMPION_BETTER)) {
    return {
      verdict: ExperimentVerdict.CHAMPION_BETTER,
      winner: champion.arm,
      summary: `The champion “${champion.label}” is better than ${challengers.length > 1 ? 'every challenger' : `“${challengers[0]!.label}”`}: ${percent(champion.rate)} of decisions with a positive outcome. Promote it as a new draft to end the experiment.`,
    };
  }
  if (challengers.some((a) => a.verdict === ExperimentVerdict.TOO_EARLY)) {
    const fewest = Math.min(...arms.map((a) => a.decisions));
    return {
      verdict: ExperimentVerdict.TOO_EARLY,
      winner: null,
      summary: `Too early: keep running — the test looks once every arm has ${options.minDecisions} decisions, ${options.minExpected} of them expected to succeed and ${options.minExpected} to fail (the fewest decisions so far: ${fewest}). The always-valid test allows looking at any time.`,
    };
  }
  return {
    verdict: ExperimentVerdict.KEEP_RUNNING,
    winner: null,
    summary:
      'No difference detectable yet: keep running — the always-valid test allows looking at any time, and its verdict holds whenever it comes.',
  };
}
