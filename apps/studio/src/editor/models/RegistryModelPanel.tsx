import type { ModelSpec } from '@arbiter/engine';
import { useContext, useId } from 'react';
import { useServerQuery } from '../../api/use-server-query';
import { routeHash } from '../../app/router';
import { formatDate } from '../../shared/format-date';
import { FieldMessages } from '../field-messages';
import { isAdaptive } from '../../models/adaptive-model';
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
import { Select } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import type { ModelEditorProps } from './ModelEditor';
import { AdaptiveStatusContext, RegistryApiContext } from './registry-reference';
import '../../models/models.css';

type Registry = Extract<ModelSpec, { type: 'registry' }>;

/** Read once per model or version (not again on a return to the page); the old card stays until the new one comes. */
const CARD_QUERY = { onReturn: false, keepPrevious: true };

/**
 * A model from the registry: the registered models with algorithm and AUC (or, for an adaptive
 * model, that it learns from outcomes), the version (the latest by default; the reference pins it),
 * and the chosen version's card with a link to its report or its learning status.
 */
export function RegistryModelPanel({ value, onChange, problems, field }: ModelEditorProps<Registry>) {
  const { env } = useEditorContext();
  const api = useContext(RegistryApiContext);
  const name = useId();
  const local = env.models === undefined;
  const { data: models, error } = useServerQuery(
    async () => (await api.list()).filter((m) => m.versions.length > 0),
    [api],
    { ...CARD_QUERY, pause: local },
  );

  const chosen = models?.find((m) => m.id === value.modelId);
  const version = chosen?.versions.find((v) => v.version === value.version);
  const fieldProblems = [...problems.messages(`${field}.modelId`), ...problems.messages(`${field}.version`)];

  return (
    <div className="field registry-panel">
      <span className="field-label" id={`${name}-label`}>
        Registry model
      </span>
      {local && <NoRegistryModel local />}
      {error && (
        <p className="field-error" role="alert">
          Could not load the trained models: {error}
        </p>
      )}
      {!local && !models && !error && <p className="muted small">Loading the trained models…</p>}
      {models?.length === 0 && <NoRegistryModel />}
      {models && models.length > 0 && (
        <div role="radiogroup" aria-labelledby={`${name}-label`} className="registry-models">
          {models.map((m) => {
            const latest = m.versions[0]!;
            return (
              <label
                key={m.id}
                className={`registry-model ${m.id === value.modelId ? 'registry-model-chosen' : ''}`}
              >
                <input
                  type="radio"
                  name={name}
                  checked={m.id === value.modelId}
                  onChange={() => onChange({ type: 'registry', modelId: m.id, version: latest.version })}
                />
                <span>
                  <strong>{m.name}</strong>
                  <span className="muted small registry-model-line">
                    {isAdaptive(m)
                      ? 'Adaptive · learns from outcomes'
                      : `${ALGORITHM_WORDS[latest.algorithm]} · AUC ${formatMetric(latest.auc)}`}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      )}
      {chosen && (
        <div className="field">
          <label className="field-label" htmlFor={`${name}-version`}>
            Version
          </label>
          <Select
            id={`${name}-version`}
            label="Model version"
            value={value.version === undefined ? '' : String(value.version)}
            options={chosen.versions.map((v, i) => ({
              value: String(v.version),
              label: `v${v.version}${i === 0 ? ' (latest)' : ''} · ${isAdaptive(chosen) ? 'configuration' : `AUC ${formatMetric(v.auc)}`} · ${formatDate(v.createdAt)}`,
            }))}
            onChange={(v) => onChange({ ...value, version: Number(v) })}
            invalid={problems.has(`${field}.version`)}
          />
          {value.version === undefined && (
            <div className="field-hint">
              Not pinned: the latest version is used when the strategy runs. Pick one so that what is reviewed
              is what runs.
            </div>
          )}
        </div>
      )}
      <FieldMessages messages={fieldProblems} alert />
      {chosen && version && isAdaptive(chosen) && (
        <AdaptiveCard
          key={version.id}
          modelId={chosen.id}
          versionId={version.id}
          version={version.version}
          modelName={chosen.name}
          known={Object.hasOwn(env.models ?? {}, `${chosen.id}@${version.version}`)}
        />
      )}
      {chosen && version && !isAdaptive(chosen) && (
        <RegistryCard
          key={version.id}
          versionId={version.id}
          modelName={chosen.name}
          known={Object.hasOwn(env.models ?? {}, `${chosen.id}@${version.version}`)}
        />
      )}
    </div>
  );
}

/** Why no trained model can be chosen: none is registered yet, or the studio runs without the server. */
export function NoRegistryModel({ local }: { local?: boolean }) {
  return local ? (
    <p className="muted small">
      Trained models live on the Arbiter server: open this strategy in the studio signed in to the server to
      choose one.
    </p>
  ) : (
    <p className="muted small">
      No trained model yet. Analysts train them from a dataset on the{' '}
      <a href={routeHash({ screen: 'models' })}>Models</a> page.
    </p>
  );
}

/** An adaptive model's card: that it learns from outcomes, how much it explores, its maturity and evidence so far. */
function AdaptiveCard({
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
function RegistryCard({
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
