import {
  compareSimulations,
  type ActionFigures,
  type Estimate,
  type OffPolicyEstimates,
  type SimulationSummary,
} from '@arbiter/engine';
import type { SimulationDetail } from './simulations-api';

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
    { nodeId: 'catalog', type: 'actions', reached: 100, in: 0, out: 300, passRate: null, branches: {} },
    { nodeId: 'adults', type: 'filter', reached: 100, in: 300, out: 270, passRate: 0.9, branches: {} },
  ],
  segments: {
    groups: [
      {
        segment: 'gold',
        rows: 40,
        rowsWithoutRecommendation: 0,
        recommendations: 80,
        actions: [action('gold-card', 30, 40, 40, 80, 10, 100)],
      },
      {
        segment: 'silver',
        rows: 60,
        rowsWithoutRecommendation: 10,
        recommendations: 120,
        actions: [action('travel-insurance', 30, 40, 50, 120, 8, 40)],
      },
    ],
    other: null,
    complete: true,
  },
  offPolicy: { top: offPolicy(0.25), slate: offPolicy(0.22) },
  topActions: {
    rows: 3,
    customers: [
      ['c1', 'gold-card'],
      ['c2', 'gold-card'],
      ['c3', 'travel-insurance'],
    ],
    complete: true,
  },
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
    { nodeId: 'catalog', type: 'actions', reached: 100, in: 0, out: 300, passRate: null, branches: {} },
    {
      nodeId: 'adults',
      type: 'filter',
      reached: 100,
      in: 300,
      out: 255,
      passRate: 0.85,
      branches: {},
      drops: {
        rows: 100,
        dropped: 45,
        reasons: [
          { reason: 'age 17 is not ≥ 18', count: 30 },
          { reason: 'age 16 is not ≥ 18', count: 15 },
        ],
        other: 0,
        complete: true,
      },
    },
  ],
  segments: {
    groups: [
      {
        segment: 'gold',
        rows: 40,
        rowsWithoutRecommendation: 0,
        recommendations: 80,
        actions: [action('travel-insurance', 25, 40, 40, 80, 12, 60)],
      },
      {
        segment: 'silver',
        rows: 60,
        rowsWithoutRecommendation: 5,
        recommendations: 110,
        actions: [action('travel-insurance', 20, 35, 55, 110, 5, 40)],
      },
    ],
    other: null,
    complete: true,
  },
  offPolicy: { top: offPolicy(0.3), slate: offPolicy(0.24) },
  topActions: {
    rows: 3,
    customers: [
      ['c1', 'travel-insurance'],
      ['c2', 'gold-card'],
      ['c3', 'travel-insurance'],
    ],
    complete: true,
  },
};

export const comparison = compareSimulations(baselineSummary, draftSummary);

export const detail = (overrides: Partial<SimulationDetail> = {}): SimulationDetail => ({
  id: 'sim-1',
  status: 'COMPLETED',
  createdAt: '2026-11-20T10:00:00.000Z',
  createdBy: 'Ari Analyst',
  rowsTotal: 100,
  strategy: { id: 's1', name: 'Retail NBA' },
  version: { id: 'v2', number: 2 },
  baselineVersion: { id: 'v1', number: 1 },
  dataset: { id: 'd1', name: 'Coupons' },
  error: null,
  results: draftSummary,
  comparison,
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
