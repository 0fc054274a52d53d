import { formatDate } from '../shared/format-date';
import { Button } from '../shared/ui';
import { AucChart, EvidenceChart } from './AdaptiveCharts';
import { ConfigurationFacts, GroupsAndOverrides, PredictorsTable } from './AdaptiveTables';
import { SnapshotsTable, type AdaptiveViewProps } from './AdaptiveSnapshots';
import { formatLag, servingWords } from './adaptive-model';
import { formatCount, formatMetric, formatPercent } from './report-model';

/** What an adaptive model has learned: alert, headline figures with the controls, charts and tables. */
export function AdaptiveStatusView({ status, people, controlDenied, onControl }: AdaptiveViewProps) {
  const c = status.config;
  return (
    <>
      {status.alert && (
        <div className="callout callout-error adaptive-alert" role="alert">
          <strong>Guard alert ({status.alert.kind === 'auc' ? 'AUC' : 'calibration'}):</strong>{' '}
          {status.alert.message} <span className="small">Since {formatDate(status.alert.since)}.</span>
        </div>
      )}
      {status.frozen && (
        <p className="callout callout-warning" role="status">
          Learning is frozen: decisions keep using the snapshot served when it was frozen. Outcomes are
          recorded, and learned from once someone unfreezes it.
        </p>
      )}

      <section className="mdl-section adaptive-headline" aria-label="Figures">
        <dl className="adaptive-figures">
          <Figure label="State" value={servingWords(status)} wide />
          <Figure label="Evidence" value={formatCount(status.evidence)} />
          <Figure label="Positives" value={formatCount(status.positives)} />
          <Figure label="Success rate" value={formatPercent(status.successRate)} />
          <Figure label="Rolling AUC" value={formatMetric(status.rollingAuc)} />
          <Figure label="Calibration error" value={formatMetric(status.calibrationError)} />
          <Figure
            label="Maturity"
            value={`${status.mature ? 'Mature' : 'Learning'} (${formatCount(Math.min(status.evidence, c.maturity))} of ${formatCount(c.maturity)})`}
          />
          <Figure
            label="Last update"
            value={status.lastUpdatedAt ? formatDate(status.lastUpdatedAt) : 'not yet'}
          />
          <Figure label="Learner lag" value={formatLag(status.learnerLagSeconds)} />
        </dl>
        <div className="adaptive-controls" role="group" aria-label="Controls">
          <Button
            disabled={!!controlDenied}
            title={controlDenied}
            onClick={() => onControl({ kind: status.frozen ? 'unfreeze' : 'freeze' })}
          >
            {status.frozen ? 'Unfreeze…' : 'Freeze…'}
          </Button>
          <Button
            variant="danger"
            disabled={!!controlDenied}
            title={controlDenied}
            onClick={() => onControl({ kind: 'reset' })}
          >
            Reset…
          </Button>
        </div>
      </section>

      {status.evidence === 0 && (
        <p className="muted">
          {status.history.some((h) => h.evidence > 0)
            ? 'Nothing learned since the reset'
            : 'Nothing learned yet'}
          : the model learns from outcomes posted for decisions of a published strategy that scores with it.
        </p>
      )}
      {status.history.some((h) => h.evidence > 0) && (
        <div className="mdl-chart-grid">
          <EvidenceChart history={status.history} />
          <AucChart history={status.history} floor={c.aucFloor} />
        </div>
      )}

      <GroupsAndOverrides status={status} />
      <PredictorsTable status={status} />
      <ConfigurationFacts status={status} />
      <SnapshotsTable status={status} people={people} controlDenied={controlDenied} onControl={onControl} />
    </>
  );
}

function Figure({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={`adaptive-figure ${wide ? 'adaptive-figure-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
