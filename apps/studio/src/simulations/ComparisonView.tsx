import type { SimulationComparison, SimulationSummary, TopActionChanges } from '@arbiter/engine';
import { ActionFunnelComparisonSection } from './ActionFunnelTable';
import { ActionShareChart, EstimateChart } from './ResultsCharts';
import {
  actionRows,
  comparisonTotals,
  describeUplift,
  formatCount,
  formatShare,
  funnelRows,
  NO_MATCHES,
  OFF_POLICY_NEEDS,
  segmentRows,
  upliftRows,
} from './results-model';
import { EstimateTable } from './EstimateTable';
import { ActionTable, FunnelTable, SegmentTable } from './ResultsTables';
import { TotalsTable } from './TotalsTable';
import { useResultNames } from './result-names';
import { TableHead } from '../shared/ui';

/** The draft beside its baseline on the same rows: totals, actions, funnel, segments, uplift and changed customers. */
export function ComparisonView({
  summary,
  comparison,
  draftLabel,
  baselineLabel,
}: {
  summary: SimulationSummary;
  comparison: SimulationComparison;
  draftLabel: string;
  baselineLabel: string;
}) {
  const { draft, baseline } = comparisonTotals(comparison);
  const actions = actionRows(summary, comparison);
  const segments = segmentRows(summary, comparison);
  const uplift = comparison.uplift;
  return (
    <>
      <div className="sim-compare-top">
        <section className="sim-section" aria-labelledby="cmp-changed">
          <h2 id="cmp-changed">Customers whose top action changed</h2>
          {comparison.topActions ? (
            <TopActionChangesView
              changes={comparison.topActions}
              draftLabel={draftLabel}
              baselineLabel={baselineLabel}
            />
          ) : (
            <p className="muted">The runs kept no customer ids, so changed customers cannot be listed.</p>
          )}
        </section>
        <section className="sim-section" aria-labelledby="cmp-totals">
          <h2 id="cmp-totals">
            Totals: {draftLabel} against {baselineLabel}
          </h2>
          <TotalsTable
            draft={draft}
            baseline={baseline}
            draftLabel={draftLabel}
            baselineLabel={baselineLabel}
          />
        </section>
      </div>
      <section className="sim-section" aria-labelledby="cmp-actions">
        <h2 id="cmp-actions">Per action</h2>
        <ActionShareChart rows={actions} draftLabel={draftLabel} baselineLabel={baselineLabel} />
        <ActionTable rows={actions} compare />
      </section>
      <ActionFunnelComparisonSection comparison={comparison} />
      <section className="sim-section" aria-labelledby="cmp-funnel">
        <h2 id="cmp-funnel">Funnel</h2>
        <FunnelTable rows={funnelRows(summary, comparison)} compare />
      </section>
      {segments.some((s) => s.baseline) && (
        <section className="sim-section" aria-labelledby="cmp-segments">
          <h2 id="cmp-segments">By segment</h2>
          <SegmentTable rows={segments} compare />
        </section>
      )}
      <section className="sim-section" aria-labelledby="cmp-uplift">
        <h2 id="cmp-uplift">Estimated uplift of the acceptance rate</h2>
        {uplift ? (
          <>
            <p className="muted small">
              {draftLabel} − {baselineLabel}, top recommendation,{' '}
              {Math.round(uplift.top.draft.confidence * 100)}% confidence intervals
              {uplift.top.paired
                ? ' (paired on the same rows)'
                : ' (treating the runs as independent: wider than needed)'}
              . An interval that crosses zero means no clear difference.
            </p>
            {uplift.top.draft.matches === 0 && uplift.top.baseline.matches === 0 && (
              <p className="callout callout-warning">{NO_MATCHES}</p>
            )}
            <EstimateChart
              rows={upliftRows(uplift.top)}
              label="Estimated uplift of the acceptance rate"
              axisLabel="uplift (percentage points)"
              zero
            />
            <ul className="sim-uplift-words">
              {upliftRows(uplift.top).map((r) => (
                <li key={r.name}>{describeUplift(r, uplift.top.draft.rowsWithPropensity > 0)}</li>
              ))}
            </ul>
            <EstimateTable rows={upliftRows(uplift.top)} label="Uplift estimates" signed />
          </>
        ) : (
          <p className="callout">{OFF_POLICY_NEEDS}</p>
        )}
      </section>
    </>
  );
}

function TopActionChangesView({
  changes,
  draftLabel,
  baselineLabel,
}: {
  changes: TopActionChanges;
  draftLabel: string;
  baselineLabel: string;
}) {
  const names = useResultNames();
  if (changes.changed === 0)
    return (
      <p className="callout">
        All {formatCount(changes.compared)} customers get the same first action from both versions.
      </p>
    );
  return (
    <>
      <p className="sim-headline">
        <strong>{formatShare(changes.share)}</strong> of customers ({formatCount(changes.changed)} of{' '}
        {formatCount(changes.compared)}
        {changes.complete ? '' : ', among the customer ids both runs kept'}) get a different first action.
      </p>
      <table className="data-table sim-table" aria-label="Examples of customers whose top action changed">
        <TableHead columns={['Customer', `${baselineLabel} (baseline) gave`, `${draftLabel} gives`]} />
        <tbody>
          {changes.examples.map((e) => (
            <tr key={e.customerId}>
              <td className="mono">{e.customerId}</td>
              <td>{e.before ? names.action(e.before) : <span className="muted">nothing</span>}</td>
              <td>{e.after ? names.action(e.after) : <span className="muted">nothing</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.examples.length < changes.changed && (
        <p className="muted small">The first {changes.examples.length} of them.</p>
      )}
    </>
  );
}
