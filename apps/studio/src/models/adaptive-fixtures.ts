import type { FieldOption } from '../editor/fields/field-catalog';
import type { AdaptiveApi, AdaptiveModelInput, AdaptiveStatus } from './adaptive-model';
import type { ModelSummary } from './models-api';
import { ANALYST_ID, versionSummary } from './test-fixtures';

// In-memory adaptive models shaped like the API's answers, for the adaptive screens' specs.

export const PUBLISHER_ID = '5e1d2c3b-4a59-4687-9a0b-c1d2e3f4a5b6';

export const adaptiveModel = (overrides: Partial<ModelSummary> = {}): ModelSummary => ({
  id: 'am1',
  kind: 'adaptive',
  name: 'Card offers (adaptive)',
  description: 'Learns who takes which card',
  target: 'accepted',
  createdAt: '2026-03-05T09:00:00.000Z',
  createdBy: ANALYST_ID,
  versions: [versionSummary({ id: 'amv-1', modelId: 'am1', version: 1, auc: null })],
  trainings: [],
  ...overrides,
});

export const adaptiveStatus = (overrides: Partial<AdaptiveStatus> = {}): AdaptiveStatus => ({
  modelId: 'am1',
  version: 1,
  config: {
    predictors: [
      { input: 'customer.age', type: 'number', center: null, spread: null },
      { input: 'customer.segment', type: 'string', center: null, spread: null },
    ],
    positiveOutcomes: ['accepted'],
    negativeOutcomes: ['declined'],
    noResponseHours: null,
    priorModelId: null,
    priorVersion: null,
    explorationShare: 0.1,
    maturity: 200,
    groupBy: 'action',
    aucFloor: 0.6,
    calibrationFloor: null,
  },
  frozen: false,
  servingSnapshotId: 's3',
  evidence: 1240,
  positives: 310,
  successRate: 0.25,
  rollingAuc: 0.7412,
  calibrationError: 0.031,
  mature: true,
  lastUpdatedAt: '2026-03-06T10:15:00.000Z',
  learnerLagSeconds: 0.4,
  alert: null,
  history: [
    {
      at: '2026-03-06T10:00:00.000Z',
      evidence: 200,
      positives: 40,
      rollingAuc: 0.61,
      calibrationError: 0.08,
    },
    {
      at: '2026-03-06T10:05:00.000Z',
      evidence: 700,
      positives: 170,
      rollingAuc: 0.7,
      calibrationError: 0.05,
    },
    {
      at: '2026-03-06T10:15:00.000Z',
      evidence: 1240,
      positives: 310,
      rollingAuc: 0.74,
      calibrationError: 0.03,
    },
  ],
  groups: [
    { key: 'gold-card', name: 'Gold card', evidence: 800, positives: 260, successRate: 0.325, mature: true },
    {
      key: 'travel-card',
      name: 'Travel card',
      evidence: 440,
      positives: 50,
      successRate: 0.1136,
      mature: true,
    },
  ],
  predictors: [
    {
      name: 'age',
      input: 'customer.age',
      importance: 0.62,
      bins: [{ label: 'per sd', weight: 0.81, sd: 0.05 }],
    },
    {
      name: 'segment',
      input: 'customer.segment',
      importance: 0.21,
      bins: [
        { label: 'young', weight: 0.44, sd: 0.1 },
        { label: 'senior', weight: -0.37, sd: 0.12 },
      ],
    },
  ],
  snapshots: [
    {
      id: 's3',
      seq: 5120,
      evidence: 1240,
      positives: 310,
      hash: 'sha256:c3c3c3c3c3c3c3c3',
      reason: 'learned',
      comment: null,
      createdAt: '2026-03-06T10:15:00.000Z',
      createdBy: null,
    },
    {
      id: 's2',
      seq: 2900,
      evidence: 700,
      positives: 170,
      hash: 'sha256:b2b2b2b2b2b2b2b2',
      reason: 'learned',
      comment: null,
      createdAt: '2026-03-06T10:05:00.000Z',
      createdBy: null,
    },
    {
      id: 's1',
      seq: 0,
      evidence: 0,
      positives: 0,
      hash: 'sha256:a1a1a1a1a1a1a1a1',
      reason: 'reset',
      comment: 'First week of the campaign',
      createdAt: '2026-03-05T09:00:00.000Z',
      createdBy: ANALYST_ID,
    },
  ],
  overrides: [{ actionId: 'gold-card', actionName: 'Gold card', shown: 800, overridden: 40, rate: 0.05 }],
  ...overrides,
});

export const inputOptions: FieldOption[] = [
  { fact: 'customer', name: 'age', label: 'Age', type: 'number' },
  { fact: 'customer', name: 'segment', label: 'Segment', type: 'string' },
  { fact: 'customer', name: 'vip', label: 'VIP', type: 'boolean' },
  { fact: 'customer', name: 'joined', label: 'Joined', type: 'date' },
  { fact: 'action', name: 'value', label: 'action Value', type: 'number' },
];

type Call = [string, ...unknown[]];

/** An in-memory adaptive API that records what was asked; `overrides` replace single methods. */
export function memoryAdaptiveApi(
  status: AdaptiveStatus = adaptiveStatus(),
  overrides: Partial<AdaptiveApi> = {},
) {
  const calls: Call[] = [];
  let current = status;
  const api: AdaptiveApi = {
    create: async (input: AdaptiveModelInput) => {
      calls.push(['create', input]);
      return adaptiveModel({ name: input.name });
    },
    reconfigure: async (modelId, input) => {
      calls.push(['reconfigure', modelId, input]);
      return adaptiveModel();
    },
    status: async () => current,
    freeze: async (modelId, version, frozen, reason) => {
      calls.push(['freeze', modelId, version, frozen, reason]);
      current = { ...current, frozen };
      return current;
    },
    reset: async (modelId, version, reason) => {
      calls.push(['reset', modelId, version, reason]);
      current = {
        ...current,
        evidence: 0,
        positives: 0,
        mature: false,
        servingSnapshotId: 's4',
        snapshots: [
          {
            id: 's4',
            seq: 5120,
            evidence: 0,
            positives: 0,
            hash: 'sha256:d4d4d4d4d4d4d4d4',
            reason: 'reset',
            comment: reason,
            createdAt: '2026-03-06T11:00:00.000Z',
            createdBy: PUBLISHER_ID,
          },
          ...current.snapshots,
        ],
      };
      return current;
    },
    rollBack: async (modelId, version, snapshotId, reason) => {
      calls.push(['rollBack', modelId, version, snapshotId, reason]);
      const from = current.snapshots.find((s) => s.id === snapshotId)!;
      current = {
        ...current,
        evidence: from.evidence,
        positives: from.positives,
        servingSnapshotId: 's5',
        snapshots: [
          {
            ...from,
            id: 's5',
            hash: 'sha256:e5e5e5e5e5e5e5e5',
            reason: 'rollback',
            comment: reason,
            createdAt: '2026-03-06T11:30:00.000Z',
            createdBy: PUBLISHER_ID,
          },
          ...current.snapshots,
        ],
      };
      return current;
    },
    inputs: async () => inputOptions,
    ...overrides,
  };
  return { api, calls };
}
