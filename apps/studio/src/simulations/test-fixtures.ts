import {
  compareSimulations,
  type ActionFigures,
  type Estimate,
  type NodeDrops,
  type NodeFigures,
  type OffPolicyEstimates,
  type SimulationSummary,
} from '@arbiter/engine';
import { NOT_MEASURED } from '../test-support/fairness-fixtures';
import type {
  DatasetChoice,
  RunInput,
  SimulationDetail,
  SimulationsApi,
  StrategyChoice,
} from './simulations-api';

/** Small simulation results for the tests, shaped by the engine's own types (and compareSimulations). */

const action = (
  actionId: string,
  top: number,
  eligible: number,
  withRecommendation: number,
  recommendations: number,
  acceptances: number,
  value: number,
): ActionFigures => ({
  actionId,
  eligible,
  top,
  topShare: top / withRecommendation,
  recommendationShare: eligible / recommendations,
  expectedAcceptances: acceptances,
  expectedAcceptancesTop: acceptances / 2,
  expectedValue: value,
  expectedValueTop: value / 2,
  withoutPropensity: 0,
});

const estimate = (value: number, half: number): Estimate => ({
  value,
  standardError: half / 1.96,
  interval: { low: value - half, high: value + half, level: 0.95 },
});

type Segment = NonNullable<SimulationSummary['segments']>['groups'][number];

/** Whole segments (no "other"), each with the given figures. */
const segments = (...groups: Segment[]): SimulationSummary['segments'] => ({
  groups,
  other: null,
  complete: true,
});

const segment = (
  name: string,
  rows: number,
  rowsWithoutRecommendation: number,
  recommendations: number,
  actions: ActionFigures[],
): Segment => ({ segment: name, rows, rowsWithoutRecommendation, recommendations, actions });

/** Every customer's top action, as [customer, action] pairs. */
const topActions = (...customers: [string, string][]): SimulationSummary['topActions'] => ({
  rows: customers.length,
  customers,
  complete: true,
});

/** The first step: the catalog offers every action to each of the 100 rows. */
const catalogStep: NodeFigures = {
  nodeId: 'catalog',
  type: 'actions',
  reached: 100,
  in: 0,
  out: 300,
  passRate: null,
  branches: {},
};

/** What a step dropped of the 100 rows: the counted reasons and `other` rows beyond them. */
export const drops = (reasons: NodeDrops['reasons'], other = 0): NodeDrops => ({
  rows: 100,
  dropped: reasons.reduce((sum, r) => sum + r.count, other),
  reasons,
  other,
  complete: true,
});

export const offPolicy = (rate: number): OffPolicyEstimates => ({
  confidence: 0.95,
  rows: 100,
  rowsWithPropensity: 100,
  matches: 40,
  observed: estimate(0.2, 0.05),
  replay: estimate(rate, 0.06),
  ips: estimate(rate + 0.01, 0.08),
  snips: estimate(rate - 0.01, 0.07),
  effectiveSampleSize: 40,
  meanWeight: 1,
});

export const baselineSummary: SimulationSummary = {
  rows: 100,
  rowsWithoutRecommendation: 10,
  recommendations: 200,
  actions: [
    action('gold-card', 60, 80, 90, 200, 20, 200),
    action('travel-insurance', 30, 70, 90, 200, 15, 90),
    action('savings-plan', 0, 50, 90, 200, 5, 10),
  ],
  rowsWithTrace: 100,
  nodes: [
    catalogStep,
    { nodeId: 'adults', type: 'filter', reached: 100, in: 300, out: 270, passRate: 0.9, branches: {} },
  ],
  segments: segments(
    segment('gold', 40, 0, 80, [action('gold-card', 30, 40, 40, 80, 10, 100)]),
    segment('silver', 60, 10, 120, [action('travel-insurance', 30, 40, 50, 120, 8, 40)]),
  ),
  offPolicy: { top: offPolicy(0.25), slate: offPolicy(0.22) },
  topActions: topActions(['c1', 'gold-card'], ['c2', 'gold-card'], ['c3', 'travel-insurance']),
};

export const draftSummary: SimulationSummary = {
  rows: 100,
  rowsWithoutRecommendation: 5,
  recommendations: 190,
  actions: [
    action('gold-card', 40, 70, 95, 190, 18, 180),
    action('travel-insurance', 45, 75, 95, 190, 17, 100),
    action('retention, "call"', 10, 45, 95, 190, 6, 12),
  ],
  rowsWithTrace: 100,
  nodes: [
    catalogStep,
    {
      nodeId: 'adults',
      type: 'filter',
      reached: 100,
      in: 300,
      out: 255,
      passRate: 0.85,
      branches: {},
      drops: drops([
        { reason: 'age 17 is not ≥ 18', count: 30 },
        { reason: 'age 16 is not ≥ 18', count: 15 },
      ]),
    },
  ],
  segments: segments(
    segment('gold', 40, 0, 80, [action('travel-insurance', 25, 40, 40, 80, 12, 60)]),
    segment('silver', 60, 5, 110, [action('travel-insurance', 20, 35, 55, 110, 5, 40)]),
  ),
  offPolicy: { top: offPolicy(0.3), slate: offPolicy(0.24) },
  topActions: topActions(['c1', 'travel-insurance'], ['c2', 'gold-card'], ['c3', 'travel-insurance']),
};

export const comparison = compareSimulations(baselineSummary, draftSummary);

export const detail = (overrides: Partial<SimulationDetail> = {}): SimulationDetail => ({
  id: 'sim-1',
  status: 'COMPLETED',
  deleteRefusal: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  createdBy: 'Ari Analyst',
  rowsTotal: 100,
  strategy: { id: 's1', name: 'Retail NBA' },
  version: { id: 'v2', number: 2, strategyId: 's1' },
  baselineVersion: { id: 'v1', number: 1 },
  dataset: { id: 'd1', name: 'Coupons' },
  error: null,
  results: draftSummary,
  comparison,
  dataWarnings: [],
  fairnessCheck: NOT_MEASURED,
  // No names: the tables show ids (see NAMES for a run with them).
  names: { actions: [], steps: [] },
  completedAt: '2026-11-20T10:01:00.000Z',
  progress: {
    status: 'COMPLETED',
    rowsDone: 100,
    rowsTotal: 100,
    rowsPerSecond: 50,
    etaSeconds: null,
    chunksDone: 2,
    chunkCount: 2,
  },
  ...overrides,
});

/** The names the API gives with a run: catalog names of the actions, labels of the steps. */
export const NAMES: SimulationDetail['names'] = {
  actions: [
    { id: 'gold-card', name: 'Gold card' },
    { id: 'travel-insurance', name: 'Travel insurance' },
    { id: 'savings-plan', name: 'Savings plan' },
  ],
  steps: [
    { id: 'catalog', name: 'All offers' },
    { id: 'adults', name: 'Adults only' },
  ],
};

/** What the start form offers: a strategy with a draft and a published version, an uploading and a ready dataset. */
export const choices: { strategies: StrategyChoice[]; datasets: DatasetChoice[] } = {
  strategies: [
    {
      id: 's1',
      name: 'Retail NBA',
      publishedVersion: { id: 'v1' },
      versions: [
        { id: 'v2', number: 2, status: 'DRAFT' },
        { id: 'v1', number: 1, status: 'PUBLISHED' },
      ],
    },
  ],
  datasets: [
    { id: 'd0', name: 'Still uploading', status: 'UPLOADING', rowCount: 0 },
    { id: 'd1', name: 'Coupons', status: 'READY', rowCount: 100 },
  ],
};

/**
 * An in-memory API: `get` serves `runs` one after another, then the last; `list` the default run.
 * What the screen sends is recorded; `over` replaces methods.
 */
export function memoryApi(runs: SimulationDetail[] = [detail()], over: Partial<SimulationsApi> = {}) {
  const started: RunInput[] = [];
  const cancelled: string[] = [];
  const removed: string[] = [];
  const filters: (string | undefined)[] = [];
  const api: SimulationsApi = {
    list: async (strategyId) => {
      filters.push(strategyId);
      return [detail()];
    },
    get: async () => (runs.length > 1 ? runs.shift()! : runs[0]!),
    choices: async () => choices,
    run: async (input) => {
      started.push(input);
      return 'sim-new';
    },
    cancel: async (id) => {
      cancelled.push(id);
    },
    remove: async (id) => {
      removed.push(id);
    },
    customersCsv: async (id) => ({ fileName: `${id}.csv`, file: new Blob(['row\r\n']) }),
    ...over,
  };
  return { api, started, cancelled, removed, filters };
}
