import type { SessionUser } from '../auth/session';
import { graphqlAdaptiveApi } from './adaptive-api';
import type { AdaptiveApi } from './adaptive-model';
import { ModelList } from './ModelList';
import { ModelPage } from './ModelPage';
import { graphqlModelsApi, type ModelsApi } from './models-api';
import { TrainingRun } from './TrainingRun';
import { VersionCompare } from './VersionCompare';
import './models.css';

/**
 * `#/models` (the registry and the training wizard), `#/models/<id>` (a model, its versions and a
 * version's report), `…?compare=<a>&with=<b>` (two versions side by side) and
 * `#/models/<id>/trainings/<job>` (a training's live progress).
 */
export function ModelsScreen({
  user,
  modelId,
  versionId,
  compare,
  trainingId,
  api = graphqlModelsApi,
  adaptiveApi = graphqlAdaptiveApi,
}: {
  user: SessionUser;
  modelId?: string;
  versionId?: string;
  compare?: [string, string];
  trainingId?: string;
  api?: ModelsApi;
  adaptiveApi?: AdaptiveApi;
}) {
  if (modelId && trainingId)
    return <TrainingRun api={api} user={user} modelId={modelId} trainingId={trainingId} />;
  if (modelId && compare) return <VersionCompare api={api} modelId={modelId} a={compare[0]} b={compare[1]} />;
  if (modelId)
    return (
      <ModelPage
        key={versionId ?? 'latest'}
        api={api}
        adaptiveApi={adaptiveApi}
        user={user}
        modelId={modelId}
        versionId={versionId}
      />
    );
  return <ModelList api={api} adaptiveApi={adaptiveApi} user={user} />;
}
