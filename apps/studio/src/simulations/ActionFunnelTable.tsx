import type { SimulationComparison, SimulationSummary } from '@arbiter/engine';
import { Delta } from './Delta';
import {
  actionFunnelComparisonView,
  actionFunnelView,
  biggestDrop,
  type ActionFunnelView,
} from './action-funnel-model';
import { useResultNames } from './result-names';
import { formatCount } from './results-model';

/**
 * Per action, how many of its candidates each step let out, then how often it was recommended (any
 * rank) and first: an action that never makes the cut still has its row, and its biggest loss says
 * which step to look at. With a baseline each figure has the baseline's beside it.
 */
export function ActionFunnelTable({ view, compare }: { view: ActionFunnelView; compare?: boolean }) {
  const { columns, lines } = view;
  const figure = (draft: number | null, baseline: number | null | undefined, key: string) => (
    <td className="num" key={key}>
      {draft === null ? <span className="muted">no such step</span> : formatCount(draft)}
      {compare && baseline !== undefined && (
        <span className="sim-was">
          {baseline === null ? (
            'new step'
          ) : (
            <>
              was {formatCount(baseline)}{' '}
              <Delta value={draft === null ? null : draft - baseline} kind="count" better="neither" />
            </>
          )}
        </span>
      )}
    </td>
  );
  return (
    <div className="sim-table-scroll">
      <table className="data-table sim-table sim-action-funnel" aria-label="Per action through the steps">
        <thead>
          <tr>
            <th scope="col">Action</th>
            {columns.map((c) => (
              <th scope="col" className="num" key={c.nodeId} title={`${c.type} step ${c.nodeId}`}>
                After {c.name}
              </th>
            ))}
            <th scope="col" className="num">
              Recommended (any rank)
            </th>
            <th scope="col" className="num">
              First
            </th>
            {!compare && <th scope="col">Loses most at</th>}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.actionId}>
              <th scope="row" title={line.actionId}>
                {line.name}
              </th>
              {columns.map((c, i) => figure(line.out[i] ?? null, line.baseline?.out[i], c.nodeId))}
              {figure(line.recommended, line.baseline?.recommended, 'recommended')}
              {figure(line.first, line.baseline?.first, 'first')}
              {!compare && <td>{biggestDrop(line, columns) ?? <span className="muted">—</span>}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The results' section: the table, or why there is none (a run made before actions were followed per step). */
export function ActionFunnelSection({ summary }: { summary: SimulationSummary }) {
  const names = useResultNames();
  const funnel = summary.actionFunnel;
  return (
    <section className="sim-section" aria-labelledby="sim-action-funnel">
      <h2 id="sim-action-funnel">How far each action gets</h2>
      {funnel ? (
        <>
          <p className="muted small">
            For each action, the candidates still there after each step, over the {formatCount(funnel.rows)}{' '}
            customers; then how often it was recommended at any rank and first. Why candidates left a step is
            counted in the funnel below.
          </p>
          <ActionFunnelTable view={actionFunnelView(funnel, names.step)} />
        </>
      ) : (
        <p className="muted">
          This run did not follow each action through the steps (it ran before that was recorded): run the
          simulation again to see it.
        </p>
      )}
    </section>
  );
}

/** The comparison's section: both versions' figures per action and step, where the comparison has them. */
export function ActionFunnelComparisonSection({ comparison }: { comparison: SimulationComparison }) {
  const names = useResultNames();
  if (!comparison.actionFunnel) return null;
  return (
    <section className="sim-section" aria-labelledby="cmp-action-funnel">
      <h2 id="cmp-action-funnel">How far each action gets</h2>
      <ActionFunnelTable view={actionFunnelComparisonView(comparison.actionFunnel, names.step)} compare />
    </section>
  );
}
