import type { ModelSpec } from '@arbiter/engine';
import { ApiError, request } from '../api/client';
import { graphql } from '../api/generated';
import type {
  CompareModelVersionsQuery,
  DatasetChoiceFieldsFragment,
  ModelAlgorithm,
  ModelFieldsFragment,
  ModelVersionQuery,
  ModelVersionSummaryFieldsFragment,
  TrainingChoicesQuery,
  TrainingJobFieldsFragment,
  TrainingStatus,
  TrainModelInput,
} from '../api/generated/graphql';

export type { ModelAlgorithm, TrainingStatus };

// The fragments are spread into the queries below; codegen adds their definitions to them.
graphql(`
  fragment ModelVersionSummaryFields on ModelVersion {
    id
    modelId
    version
    algorithm
    auc
    createdAt
    createdBy
  }
`);

graphql(`
  fragment TrainingJobFields on TrainingJob {
    id
    modelId
    modelName
    status
    phase
    rows
    iteration
    iterations
    etaSeconds
    error
    versionId
    createdAt
    finishedAt
    createdBy
  }
`);

graphql(`
  fragment ModelFields on Model {
    id
    kind
    name
    description
    target
    createdAt
    createdBy
    versions {
      ...ModelVersionSummaryFields
    }
    trainings {
      ...TrainingJobFields
    }
  }
`);

const ModelsQuery = graphql(`
  query Models {
    models {
      ...ModelFields
    }
  }
`);

const ModelQuery = graphql(`
  query Model($id: ID!) {
    model(id: $id) {
      ...ModelFields
    }
  }
`);

const ModelVersionQuery = graphql(`
  query ModelVersion($id: ID!) {
    modelVersion(id: $id) {
      ...ModelVersionSummaryFields
      modelName
      contentHash
      report
      provenance
    }
  }
`);

const CompareModelVersionsQuery = graphql(`
  query CompareModelVersions($a: ID!, $b: ID!) {
    compareModelVersions(a: $a, b: $b) {
      metric
      a
      b
      delta
    }
  }
`);

const TrainingDatasetsQuery = graphql(`
  query TrainingDatasets {
    datasets {
      ...DatasetChoiceFields
    }
  }
`);

const TrainingChoicesQuery = graphql(`
  query TrainingChoices($datasetId: ID!, $targetColumn: String) {
    trainingChoices(datasetId: $datasetId, targetColumn: $targetColumn) {
      rows
      timeColumns
      targets {
        column
        values
      }
      predictors {
        name
        input
        type
        include
        reason
        warning
      }
    }
  }
`);

const TrainingJobQuery = graphql(`
  query TrainingJob($id: ID!) {
    trainingJob(id: $id) {
      ...TrainingJobFields
    }
  }
`);

const TrainModelMutation = graphql(`
  mutation TrainModel($input: TrainModelInput!) {
    trainModel(input: $input) {
      ...TrainingJobFields
    }
  }
`);

const CancelTrainingMutation = graphql(`
  mutation CancelTraining($id: ID!) {
    cancelTraining(id: $id) {
      ...TrainingJobFields
    }
  }
`);

const RegistrySpecsQuery = graphql(`
  query RegistrySpecs {
    models {
      id
      kind
      versions {
        version
        spec
        createdAt
      }
    }
  }
`);

const AdaptiveServingSpecQuery = graphql(`
  query AdaptiveServingSpec($modelId: ID!, $version: Int!) {
    adaptiveModelStatus(modelId: $modelId, version: $version) {
      servingSpec
    }
  }
`);

/** `createdBy`: the user id of who trained it. */
export type VersionSummary = ModelVersionSummaryFieldsFragment;

export type TrainingJobView = TrainingJobFieldsFragment;

/**
 * `kind`: `trained` (from a dataset) or `adaptive` (learns from outcomes); `target`: the target in
 * words, as the API states it. `versions` and `trainings` newest first (the API answers in its own order).
 */
export type ModelSummary = ModelFieldsFragment;

/**
 * `report`: the trainer's ModelReport; `provenance`: dataset, rows, target, predictors, split, seed,
 * settings, trainer (both read by report-model.ts).
 */
export type VersionDetail = NonNullable<ModelVersionQuery['modelVersion']>;

export type VersionComparisonRow = CompareModelVersionsQuery['compareModelVersions'][number];

export type TrainingDataset = Pick<DatasetChoiceFieldsFragment, 'id' | 'name' | 'rowCount'>;

export type TrainingChoices = TrainingChoicesQuery['trainingChoices'];

export type PredictorChoice = TrainingChoices['predictors'][number];

export type TrainModelRequest = TrainModelInput;

/** What the models screens and the score step's panel ask of the API; component tests pass an in-memory one. */
export interface ModelsApi {
  list(): Promise<ModelSummary[]>;
  get(id: string): Promise<ModelSummary>;
  version(id: string): Promise<VersionDetail>;
  compare(a: string, b: string): Promise<VersionComparisonRow[]>;
  /** Datasets ready to train on. */
  datasets(): Promise<TrainingDataset[]>;
  /** Target columns with their values; with a target, the predictors suggested for it. */
  choices(datasetId: string, targetColumn?: string): Promise<TrainingChoices>;
  train(input: TrainModelRequest): Promise<TrainingJobView>;
  job(id: string): Promise<TrainingJobView>;
  cancel(id: string): Promise<TrainingJobView>;
}

const newestFirst = <T extends { createdAt: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

/** Sorted newest first (the API answers in its own order). */
const summary = (m: ModelSummary): ModelSummary => ({
  id: m.id,
  kind: m.kind,
  name: m.name,
  description: m.description,
  target: m.target,
  createdAt: m.createdAt,
  createdBy: m.createdBy,
  versions: [...m.versions].sort((a, b) => b.version - a.version),
  trainings: newestFirst(m.trainings),
});

/** What the API answered for `what`; a NOT_FOUND error when it answered null (deleted meanwhile). */
function found<T>(value: T | null | undefined, what: string): T {
  if (!value) throw new ApiError(`${what} does not exist (any more).`, 'NOT_FOUND');
  return value;
}

export const graphqlModelsApi: ModelsApi = {
  list: async () => (await request(ModelsQuery, {})).models.map(summary),
  get: async (id) => summary(found((await request(ModelQuery, { id })).model, `Model ${id}`)),
  version: async (id) =>
    found((await request(ModelVersionQuery, { id })).modelVersion, `Model version ${id}`),
  compare: async (a, b) => (await request(CompareModelVersionsQuery, { a, b })).compareModelVersions,
  datasets: async () =>
    (await request(TrainingDatasetsQuery, {})).datasets
      .filter((d) => d.status === 'READY')
      .map((d) => ({ id: d.id, name: d.name, rowCount: d.rowCount })),
  choices: async (datasetId, targetColumn) =>
    (await request(TrainingChoicesQuery, { datasetId, targetColumn: targetColumn ?? null })).trainingChoices,
  train: async (input) => (await request(TrainModelMutation, { input }, 'mutation')).trainModel,
  job: async (id) => found((await request(TrainingJobQuery, { id })).trainingJob, `Training ${id}`),
  cancel: async (id) => (await request(CancelTrainingMutation, { id }, 'mutation')).cancelTraining,
};

/**
 * Every registered model version in the form the engine resolves a score step's
 * `{ type: 'registry', modelId, version }` with: keyed `<modelId>@<version>`, and `<modelId>` for the
 * latest version. Models most recently trained come first. An adaptive version's `spec` is its
 * prior; what decisions score with now is its serving snapshot, so the editor tests with that.
 */
export async function loadRegistrySpecs(): Promise<Record<string, ModelSpec>> {
  const { models } = await request(RegistrySpecsQuery, {});
  const serving = async (modelId: string, version: number) =>
    (await request(AdaptiveServingSpecQuery, { modelId, version })).adaptiveModelStatus.servingSpec;
  const withServing = await Promise.all(
    models.map(async (m) =>
      m.kind === 'adaptive'
        ? {
            ...m,
            versions: await Promise.all(
              m.versions.map(async (v) => ({ ...v, spec: await serving(m.id, v.version) })),
            ),
          }
        : m,
    ),
  );
  const latest = withServing
    .map((m) => ({ id: m.id, versions: [...m.versions].sort((a, b) => b.version - a.version) }))
    .sort((a, b) => (b.versions[0]?.createdAt ?? '').localeCompare(a.versions[0]?.createdAt ?? ''));
  const specs: Record<string, ModelSpec> = {};
  for (const m of latest) {
    // Stored JSON like a node's config: the engine checks it when it resolves the reference.
    if (m.versions[0]) specs[m.id] = m.versions[0].spec as ModelSpec;
    for (const v of m.versions) specs[`${m.id}@${v.version}`] = v.spec as ModelSpec;
  }
  return specs;
}
