import type { SimulationComparison, SimulationSummary } from '@arbiter/engine';
import { toCsv, type CsvCell as Cell } from '../shared/csv';
import { IDS_ONLY, type ResultNames } from './result-names';
import { actionRows, segmentRows, type ActionRow } from './results-model';

/**
 * The results as CSV for a spreadsheet (RFC 4180 quoting, formulas neutralised): one row per
 * action, then one per segment, each with its id and its name (actions by their catalog name).
 * With a baseline every figure has draft, baseline and delta (draft − baseline) columns.
 */

const FIGURES = ['rows', 'top', 'top_share', 'eligible', 'expected_acceptances', 'expected_value'] as const;
type Figure = (typeof FIGURES)[number];
type Figures = Partial<Record<Figure, number | null>>;

const actionFigures = (a: Omit<ActionRow, 'actionId' | 'baseline'>): Figures => ({
  top: a.top,
  top_share: a.topShare,
  eligible: a.eligible,
  expected_acceptances: a.expectedAcceptances,
  expected_value: a.expectedValue,
});

/** A segment's baseline has no top share. */
const segmentFigures = (s: {
  rows: number;
  topShare?: number | null;
  expectedAcceptances: number;
  expectedValue: number;
}): Figures => ({
  rows: s.rows,
  top_share: s.topShare,
  expected_acceptances: s.expectedAcceptances,
  expected_value: s.expectedValue,
});

export function resultsCsv(
  summary: SimulationSummary,
  comparison?: SimulationComparison,
  names: ResultNames = IDS_ONLY,
): string {
  const withBaseline = !!comparison;
  const named = (id: string | null | undefined) => (id ? names.action(id) : null);
  const header = [
    'kind',
    'id',
    'name',
    'top_action',
    ...(withBaseline ? ['top_action_baseline'] : []),
    ...FIGURES.flatMap((f) => (withBaseline ? [`${f}_draft`, `${f}_baseline`, `${f}_delta`] : [f])),
  ];
  const row = (
    kind: string,
    id: string,
    name: string,
    topAction: Cell[],
    draft: Figures,
    baseline: Figures | undefined,
  ) => {
    const figures = FIGURES.flatMap((f): Cell[] => {
      const d = draft[f];
      if (!withBaseline) return [d];
      const b = baseline?.[f];
      return [d, b, d === null || d === undefined || b === null || b === undefined ? null : d - b];
    });
    return [kind, id, name, ...topAction, ...figures];
  };

  const rows: Cell[][] = [header];
  for (const a of actionRows(summary, comparison)) {
    const baseline = a.baseline && actionFigures(a.baseline);
    rows.push(
      row(
        'action',
        a.actionId,
        names.action(a.actionId),
        withBaseline ? [null, null] : [null],
        actionFigures(a),
        baseline,
      ),
    );
  }
  for (const s of segmentRows(summary, comparison)) {
    const b = s.baseline;
    const topAction = withBaseline ? [named(s.topAction), named(b?.topAction)] : [named(s.topAction)];
    rows.push(row('segment', s.segment, s.segment, topAction, segmentFigures(s), b && segmentFigures(b)));
  }
  return toCsv(rows);
}
