import type { ModelSpec } from '@arbiter/engine';
import { useContext, useId } from 'react';
import { useServerQuery } from '../../api/use-server-query';
import { routeHash } from '../../app/router';
import { formatDate } from '../../shared/format-date';
import { FieldMessages } from '../field-messages';
import { isAdaptive } from '../../models/adaptive-model';
import { ALGORITHM_WORDS, formatMetric } from '../../models/report-model';
import { Select } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import type { ModelEditorProps } from './ModelEditor';
import { RegistryApiContext } from './registry-reference';
import '../../models/models.css';

import { AdaptiveCard, CARD_QUERY, RegistryCard } from './RegistryModelCards';

type Registry = Extract<ModelSpec, { type: 'registry' }>;

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
