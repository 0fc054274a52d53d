import { useState } from 'react';
import type { SimulationComparison, SimulationSummary } from '@arbiter/engine';
import { Button, Tabs, type Choice } from '../shared/ui';
import { ActionFunnelSection } from './ActionFunnelTable';
import { ComparisonView } from './ComparisonView';
import { CustomersDownload } from './CustomersDownload';
import { downloadText } from '../shared/download';
import { ActionShareChart, EstimateChart, FunnelChart } from './ResultsCharts';
import { LearningCurveSection } from './LearningCurveSection';
import { learningResults } from './learning-curve-model';
import { resultsCsv } from './results-csv';
import {
  actionRows,
  funnelRows,
  NO_MATCHES,
  NO_PROPENSITY,
  offPolicyRows,
  OFF_POLICY_NEEDS,
  segmentRows,
  totals,
} from './results-model';
import { EstimateTable } from './EstimateTable';
import { ActionTable, FunnelTable, SegmentTable } from './ResultsTables';
import { TotalsTable } from './TotalsTable';
import { useResultNames } from './result-names';

type Tab = 'results' | 'compare';

/** A completed run: its own results, and the comparison with the baseline when there is one. */
export function ResultsView({
  summary,
  comparison,
  draftLabel,
  baselineLabel,
  fileName,
  downloadCustomers,
  customersDenied,
}: {
  summary: SimulationSummary;
  comparison?: SimulationComparison;
  draftLabel: string;
  baselineLabel?: string;
  fileName: string;
  /** Downloads the per-customer CSV (streamed by the API); without it there is no such button. */
  downloadCustomers?: () => Promise<void>;
  /** Why this user may not download it, shown on the disabled button. */
  customersDenied?: string;
}) {
  const [tab, setTab] = useState<Tab>('results');
  const names = useResultNames();
  const tabs: Choice<Tab>[] = [{ value: 'results', label: `Results of ${draftLabel}` }];
  if (comparison && baselineLabel) tabs.push({ value: 'compare', label: `Compare with ${baselineLabel}` });
  return (
    <section className="sim-results" aria-label="Results">
      <div className="sim-results-head">
        <Tabs<Tab> label="Results" tabs={tabs} active={tab} onChange={setTab} />
        <div className="sim-results-actions">
          {downloadCustomers && <CustomersDownload download={downloadCustomers} denied={customersDenied} />}
          <Button
            onClick={() => downloadText(fileName, resultsCsv(summary, comparison, names))}
            title="Per action and per segment, with baseline and change columns when compared"
          >
            Export results as CSV
          </Button>
        </div>
      </div>
      {tab === 'compare' && comparison && baselineLabel ? (
        <ComparisonView
          summary={summary}
          comparison={comparison}
          draftLabel={draftLabel}
          baselineLabel={baselineLabel}
        />
      ) : (
        <DraftResults summary={summary} draftLabel={draftLabel} />
      )}
    </section>
  );
}

function DraftResults({ summary, draftLabel }: { summary: SimulationSummary; draftLabel: string }) {
  const actions = actionRows(summary);
  const funnel = funnelRows(summary);
  const segments = segmentRows(summary);
  const offPolicy = summary.offPolicy;
  const withoutPropensity = summary.actions.reduce((n, a) => n + a.withoutPropensity, 0);
  const learning = learningResults(summary);
  return (
    <>
      <section className="sim-section" aria-labelledby="sim-totals">
        <h2 id="sim-totals">Totals</h2>
        <TotalsTable draft={totals(summary)} draftLabel={draftLabel} />
        {withoutPropensity > 0 && (
          <p className="callout callout-warning">
            {withoutPropensity.toLocaleString('en-US')} recommendations came without a propensity and are left
            out of the expected acceptances and value: check that the strategy scores a propensity for the
            fields this dataset has.
          </p>
        )}
      </section>
      <section className="sim-section" aria-labelledby="sim-actions">
        <h2 id="sim-actions">Which action customers get first</h2>
        <p className="muted small">
          Expected figures sum each recommendation’s propensity (and × value) over the customers it was
          recommended to, at any rank.
        </p>
        {actions.length ? (
          <>
            <ActionShareChart rows={actions} draftLabel={draftLabel} />
            <ActionTable rows={actions} />
          </>
        ) : (
          <p className="callout callout-warning">No action was recommended to any customer.</p>
        )}
      </section>
      <ActionFunnelSection summary={summary} />
      <section className="sim-section" aria-labelledby="sim-funnel">
        <h2 id="sim-funnel">Funnel: candidates through each step</h2>
        <p className="muted small">
          Over the {summary.rowsWithTrace.toLocaleString('en-US')} customers decided with a trace; each step’s
          candidates in and out, and why they left.
        </p>
        {funnel.length ? (
          <>
            <FunnelChart rows={funnel} />
            <FunnelTable rows={funnel} />
          </>
        ) : (
          <p className="muted">No trace was kept for this run.</p>
        )}
      </section>
      {segments.length > 0 && (
        <section className="sim-section" aria-labelledby="sim-segments">
          <h2 id="sim-segments">By segment</h2>
          <SegmentTable rows={segments} />
        </section>
      )}
      <section className="sim-section" aria-labelledby="sim-offpolicy">
        <h2 id="sim-offpolicy">Estimated acceptance rate (off-policy)</h2>
        {offPolicy ? (
          <>
            <p className="muted small">
              How often customers would accept the top recommendation, estimated from what was logged; bars
              show {Math.round(offPolicy.top.confidence * 100)}% confidence intervals. Based on{' '}
              {offPolicy.top.rows.toLocaleString('en-US')} logged rows,{' '}
              {offPolicy.top.matches.toLocaleString('en-US')} where the strategy chose the logged action.
            </p>
            {offPolicy.top.matches === 0 && <p className="callout callout-warning">{NO_MATCHES}</p>}
            {offPolicy.top.rowsWithPropensity === 0 && <p className="callout">{NO_PROPENSITY}</p>}
            <EstimateChart
              rows={offPolicyRows(offPolicy.top)}
              label="Estimated acceptance rate of the top recommendation"
              axisLabel="acceptance rate (%)"
            />
            <EstimateTable rows={offPolicyRows(offPolicy.top)} label="Estimates for the top recommendation" />
            <h3>If one of the whole list is shown</h3>
            <EstimateTable rows={offPolicyRows(offPolicy.slate)} label="Estimates for the whole list" />
          </>
        ) : (
          <p className="callout">{OFF_POLICY_NEEDS}</p>
        )}
      </section>
      {learning && <LearningCurveSection results={learning} />}
    </>
  );
}
