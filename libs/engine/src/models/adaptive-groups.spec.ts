import { CATALOG, linearStrategy } from '../test-support/build-strategy';
import { decide, NOW } from '../test-support/engine.test-helpers';
import { adaptiveModel, adaptiveParamsSchema, type AdaptiveParamsInput } from './adaptive-model';

/** The one predictor, at the same scale in the top-level posterior and in the group's. */
const ageTerm = (weight: { mean: number; variance: number }) => ({
  input: 'customer.age',
  type: 'number' as const,
  center: 40,
  spread: 10,
  weight,
  missing: { mean: 0, variance: 1 },
});

// One posterior per group (issue 18: an adaptive model per action): the group's weights score its
// candidates; a group without an entry is scored by the top-level posterior (the prior).
const spec: AdaptiveParamsInput = {
  type: 'adaptive',
  modelId: 'per-action',
  intercept: { mean: 0, variance: 1 },
  terms: [ageTerm({ mean: 0, variance: 1 })],
  evidence: 0,
  maturity: 0,
  groupBy: 'action.id',
  groups: {
    'retention-call': {
      intercept: { mean: 2, variance: 0.01 },
      terms: [ageTerm({ mean: -1, variance: 0.01 })],
      evidence: 300,
    },
  },
};
const strategy = linearStrategy([
  ['actions', {}],
  ['score', { model: { type: 'registry', modelId: 'per-action' } }],
  ['output', {}],
]);

describe('adaptive model kind grouped by an input', () => {
  it("scores each candidate with its group's posterior, and unknown groups with the top-level one", () => {
    const env = { actions: CATALOG, models: { 'per-action': adaptiveParamsSchema.parse(spec) } };
    const result = decide(
      strategy,
      { customer: { id: 'c1', age: 50 }, context: { now: NOW, decisionId: 'd1' } },
      {},
      env,
    );
    const p = Object.fromEntries(result.recommendations.map((r) => [r.actionId, r.propensity]));
    expect(p['retention-call']).toBeCloseTo(1 / (1 + Math.exp(-(2 - 1))), 14);
    expect(p['data-addon']).toBeCloseTo(0.5, 14);
  });

  it('summarizes the evidence of its groups', () => {
    expect(adaptiveModel.summarize(adaptiveParamsSchema.parse(spec))).toBe(
      'adaptive model per-action: 1 predictor, 300 outcomes in 1 group by action.id',
    );
  });

  it('refuses a group that is not a posterior, naming the field', () => {
    const bad = adaptiveParamsSchema.safeParse({
      ...spec,
      groups: { x: { intercept: { mean: 0, variance: -1 }, terms: [], evidence: 0 } },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['groups', 'x', 'intercept', 'variance']);
  });
});
