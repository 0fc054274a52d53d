import { useContext } from 'react';
import { useServerQuery } from '../../api/use-server-query';
import { routeHash } from '../../app/router';
import { formatDate } from '../../shared/format-date';
import {
  ALGORITHM_WORDS,
  asModelReport,
  asProvenance,
  formatCount,
  formatInterval,
  formatMetric,
  formatPercent,
  targetWords,
} from '../../models/report-model';
import { AdaptiveStatusContext, RegistryApiContext } from './registry-reference';

/** Read once per model or version (not again on a return to the page); the old card stays until the new one comes. */
export const CARD_QUERY = { onReturn: false, keepPrevious: true };

/** An adaptive model's card: that it learns from outcomes, how much it explores, its maturity and evidence so far. */
export function AdaptiveCard({
  modelId,
  versionId,
  version,
  modelName,
  known,
}: {
  modelId: string;
  versionId: string;
  version: number;
  modelName: string;
  known: boolean;
}) {
  const api = useContext(AdaptiveStatusContext);
  const { data: status, error } = useServerQuery(
    () => api.status(modelId, version),
    [api, modelId, version],
    CARD_QUERY,
  );
  if (error || !status) return <CardPending what="this model’s card" error={error} />;
  const c = status.config;
  return (
    <section className="registry-card" aria-label={`${modelName} v${version}`}>
      <div className="registry-card-head">
        <strong>
          {modelName} v{version} <span className="status-pill adaptive-pill">Adaptive</span>
        </strong>
        <a href={routeHash({ screen: 'models', modelId, versionId })}>Open the model</a>
      </div>
      <p className="small registry-adaptive-line">
        Learns from outcomes ({c.positiveOutcomes.join(', ')} count as success): what it has learned changes
        without review; this configuration is what the review sees.
      </p>
      <dl className="mdl-facts">
        <dt>Exploration</dt>
        <dd>{formatPercent(c.explorationShare, 0)} of decisions draw from its uncertainty</dd>
        <dt>Maturity</dt>
        <dd>
          {status.mature ? 'mature' : 'still learning'}: {formatCount(status.evidence)} of{' '}
          {formatCount(c.maturity)} outcomes
        </dd>
        <dt>Rolling AUC</dt>
        <dd>{formatMetric(status.rollingAuc)}</dd>
        <dt>Predictors</dt>
        <dd>{c.predictors.map((p) => p.input).join(', ')}</dd>
        <dt>State</dt>
        <dd>{status.frozen ? 'learning frozen' : 'learning'}</dd>
      </dl>
      {status.alert && <p className="field-warning small">Guard alert: {status.alert.message}</p>}
      {!known && <LateVersionNote made="configured" />}
    </section>
  );
}

/** The chosen version's card: target, data, metrics, date, and the way to its report. */
export function RegistryCard({
  versionId,
  modelName,
  known,
}: {
  versionId: string;
  modelName: string;
  known: boolean;
}) {
  const api = useContext(RegistryApiContext);
  const { data: detail, error } = useServerQuery(() => api.version(versionId), [api, versionId], CARD_QUERY);
  if (error || !detail) return <CardPending what="this version’s card" error={error} />;
  const report = asModelReport(detail.report);
  const provenance = asProvenance(detail.provenance);
  return (
    <section className="registry-card" aria-label={`${modelName} v${detail.version}`}>
      <div className="registry-card-head">
        <strong>
          {modelName} v{detail.version}
        </strong>
        <a href={routeHash({ screen: 'models', modelId: detail.modelId, versionId: detail.id })}>
          Open the report
        </a>
      </div>
      <dl className="mdl-facts">
        <dt>Target</dt>
        <dd>{targetWords(provenance) ?? '—'}</dd>
        <dt>Data</dt>
        <dd>
          {provenance.datasetName ?? '—'}
          {report ? `, ${formatCount(report.rows.train + report.rows.test)} rows` : ''}
        </dd>
        <dt>AUC</dt>
        <dd>
          {formatMetric(report?.auc.value ?? detail.auc)}
          {report ? ` (${formatInterval(report.auc.low, report.auc.high)})` : ''}
        </dd>
        {report && (
          <>
            <dt>Log loss · Brier</dt>
            <dd>
              {formatMetric(report.logLoss)} · {formatMetric(report.brier)}
            </dd>
          </>
        )}
        <dt>Algorithm</dt>
        <dd>{ALGORITHM_WORDS[detail.algorithm]}</dd>
        <dt>Trained</dt>
        <dd>{formatDate(detail.createdAt)}</dd>
      </dl>
      {report && report.warnings.length > 0 && (
        <p className="field-warning small">
          {report.warnings.length === 1 ? '1 warning' : `${report.warnings.length} warnings`} in its report:{' '}
          {report.warnings[0]!.message}
        </p>
      )}
      {!known && <LateVersionNote made="trained" />}
    </section>
  );
}

/** A card while it loads, or why it could not. */
function CardPending({ what, error }: { what: string; error: string | undefined }) {
  return error ? (
    <p className="field-error" role="alert">
      Could not load {what}: {error}
    </p>
  ) : (
    <p className="muted small">Loading the model’s card…</p>
  );
}

/** A version newer than the editor's copy of the registry: its checks and test runs do not know it yet. */
function LateVersionNote({ made }: { made: string }) {
  return (
    <p className="field-warning small">
      This version was {made} after the editor opened: reload the page to check and test the strategy with it.
    </p>
  );
}
