import { CATALOG, linearStrategy } from '../test-support/build-strategy';
import { decide, keptDetails, NOW } from '../test-support/engine.test-helpers';
import { validateStrategy } from '../validation/validate-strategy';
import { adaptiveParamsSchema, seededNormal, type AdaptiveParamsInput } from './adaptive-model';

const snapshot = (exploration?: AdaptiveParamsInput['exploration'], evidence = 500): AdaptiveParamsInput => ({
  type: 'adaptive',
  modelId: 'offers',
  intercept: { mean: -1, variance: 0.04 },
  terms: [
    {
      input: 'customer.churnRisk',
      type: 'number',
      center: 0.5,
      spread: 0.25,
      weight: { mean: 0.8, variance: 0.01 },
      missing: { mean: -0.3, variance: 0.5 },
    },
    {
      input: 'action.group',
      type: 'category',
      categories: { retention: { mean: 0.6, variance: 0.02 } },
      otherwise: { mean: 0, variance: 1 },
      missing: { mean: 0, variance: 1 },
    },
  ],
  evidence,
  maturity: 100,
  ...(exploration ? { exploration } : {}),
});
const strategy = linearStrategy([
  ['actions', {}],
  ['score', { model: { type: 'registry', modelId: 'offers' } }],
  ['output', {}],
]);
const env = (spec: AdaptiveParamsInput) => ({
  actions: CATALOG,
  models: { offers: adaptiveParamsSchema.parse(spec) },
});
const input = (decisionId: string, churnRisk?: number) => ({
  customer: { id: 'c1', ...(churnRisk === undefined ? {} : { churnRisk }) },
  context: { now: NOW, decisionId },
});
const propensities = (result: ReturnType<typeof decide>) =>
  Object.fromEntries(result.recommendations.map((r) => [r.actionId, r.propensity]));

describe('adaptive model kind', () => {
  it('scores the mean propensity of the snapshot when the decision does not explore', () => {
    const result = propensities(decide(strategy, input('d1', 0.75), {}, env(snapshot())));
    const z = -1 + 0.8 * ((0.75 - 0.5) / 0.25);
    expect(result['retention-call']).toBeCloseTo(1 / (1 + Math.exp(-(z + 0.6))), 14);
    expect(result['data-addon']).toBeCloseTo(1 / (1 + Math.exp(-z)), 14);
    const missing = propensities(decide(strategy, input('d1'), {}, env(snapshot())));
    expect(missing['data-addon']).toBeCloseTo(1 / (1 + Math.exp(1.3)), 14);
  });

  it('draws from the posterior when it explores, the same draw for the same customer and decision id', () => {
    const exploring = env(snapshot({ share: 1 }));
    const first = propensities(decide(strategy, input('d1', 0.75), {}, exploring));
    expect(propensities(decide(strategy, input('d1', 0.75), {}, exploring))).toEqual(first);
    expect(propensities(decide(strategy, input('d2', 0.75), {}, exploring))).not.toEqual(first);
    // The draw for data-addon: mean −0.2, variance 0.04 + 1·0.01 + 1 (an unknown group), keyed by seed and action.
    const z = -0.2 + Math.sqrt(1.05) * seededNormal('c1:d1|offers|data-addon');
    expect(first['data-addon']).toBeCloseTo(1 / (1 + Math.exp(-z)), 14);
  });

  it('says in the trace when a candidate was explored', () => {
    const result = decide(
      strategy,
      input('d1', 0.75),
      { trace: true },
      env(snapshot({ share: 0, immatureShare: 1 }, 10)),
    );
    expect(JSON.stringify(keptDetails(result, 'n2')['retention-call'])).toMatch(/exploration/);
    const mature = decide(
      strategy,
      input('d1', 0.75),
      { trace: true },
      env(snapshot({ share: 0, immatureShare: 1 })),
    );
    expect(JSON.stringify(keptDetails(mature, 'n2')['retention-call'])).not.toMatch(/exploration/);
  });

  it('refuses a snapshot with a non-positive variance, naming the field', () => {
    const bad = { ...snapshot(), intercept: { mean: 0, variance: 0 } };
    const doc = linearStrategy([
      ['actions', {}],
      ['score', { model: bad }],
      ['output', {}],
    ]);
    const problems = validateStrategy(doc, { actions: CATALOG }).problems;
    expect(problems.map((p) => p.field)).toContain('config.model.intercept.variance');
  });
});

describe('adaptive model inputs every decision has', () => {
  it('accepts customer.id and context.decisionId as seed inputs under a declared schema that does not list them', () => {
    const doc = {
      schemaVersion: 1 as const,
      nodes: [
        { id: 'a', type: 'actions', config: {} },
        {
          id: 's',
          type: 'score',
          config: {
            model: {
              type: 'adaptive',
              modelId: 'm',
              intercept: { mean: 0, variance: 1 },
              terms: [],
              evidence: 0,
              exploration: { share: 0.1 },
            },
          },
        },
        { id: 'o', type: 'output', config: {} },
      ],
      edges: [
        { source: 'a', target: 's' },
        { source: 's', target: 'o' },
      ],
    };
    const env = {
      actions: [{ id: 'x', name: 'X' }],
      schema: { customer: [{ name: 'age', type: 'number' as const }], context: [] },
    };
    const problems = validateStrategy(doc as never, env as never).problems.filter(
      (p) => p.severity === 'error',
    );
    expect(problems).toEqual([]);
  });
});
