import type { ActionFunnelComparison, ActionFunnelFigures, FunnelStep } from '@arbiter/engine';

/**
 * Shapes the per-action funnel of a simulation (engine ActionFunnelFigures, or both sides of a
 * comparison) into the table the results show: one row per action, one column per step.
 */

export interface FunnelColumn {
  nodeId: string;
  /** The step's label, else the name the run's names give it (its id at worst). */
  name: string;
  type: string;
  /** In a comparison: false when only one of the two versions has the step. */
  inBoth?: boolean;
}

export interface ActionFunnelLine {
  actionId: string;
  name: string;
  /** Candidates of the action each step let out, by column; null where the version has no such step. */
  out: (number | null)[];
  recommended: number;
  first: number;
  /** In a comparison: the baseline's figures beside the draft's. */
  baseline?: { out: (number | null)[]; recommended: number; first: number };
}

export interface ActionFunnelView {
  columns: FunnelColumn[];
  lines: ActionFunnelLine[];
  /** Rows the figures cover (those decided with a funnel trace). */
  rows?: number;
}

const column = (step: FunnelStep, stepName: (nodeId: string) => string): FunnelColumn => ({
  nodeId: step.nodeId,
  name: step.label?.trim() || stepName(step.nodeId),
  type: step.type,
});

/** Most often first, then most often recommended, then by name: the actions that matter on top. */
const byImportance = (a: ActionFunnelLine, b: ActionFunnelLine) =>
  b.first - a.first || b.recommended - a.recommended || a.name.localeCompare(b.name);

export function actionFunnelView(
  funnel: ActionFunnelFigures,
  stepName: (nodeId: string) => string,
): ActionFunnelView {
  return {
    rows: funnel.rows,
    columns: funnel.steps.map((s) => column(s, stepName)),
    lines: funnel.actions
      .map((a) => ({
        actionId: a.actionId,
        name: a.name,
        out: a.out,
        recommended: a.recommended,
        first: a.first,
      }))
      .sort(byImportance),
  };
}

export function actionFunnelComparisonView(
  comparison: ActionFunnelComparison,
  stepName: (nodeId: string) => string,
): ActionFunnelView {
  return {
    columns: comparison.steps.map((s) => ({ ...column(s, stepName), inBoth: s.inBoth })),
    lines: comparison.actions
      .map((a) => ({
        actionId: a.actionId,
        name: a.name,
        out: a.out.map((o) => o.draft),
        recommended: a.recommended.draft,
        first: a.first.draft,
        baseline: {
          out: a.out.map((o) => o.baseline),
          recommended: a.recommended.baseline,
          first: a.first.baseline,
        },
      }))
      .sort(byImportance),
  };
}

/** The step where an action loses the most candidates, in words ("Eligibility: −280"), or undefined. */
export function biggestDrop(line: ActionFunnelLine, columns: readonly FunnelColumn[]): string | undefined {
  let worst: { at: number; lost: number } | undefined;
  let before: number | null = null;
  line.out.forEach((n, i) => {
    if (n === null) return;
    if (before !== null && before - n > (worst?.lost ?? 0)) worst = { at: i, lost: before - n };
    before = n;
  });
  return worst ? `${columns[worst.at]!.name} (−${worst.lost.toLocaleString('en-US')})` : undefined;
}
