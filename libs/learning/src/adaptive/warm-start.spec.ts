import { compileModel } from '@arbiter/engine';
import { createAdaptiveModel, type LogisticSpec } from './warm-start';
import { meanPropensity, updateAdaptiveModel } from './bayesian-logistic';

const spec: LogisticSpec = {
  type: 'logistic',
  intercept: -1.2,
  terms: [
    { input: 'customer.age', weight: 0.03, center: 40, missingWeight: -0.2 },
    { input: 'customer.balance', weight: 0.0001, ifMissing: 500 },
    { input: 'customer.segment', categories: { gold: 0.8, silver: 0.3 }, otherwise: -0.1, ifMissing: -0.4 },
    { input: 'customer.vip', categories: { true: 0.5 } },
  ],
};
const config = {
  modelId: 'm',
  predictors: [
    { name: 'age', input: 'customer.age', type: 'number' as const },
    {
      name: 'balance',
      input: 'customer.balance',
      type: 'number' as const,
      scale: { center: 2000, spread: 1500 },
    },
    { name: 'segment', input: 'customer.segment', type: 'string' as const },
    { name: 'vip', input: 'customer.vip', type: 'boolean' as const },
  ],
};
const customers = [
  { age: 35, balance: 1200, segment: 'gold', vip: true },
  { age: 61, balance: 9000, segment: 'bronze', vip: false },
  { segment: 'silver' },
  { age: '52', balance: 'n/a', segment: '', vip: true },
  { age: 18, balance: 0, segment: 'platinum' },
];

describe('warm start from a logistic model', () => {
  it("gives the spec's propensity for every customer before any evidence", () => {
    const model = createAdaptiveModel(config, { spec, variance: 0.1 });
    const engine = compileModel(spec);
    for (const customer of customers) {
      const facts = { customer, context: {}, action: {}, fields: {} };
      expect(meanPropensity(model, facts)).toBeCloseTo(engine(facts)!, 12);
    }
    expect(model.evidence).toBe(0);
  });

  it('moves away from the prior more slowly when the prior variance is smaller', () => {
    const firm = createAdaptiveModel(config, { spec, variance: 0.01 });
    const loose = createAdaptiveModel(config, { spec, variance: 1 });
    const facts = { customer: customers[0] };
    const before = meanPropensity(firm, facts);
    const learn = (m: typeof firm) =>
      Array.from({ length: 20 }).reduce<typeof firm>((s) => updateAdaptiveModel(s, facts, false), m);
    const firmDrop = before - meanPropensity(learn(firm), facts);
    const looseDrop = before - meanPropensity(learn(loose), facts);
    expect(firmDrop).toBeGreaterThan(0);
    expect(looseDrop).toBeGreaterThan(firmDrop + 0.1);
  });

  it('refuses a term whose input is not a predictor, naming the term', () => {
    const bad: LogisticSpec = { ...spec, terms: [{ input: 'customer.tenure', weight: 1 }] };
    expect(() => createAdaptiveModel(config, { spec: bad })).toThrow(
      /prior\.spec\.terms\[0\]\.input: "customer\.tenure" is not one of the adaptive model's predictors/,
    );
    const typeClash: LogisticSpec = { ...spec, terms: [{ input: 'customer.segment', weight: 1 }] };
    expect(() => createAdaptiveModel(config, { spec: typeClash })).toThrow(
      /terms\[0\]\.weight: "customer\.segment" is a category predictor/,
    );
  });
});
