import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { deniedReason } from '../app/access';
import { navigate, routeHash } from '../app/router';
import type { SessionUser } from '../auth/session';
import { formatDate } from '../shared/format-date';
import { StatusPill } from '../shared/StatusPill';
import { Button, EmptyState, TableHead, num, LoadFailed } from '../shared/ui';
import { ListStates } from '../shared/list-states';
import { isAdaptive, type AdaptiveApi } from './adaptive-model';
import { AdaptiveModelForm } from './AdaptiveModelForm';
import type { ModelsApi, ModelSummary } from './models-api';
import { ALGORITHM_WORDS, formatMetric, isTrainingFinished, TRAINING_STATUS_WORDS } from './report-model';
import { TrainingWizard } from './TrainingWizard';

const POLL_MS = 2000;

const underWay = (models: ModelSummary[]) =>
  models.some((m) => m.trainings.some((t) => !isTrainingFinished(t.status)));

/** `#/models`: every registered model with its latest training and headline figures. */
export function ModelList({
  api,
  adaptiveApi,
  user,
}: {
  api: ModelsApi;
  adaptiveApi: AdaptiveApi;
  user: SessionUser;
}) {
  const {
    data: models,
    error,
    reload,
  } = useServerQuery(() => api.list(), [api], {
    poll: POLL_MS,
    pollWhile: underWay,
  });
  const [training, setTraining] = useState(false);
  const [creating, setCreating] = useState(false);
  const trainDenied = deniedReason('trainModel', user);
  const adaptiveDenied = deniedReason('configureAdaptiveModel', user);

  return (
    <main className="page-main models-screen">
      <div className="page-head">
        <h1>Models</h1>
        {!training && !creating && (
          <div className="page-actions">
            <Button disabled={!!adaptiveDenied} title={adaptiveDenied} onClick={() => setCreating(true)}>
              New adaptive model
            </Button>
            <Button
              variant="primary"
              disabled={!!trainDenied}
              title={trainDenied}
              onClick={() => setTraining(true)}
            >
              Train a model
            </Button>
          </div>
        )}
      </div>
      <p className="muted">
        Propensity models learned from a dataset: the chance that a customer accepts. Each training adds an
        immutable version with its evaluation on held-out rows; a strategy’s score step picks a version.
        Adaptive models keep learning from the outcomes of live decisions instead.
      </p>
      {trainDenied && <p className="muted small">{trainDenied}</p>}
      {creating && (
        <AdaptiveModelForm
          api={adaptiveApi}
          models={api}
          onClose={() => setCreating(false)}
          onSaved={(model) => navigate({ screen: 'models', modelId: model.id })}
        />
      )}
      {training && (
        <TrainingWizard
          api={api}
          onClose={() => setTraining(false)}
          onStarted={(job) => navigate({ screen: 'models', modelId: job.modelId, trainingId: job.id })}
        />
      )}
      <ListStates
        items={models}
        failure={error && <LoadFailed what="the models" error={error} onRetry={reload} />}
        loading={
          <p className="muted" role="status">
            Loading models…
          </p>
        }
        empty={
          <EmptyState title="No models yet">
            {trainDenied
              ? 'An analyst trains propensity models from a dataset here; designers then use them in a strategy’s score step.'
              : 'Train one from a dataset with "Train a model": choose the outcome column, the predictors and the algorithm, and read its report.'}
          </EmptyState>
        }
      >
        {(models) => (
          <table className="data-table mdl-table models-table">
            <TableHead
              columns={[
                'Model',
                'Target',
                'Latest training',
                'Algorithm',
                num('AUC'),
                num('Versions'),
                'Last trained',
              ]}
            />
            <tbody>
              {models.map((m) => (
                <ModelRow key={m.id} model={m} />
              ))}
            </tbody>
          </table>
        )}
      </ListStates>
    </main>
  );
}

function ModelRow({ model }: { model: ModelSummary }) {
  const latest = model.versions[0];
  const training = model.trainings[0];
  const adaptive = isAdaptive(model);
  return (
    <tr>
      <th scope="row">
        <a href={routeHash({ screen: 'models', modelId: model.id })}>{model.name}</a>
        {model.description && <span className="muted small mdl-description">{model.description}</span>}
      </th>
      <td>{model.target}</td>
      <td>
        {training ? (
          <>
            <StatusPill status={training.status} words={TRAINING_STATUS_WORDS} classPrefix="mdl-status" />{' '}
            {!isTrainingFinished(training.status) && (
              <a href={routeHash({ screen: 'models', modelId: model.id, trainingId: training.id })}>follow</a>
            )}
          </>
        ) : (
          '—'
        )}
      </td>
      <td>
        {adaptive ? 'Adaptive: learns from outcomes' : latest ? ALGORITHM_WORDS[latest.algorithm] : '—'}
      </td>
      <td className="num">{formatMetric(latest?.auc)}</td>
      <td className="num">{model.versions.length}</td>
      <td>{latest ? formatDate(latest.createdAt) : 'not yet'}</td>
    </tr>
  );
}
