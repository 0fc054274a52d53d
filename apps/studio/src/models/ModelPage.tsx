import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { deniedReason } from '../app/access';
import { navigate, routeHash } from '../app/router';
import type { SessionUser } from '../auth/session';
import { formatDate } from '../shared/format-date';
import { errorMessage } from '../shared/error-message';
import { usePeople } from '../shared/people';
import { Button, TableHead, num, ErrorCallout } from '../shared/ui';
import type { AdaptiveApi } from './adaptive-model';
import { AdaptiveModelPage } from './AdaptiveModelPage';
import type { ModelsApi, ModelSummary } from './models-api';
import {
  ALGORITHM_WORDS,
  asProvenance,
  formatMetric,
  isTrainingFinished,
  TRAINING_STATUS_WORDS,
} from './report-model';
import { retrainForm, type TrainingForm } from './training-form';
import { TrainingsTable } from './TrainingsTable';
import { TrainingWizard } from './TrainingWizard';
import { VersionReport } from './VersionReport';
import { ModelSection } from './ModelSection';

const POLL_MS = 2000;

/** `#/models/<id>`: the model's versions (pick two to compare), its trainings, and one version's report. */
export function ModelPage({
  api,
  adaptiveApi,
  user,
  modelId,
  versionId,
}: {
  api: ModelsApi;
  adaptiveApi: AdaptiveApi;
  user: SessionUser;
  modelId: string;
  versionId?: string;
}) {
  const { data: model, error } = useServerQuery(() => api.get(modelId), [api, modelId], {
    poll: POLL_MS,
    pollWhile: (m) => m.trainings.some((t) => !isTrainingFinished(t.status)),
  });
  const [retrain, setRetrain] = useState<TrainingForm>();
  const [retrainError, setRetrainError] = useState<string>();
  const [picked, setPicked] = useState<string[]>([]);
  const people = usePeople([
    ...(model?.versions.map((v) => v.createdBy) ?? []),
    ...(model?.trainings.map((t) => t.createdBy) ?? []),
  ]);
  const trainDenied = deniedReason('trainModel', user);

  const startRetrain = async (m: ModelSummary) => {
    setRetrainError(undefined);
    try {
      const latest = m.versions[0] ? await api.version(m.versions[0].id) : undefined;
      setRetrain(
        retrainForm(
          m,
          latest && { algorithm: latest.algorithm, provenance: asProvenance(latest.provenance) },
        ),
      );
    } catch (err) {
      setRetrainError(errorMessage(err));
    }
  };

  const shown = versionId ?? model?.versions[0]?.id;
  const running = model?.trainings.filter((t) => !isTrainingFinished(t.status)) ?? [];
  const compare = () => {
    if (!model || picked.length !== 2) return;
    // Older first, so the change reads "from a to b".
    const [a, b] = [...picked].sort(
      (x, y) =>
        (model.versions.find((v) => v.id === x)?.version ?? 0) -
        (model.versions.find((v) => v.id === y)?.version ?? 0),
    );
    navigate({ screen: 'models', modelId, compare: [a!, b!] });
  };

  if (model?.kind === 'adaptive')
    return (
      <AdaptiveModelPage
        api={api}
        adaptiveApi={adaptiveApi}
        user={user}
        model={model}
        versionId={versionId}
      />
    );

  return (
    <main className="page-main models-screen">
      <a className="back-link" href={routeHash({ screen: 'models' })}>
        ← Models
      </a>
      {!model && !error && (
        <p className="muted" role="status">
          Loading the model…
        </p>
      )}
      {error && (
        <ErrorCallout>
          {model ? `Could not refresh: ${error}` : `Could not load this model: ${error}`}
        </ErrorCallout>
      )}
      {model && (
        <>
          <div className="page-head">
            <h1>{model.name}</h1>
            {!retrain && (
              <Button
                variant="primary"
                disabled={!!trainDenied}
                title={trainDenied}
                onClick={() => void startRetrain(model)}
              >
                Train a new version
              </Button>
            )}
          </div>
          <p className="muted">
            Predicts {model.target}
            {model.description ? ` · ${model.description}` : ''} · created {formatDate(model.createdAt)}
          </p>
          {retrainError && <ErrorCallout>Could not set up the new version: {retrainError}</ErrorCallout>}
          {retrain && (
            <TrainingWizard
              api={api}
              initial={retrain}
              modelName={model.name}
              onClose={() => setRetrain(undefined)}
              onStarted={(job) => navigate({ screen: 'models', modelId: job.modelId, trainingId: job.id })}
            />
          )}
          {running.map((t) => (
            <p key={t.id} className="callout" role="status">
              A training is under way ({TRAINING_STATUS_WORDS[t.status].toLowerCase()}):{' '}
              <a href={routeHash({ screen: 'models', modelId, trainingId: t.id })}>follow its progress</a>.
            </p>
          ))}

          <ModelSection id="mdl-versions" title="Versions">
            {model.versions.length === 0 ? (
              <p className="muted">No version yet: a version is registered when a training succeeds.</p>
            ) : (
              <>
                <table className="data-table mdl-table" aria-label="Versions">
                  <TableHead columns={['Compare', 'Version', 'Algorithm', num('AUC'), 'Trained', 'By']} />
                  <tbody>
                    {model.versions.map((v, i) => (
                      <tr key={v.id} className={v.id === shown ? 'mdl-row-current' : ''}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`Compare version ${v.version}`}
                            checked={picked.includes(v.id)}
                            disabled={!picked.includes(v.id) && picked.length >= 2}
                            onChange={(e) =>
                              setPicked((p) =>
                                e.target.checked ? [...p, v.id] : p.filter((x) => x !== v.id),
                              )
                            }
                          />
                        </td>
                        <th scope="row">
                          <a
                            href={routeHash({ screen: 'models', modelId, versionId: v.id })}
                            aria-current={v.id === shown ? 'true' : undefined}
                          >
                            v{v.version}
                          </a>
                          {i === 0 && <span className="muted small"> latest</span>}
                        </th>
                        <td>{ALGORITHM_WORDS[v.algorithm]}</td>
                        <td className="num">{formatMetric(v.auc)}</td>
                        <td>{formatDate(v.createdAt)}</td>
                        <td>{people[v.createdBy] ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {model.versions.length > 1 && (
                  <Button
                    disabled={picked.length !== 2}
                    title={picked.length !== 2 ? 'Tick two versions to compare.' : undefined}
                    onClick={compare}
                  >
                    Compare the two ticked versions
                  </Button>
                )}
              </>
            )}
          </ModelSection>

          {shown && <VersionReport key={shown} api={api} versionId={shown} />}

          {model.trainings.length > 0 && <TrainingsTable model={model} modelId={modelId} people={people} />}
        </>
      )}
    </main>
  );
}
