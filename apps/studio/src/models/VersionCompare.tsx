import { useServerQuery } from '../api/use-server-query';
import { routeHash } from '../app/router';
import { formatDate } from '../shared/format-date';
import type { ModelsApi, VersionComparisonRow, VersionDetail } from './models-api';
import { RocChart } from './ReportCharts';
import {
  ALGORITHM_WORDS,
  asModelReport,
  asProvenance,
  comparisonLines,
  formatCount,
  formatInterval,
  formatMetric,
  targetWords,
} from './report-model';
import { TableHead, num, ErrorCallout } from '../shared/ui';
import { ModelSection } from './ModelSection';

interface Loaded {
  a: VersionDetail;
  b: VersionDetail;
  rows: VersionComparisonRow[];
}

/** `#/models/<id>?compare=<a>&with=<b>`: two versions side by side, their metric changes and ROC curves. */
export function VersionCompare({
  api,
  modelId,
  a,
  b,
}: {
  api: ModelsApi;
  modelId: string;
  a: string;
  b: string;
}) {
  const { data: loaded, error } = useServerQuery(async (): Promise<Loaded> => {
    const [va, vb, rows] = await Promise.all([api.version(a), api.version(b), api.compare(a, b)]);
    return { a: va, b: vb, rows };
  }, [api, a, b]);

  const name = loaded?.a.modelName;
  return (
    <main className="page-main models-screen">
      <a className="back-link" href={routeHash({ screen: 'models', modelId })}>
        ← {name ?? 'The model'}
      </a>
      <h1>{loaded ? `${name}: v${loaded.a.version} → v${loaded.b.version}` : 'Compare versions'}</h1>
      {error && <ErrorCallout>Could not compare the versions: {error}</ErrorCallout>}
      {!loaded && !error && (
        <p className="muted" role="status">
          Loading both versions…
        </p>
      )}
      {loaded && <Comparison {...loaded} />}
    </main>
  );
}

function Comparison({ a, b, rows }: Loaded) {
  const lines = comparisonLines(rows);
  const reports = [asModelReport(a.report), asModelReport(b.report)] as const;
  return (
    <>
      <div className="mdl-compare-cards">
        {[a, b].map((v, i) => (
          <VersionCard key={v.id} version={v} side={i === 0 ? 'before' : 'after'} />
        ))}
      </div>
      <ModelSection id="mdl-deltas" title="Metrics on held-out rows">
        {lines.length === 0 ? (
          <p className="muted">The API returned no metrics to compare.</p>
        ) : (
          <table className="data-table mdl-table mdl-deltas" aria-label="Metric changes">
            <TableHead columns={['Metric', num(`v${a.version}`), num(`v${b.version}`), num('Change')]} />
            <tbody>
              {lines.map((l) => (
                <tr key={l.metric}>
                  <th scope="row">{l.label}</th>
                  <td className="num">{l.a}</td>
                  <td className="num">{l.b}</td>
                  <td className={`num mdl-change mdl-change-${l.tone}`}>
                    {l.change}
                    {l.tone !== 'same' && <span className="sr-only"> ({l.tone})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted small">
          Each version is evaluated on its own held-out rows: when the data or split changed, part of a
          difference comes from that.
        </p>
      </ModelSection>
      {reports[0] && reports[1] && (
        <RocChart
          curves={[
            { name: `v${a.version}`, roc: reports[0].roc, auc: reports[0].auc.value },
            { name: `v${b.version}`, roc: reports[1].roc, auc: reports[1].auc.value },
          ]}
        />
      )}
    </>
  );
}

function VersionCard({ version, side }: { version: VersionDetail; side: 'before' | 'after' }) {
  const report = asModelReport(version.report);
  const provenance = asProvenance(version.provenance);
  return (
    <section className="mdl-card" aria-label={`Version ${version.version}`}>
      <h2>
        v{version.version} <span className="muted small">{side === 'before' ? 'before' : 'after'}</span>
      </h2>
      <p className="mdl-card-auc">
        AUC <strong>{formatMetric(report?.auc.value ?? version.auc)}</strong>
        {report && <span className="muted small"> {formatInterval(report.auc.low, report.auc.high)}</span>}
      </p>
      <dl className="mdl-facts">
        <dt>Algorithm</dt>
        <dd>{ALGORITHM_WORDS[version.algorithm]}</dd>
        <dt>Target</dt>
        <dd>{targetWords(provenance) ?? '—'}</dd>
        <dt>Dataset</dt>
        <dd>{provenance.datasetName ?? '—'}</dd>
        <dt>Rows</dt>
        <dd>
          {report ? `${formatCount(report.rows.train)} + ${formatCount(report.rows.test)} held out` : '—'}
        </dd>
        <dt>Predictors</dt>
        <dd>{provenance.predictors ? provenance.predictors.join(', ') : '—'}</dd>
        <dt>Trained</dt>
        <dd>{formatDate(version.createdAt)}</dd>
      </dl>
    </section>
  );
}
