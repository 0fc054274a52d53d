import type {
  ModelsApi,
  ModelSummary,
  TrainingChoices,
  TrainingJobView,
  TrainModelRequest,
  VersionDetail,
  VersionSummary,
} from './models-api';
import type { PeopleLookup } from '../shared/people';
import type { ModelReport } from './report-model';

// In-memory registry data shaped like the API's answers, for the models screens' specs.

export const ANALYST_ID = '0b7f3c1e-2a4d-4e5f-8a9b-1c2d3e4f5a6b';
export const people: PeopleLookup = async (ids) =>
  [{ id: ANALYST_ID, displayName: 'Ari Analyst' }].filter((p) => ids.includes(p.id));

export const report = (overrides: Partial<ModelReport> = {}): ModelReport => ({
  rows: { train: 8000, test: 2000 },
  positives: { train: 4560, test: 1140 },
  split: { kind: 'stratified', testShare: 0.2, seed: 42 },
  auc: { value: 0.8123, low: 0.7912, high: 0.8334 },
  logLoss: 0.4871,
  brier: 0.1612,
  positiveRate: 0.57,
  roc: [
    { fpr: 0, tpr: 0 },
    { fpr: 0.1, tpr: 0.45 },
    { fpr: 0.3, tpr: 0.75 },
    { fpr: 1, tpr: 1 },
  ],
  calibration: Array.from({ length: 10 }, (_, i) => ({
    predicted: (i + 0.5) / 10,
    observed: (i + 0.4) / 10,
    count: i === 9 ? 0 : 200,
  })),
  gains: Array.from({ length: 10 }, (_, i) => ({
    share: (i + 1) / 10,
    captured: Math.min(1, ((i + 1) / 10) * 1.6),
    lift: i === 0 ? 1.6 : 1,
  })),
  importance: [
    { predictor: 'coupon', importance: 0.41 },
    { predictor: 'expiration', importance: 0.22 },
    { predictor: 'destination', importance: 0.12 },
  ],
  segments: [
    { predictor: 'coupon', segment: 'Bar', rows: 320, auc: 0.74 },
    { predictor: 'coupon', segment: 'Coffee House', rows: 640, auc: null },
  ],
  warnings: [
    {
      code: 'leakage',
      predictor: 'duration',
      message:
        'duration alone predicts the target with AUC 0.99: it is likely known only afterwards (leakage).',
    },
  ],
  ...overrides,
});

export const versionSummary = (overrides: Partial<VersionSummary> = {}): VersionSummary => ({
  id: 'mv-2',
  modelId: 'm1',
  version: 2,
  algorithm: 'GBDT',
  auc: 0.8123,
  createdAt: '2026-03-03T14:05:00.000Z',
  createdBy: ANALYST_ID,
  ...overrides,
});

export const versionDetail = (overrides: Partial<VersionDetail> = {}): VersionDetail => ({
  ...versionSummary(),
  modelName: 'Coupon acceptance',
  contentHash: 'sha256:0123456789abcdef',
  report: report(),
  provenance: {
    datasetId: 'd1',
    datasetName: 'Coupons 2026',
    datasetHash: 'abc',
    rows: 10000,
    target: { column: 'Y', positiveValues: ['1'] },
    predictors: ['coupon', 'expiration', 'destination'],
    split: { kind: 'stratified', testShare: 0.2 },
    seed: 42,
    settings: { trees: 100, maxDepth: 6, learningRate: 0.1 },
    trainer: '@arbiter/learning 0.1.0',
  },
  ...overrides,
});

export const job = (overrides: Partial<TrainingJobView> = {}): TrainingJobView => ({
  id: 'job-1',
  modelId: 'm1',
  modelName: 'Coupon acceptance',
  status: 'RUNNING',
  phase: 'training',
  rows: 10000,
  iteration: 40,
  iterations: 100,
  etaSeconds: 12,
  error: null,
  versionId: null,
  createdAt: '2026-03-03T14:00:00.000Z',
  finishedAt: null,
  createdBy: ANALYST_ID,
  ...overrides,
});

export const model = (overrides: Partial<ModelSummary> = {}): ModelSummary => ({
  id: 'm1',
  kind: 'trained',
  name: 'Coupon acceptance',
  description: 'Who takes a coupon',
  target: 'Y is "1"',
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: ANALYST_ID,
  versions: [
    versionSummary(),
    versionSummary({
      id: 'mv-1',
      version: 1,
      algorithm: 'LOGISTIC',
      auc: 0.7634,
      createdAt: '2026-03-01T09:30:00.000Z',
    }),
  ],
  trainings: [job({ status: 'SUCCEEDED', versionId: 'mv-2', finishedAt: '2026-03-03T14:05:00.000Z' })],
  ...overrides,
});

export const targetChoices: TrainingChoices = {
  rows: 10000,
  timeColumns: ['visitedAt'],
  targets: [
    { column: 'Y', values: ['0', '1'] },
    { column: 'outcome', values: ['accepted', 'clicked', 'ignored'] },
  ],
  predictors: [],
};

export const predictorChoices: TrainingChoices = {
  ...targetChoices,
  predictors: [
    { name: 'coupon', input: 'customer.coupon', type: 'string', include: true, reason: null, warning: null },
    { name: 'age', input: 'customer.age', type: 'number', include: true, reason: null, warning: null },
    {
      name: 'customerId',
      input: 'customer.customerId',
      type: 'string',
      include: false,
      reason: 'an id: every row differs',
      warning: null,
    },
    {
      name: 'duration',
      input: 'customer.duration',
      type: 'number',
      include: false,
      reason: 'left out by default',
      warning: 'predicts the target almost perfectly on its own (AUC 0.99): likely known only afterwards',
    },
  ],
};

/** An in-memory API that records what was asked; `overrides` replace single methods. */
export function memoryApi(models: ModelSummary[] = [model()], overrides: Partial<ModelsApi> = {}) {
  const trained: TrainModelRequest[] = [];
  const cancelled: string[] = [];
  const choicesAsked: [string, string | undefined][] = [];
  const api: ModelsApi = {
    list: async () => models,
    get: async (id) => models.find((m) => m.id === id) ?? models[0]!,
    version: async (id) =>
      id === 'mv-1'
        ? versionDetail({
            id: 'mv-1',
            version: 1,
            algorithm: 'LOGISTIC',
            auc: 0.7634,
            report: report({ auc: { value: 0.7634, low: 0.74, high: 0.79 }, warnings: [] }),
          })
        : versionDetail({ id }),
    compare: async () => [
      { metric: 'auc', a: 0.7634, b: 0.8123, delta: 0.0489 },
      { metric: 'logLoss', a: 0.52, b: 0.4871, delta: -0.0329 },
      { metric: 'brier', a: 0.17, b: 0.1612, delta: -0.0088 },
    ],
    datasets: async () => [{ id: 'd1', name: 'Coupons 2026', rowCount: 10000 }],
    choices: async (datasetId, targetColumn) => {
      choicesAsked.push([datasetId, targetColumn]);
      return targetColumn ? predictorChoices : targetChoices;
    },
    train: async (input) => {
      trained.push(input);
      return job({ status: 'QUEUED', iteration: 0, iterations: 0, etaSeconds: null, phase: null });
    },
    job: async () => job(),
    cancel: async (id) => {
      cancelled.push(id);
      return job({ status: 'CANCELLED' });
    },
    ...overrides,
  };
  return { api, trained, cancelled, choicesAsked };
}
