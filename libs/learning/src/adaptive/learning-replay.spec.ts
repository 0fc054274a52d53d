import type { StrategyDocument, StrategyEnvironment } from '@arbiter/engine';
import { Random } from '../random';
import { LearningReplay } from './learning-replay';
import { fromEngineSpec, toEngineSpec } from './engine-spec';

const blank = (modelId: string) => ({
  type: 'adaptive' as const,
  modelId,
  intercept: { mean: 0, variance: 1 },
  terms: [
    {
      input: 'customer.age',
      type: 'number' as const,
      center: 45,
      spread: 15,
      weight: { mean: 0, variance: 1 },
      missing: { mean: 0, variance: 1 },
    },
  ],
  evidence: 0,
  maturity: 100,
  exploration: {
    share: 0.1,
    immatureShare: 1,
    varianceScale: 1,
    seedInputs: ['customer.id', 'context.decisionId'],
  },
});

const strategy: StrategyDocument = {
  schemaVersion: 1,
  nodes: [
    { id: 'offers', type: 'actions', config: {} },
    { id: 'score', type: 'score', config: { byAction: { card: blank('card'), loan: blank('loan') } } },
    { id: 'best', type: 'rank', config: { by: 'propensity', order: 'desc', limit: 1 } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'offers', target: 'score' },
    { source: 'score', target: 'best' },
    { source: 'best', target: 'out' },
  ],
};
const env: StrategyEnvironment = {
  actions: [
    { id: 'card', name: 'Card' },
    { id: 'loan', name: 'Loan' },
  ],
};

// The young take the card, the old the loan; the log offered either at random.
function loggedRows(count: number) {
  const random = new Random(11);
  return Array.from({ length: count }, (_, i) => {
    const age = 18 + random.int(62);
    const actionId = random.float() < 0.5 ? 'card' : 'loan';
    const p = (actionId === 'card') === age < 40 ? 0.4 : 0.05;
    return {
      customer: { id: `c${i}`, age },
      context: { now: '2026-01-01T00:00:00Z', decisionId: `row-${i}` },
      logged: { actionId, outcome: random.float() < p ? 1 : 0 },
      order: i,
    };
  });
}

describe('replaying a log with learning switched on', () => {
  it('learns from matched rows only, and beats the same strategy with frozen models', () => {
    const rows = loggedRows(4000);
    const replay = new LearningReplay(strategy, env, {}, rows.length, 10);
    for (const row of rows) replay.add(row);
    const curve = replay.curve();
    expect(curve.rows).toBe(4000);
    expect(curve.buckets).toHaveLength(10);
    expect(curve.updates).toBe(curve.learning.matched);
    expect(curve.models.map((m) => m.evidenceAfter).reduce((a, b) => a + b, 0)).toBe(curve.updates);
    // About half the rows match a policy that picks one of two actions.
    expect(curve.learning.matched).toBeGreaterThan(1600);
    expect(curve.learning.rate! - curve.frozen.rate!).toBeGreaterThan(0.1);
    expect(curve.learning.low!).toBeGreaterThan(curve.frozen.high!);
    // The last stretch of time is where learning shows: well above the frozen models there.
    const last = curve.buckets[9]!;
    expect(last.learning.low!).toBeGreaterThan(last.frozen.high!);
    expect(last.from).toBe(3600);
    expect(last.to).toBe(3999);
  });

  it('finds adaptive models inline or in the registry, and only those', () => {
    const models = (doc: StrategyDocument, e: StrategyEnvironment) =>
      new LearningReplay(doc, e, {}, 1).curve().models;
    expect(models(strategy, env).map((m) => m.model)).toEqual(['score byAction card', 'score byAction loan']);
    const viaRegistry: StrategyDocument = {
      ...strategy,
      nodes: strategy.nodes.map((n) =>
        n.id === 'score' ? { ...n, config: { model: { type: 'registry', modelId: 'offers' } } } : n,
      ),
    };
    expect(models(viaRegistry, { ...env, models: { offers: blank('offers') } })).toEqual([
      { model: 'registry model offers', evidenceBefore: 0, evidenceAfter: 0 },
    ]);
    const logistic = { type: 'logistic' as const, intercept: 0, terms: [] };
    expect(() => models(viaRegistry, { ...env, models: { offers: logistic } })).toThrow(
      'strategy: scores no action with an adaptive model',
    );
  });

  it('learns one posterior per group for a registry model grouped by action, starting each from the prior', () => {
    const grouped: StrategyDocument = {
      ...strategy,
      nodes: strategy.nodes.map((n) =>
        n.id === 'score' ? { ...n, config: { model: { type: 'registry', modelId: 'offers' } } } : n,
      ),
    };
    const rows = loggedRows(4000);
    const models = { offers: { ...blank('offers'), groupBy: 'action.id' } };
    const replay = new LearningReplay(grouped, { ...env, models }, {}, rows.length, 10);
    for (const row of rows) replay.add(row);
    const curve = replay.curve();
    expect(curve.models).toEqual([
      {
        model: 'registry model offers',
        evidenceBefore: 0,
        evidenceAfter: curve.updates,
        groups: ['card', 'loan'],
      },
    ]);
    // One shared posterior over age could not tell card from loan; one per action can.
    expect(curve.learning.low!).toBeGreaterThan(curve.frozen.high!);
  });

  it('reads an engine spec back into the model it came from', () => {
    const spec = blank('m');
    expect(toEngineSpec(fromEngineSpec(spec), spec.exploration)).toEqual(spec);
  });
});
