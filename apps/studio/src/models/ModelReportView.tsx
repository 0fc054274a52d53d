import { formatDate } from '../shared/format-date';
import { usePeople } from '../shared/people';
import type { VersionDetail } from './models-api';
import { CalibrationChart, GainsChart, ImportanceChart, LiftChart, RocChart } from './ReportCharts';
import {
  ALGORITHM_WORDS,
  asModelReport,
  asProvenance,
  formatCount,
  formatInterval,
  formatMetric,
  formatPercent,
  targetWords,
  type ModelReport,
  type Provenance,
} from './report-model';
import { TableHead, num } from '../shared/ui';

function splitWords(report: ModelReport): string {
  const share = formatPercent(report.split.testShare, 0);
  return report.split.kind === 'time'
    ? `the latest ${share} of rows by ${report.split.column ?? 'time'} held out`
    : `${share} held out at random (stratified), seed ${report.split.seed}`;
}

/** The report of one model version: warnings first, the headline figures, then the charts and tables. */
export function ModelReportView({ version, title }: { version: VersionDetail; title?: string }) {
  const report = asModelReport(version.report);
  const provenance = asProvenance(version.provenance);
  const people = usePeople([version.createdBy]);
  return (
    <section className="mdl-report" aria-label={title ?? `Report of version ${version.version}`}>
      {title && <h2>{title}</h2>}
      {report && report.warnings.length > 0 && (
        <div className="callout callout-warning mdl-warnings" role="note" aria-label="Warnings">
          <strong>Read this before using the model:</strong>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <HeadlineCard
        version={version}
        report={report}
        provenance={provenance}
        trainedBy={people[version.createdBy]}
      />
      {!report ? (
        <p className="callout callout-warning">
          This version was registered without an evaluation report, so there are no held-out figures to show.
        </p>
      ) : (
        <>
          <div className="mdl-chart-grid">
            <RocChart curves={[{ name: `v${version.version}`, roc: report.roc, auc: report.auc.value }]} />
            <CalibrationChart calibration={report.calibration} />
            <GainsChart gains={report.gains} />
            <LiftChart gains={report.gains} />
          </div>
          <GainsTable gains={report.gains} />
          {report.importance.length > 0 && <ImportanceChart importance={report.importance} />}
          <SegmentTable segments={report.segments} />
        </>
      )}
    </section>
  );
}

function HeadlineCard({
  version,
  report,
  provenance,
  trainedBy,
}: {
  version: VersionDetail;
  report: ModelReport | undefined;
  provenance: Provenance;
  trainedBy: string | undefined;
}) {
  const auc = report?.auc.value ?? version.auc;
  return (
    <div className="mdl-headline" aria-label="Headline figures">
      <div className="mdl-auc">
        <span className="mdl-auc-label">AUC on held-out rows</span>
        <strong className="mdl-auc-value">{formatMetric(auc)}</strong>
        {report && <span className="mdl-auc-ci">{formatInterval(report.auc.low, report.auc.high)}</span>}
      </div>
      <dl className="mdl-facts">
        <dt>Target</dt>
        <dd>{targetWords(provenance) ?? '—'}</dd>
        <dt>Dataset</dt>
        <dd>
          {provenance.datasetId ? (
            <a href={`#/datasets/${encodeURIComponent(provenance.datasetId)}`}>
              {provenance.datasetName ?? provenance.datasetId}
            </a>
          ) : (
            (provenance.datasetName ?? '—')
          )}
        </dd>
        <dt>Rows</dt>
        <dd>
          {report
            ? `${formatCount(report.rows.train)} to train, ${formatCount(report.rows.test)} held out (${formatCount(report.positives.train + report.positives.test)} positive, ${formatPercent(report.positiveRate)})`
            : formatCount(provenance.rows)}
        </dd>
        {report && (
          <>
            <dt>Split</dt>
            <dd>{splitWords(report)}</dd>
          </>
        )}
        <dt>Algorithm</dt>
        <dd>
          {ALGORITHM_WORDS[version.algorithm]}
          {provenance.predictors ? `, ${provenance.predictors.length} predictors` : ''}
        </dd>
        <dt>Trained</dt>
        <dd>
          {formatDate(version.createdAt)}
          {trainedBy ? ` by ${trainedBy}` : ''}
        </dd>
        {report && (
          <>
            <dt>Log loss</dt>
            <dd>{formatMetric(report.logLoss)} (lower is better)</dd>
            <dt>Brier score</dt>
            <dd>{formatMetric(report.brier)} (lower is better)</dd>
          </>
        )}
        <dt>Content hash</dt>
        <dd>
          <code title={version.contentHash}>{version.contentHash.slice(0, 12)}</code>
          {provenance.trainer ? <span className="muted"> · {provenance.trainer}</span> : null}
        </dd>
      </dl>
    </div>
  );
}

function GainsTable({ gains }: { gains: ModelReport['gains'] }) {
  if (gains.length === 0) return null;
  return (
    <details className="mdl-details">
      <summary>Gains and lift as a table</summary>
      <table className="data-table mdl-table" aria-label="Gains and lift">
        <TableHead
          columns={['Customers contacted (top by score)', num('Acceptances reached'), num('Lift')]}
        />
        <tbody>
          {gains.map((g) => (
            <tr key={g.share}>
              <td>top {formatPercent(g.share, 0)}</td>
              <td className="num">{formatPercent(g.captured)}</td>
              <td className="num">{g.lift.toFixed(2)}×</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function SegmentTable({ segments }: { segments: ModelReport['segments'] }) {
  return (
    <section className="mdl-section" aria-labelledby="mdl-segments">
      <h3 id="mdl-segments">AUC per segment</h3>
      {segments.length === 0 ? (
        <p className="muted">The report has no segments.</p>
      ) : (
        <table className="data-table mdl-table" aria-label="AUC per segment">
          <TableHead columns={['Predictor', 'Segment', num('Held-out rows'), num('AUC')]} />
          <tbody>
            {segments.map((s) => (
              <tr key={`${s.predictor}\u0000${s.segment}`}>
                <td>{s.predictor}</td>
                <td>{s.segment}</td>
                <td className="num">{formatCount(s.rows)}</td>
                <td
                  className="num"
                  title={s.auc === null ? 'Only one class in this segment: no AUC.' : undefined}
                >
                  {s.auc === null ? '— (one class)' : formatMetric(s.auc)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
