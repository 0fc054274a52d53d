import { createAdaptiveModel } from './warm-start';
import { logOddsPosterior, meanPropensity, updateAdaptiveModel } from './bayesian-logistic';
import { snapshotAdaptiveModel } from './snapshot';
import { AdaptiveModelError } from './adaptive-config';

const customer = (fields: Record<string, unknown>) => ({ customer: fields });

describe('Bayesian logistic regression, updated per outcome', () => {
  it('moves an intercept-only model to the exact Laplace update (worked by hand)', () => {
    // Prior N(0, 1). A positive outcome: α solves α = 1 − σ(α) ⇒ α = 0.401058…, so the mean becomes α
    // and the precision 1 + p(1 − p) with p = σ(α).
    const model = updateAdaptiveModel(createAdaptiveModel({ modelId: 'm', predictors: [] }), {}, true);
    const alpha = model.means[0]!;
    expect(alpha).toBeCloseTo(1 - 1 / (1 + Math.exp(-alpha)), 14);
    expect(alpha).toBeCloseTo(0.40105813754154707, 12);
    expect(model.precisions[0]).toBeCloseTo(1.2402105078532526, 12);
    expect(meanPropensity(model, {})).toBeCloseTo(0.598941862458453, 12);
    expect([model.evidence, model.positives, model.version]).toEqual([1, 1, 1]);
    // Then a negative one, from N(0.401…, 1/1.2402…): the step is scaled by the new variance.
    const next = updateAdaptiveModel(model, {}, false);
    expect(next.means[0]).toBeCloseTo(-0.0017470576527877646, 12);
    expect(next.precisions[0]).toBeCloseTo(1.490210317090197, 12);
  });

  it('splits the update between weights in proportion to x / precision', () => {
    // Intercept and x = 2 (fixed scale), negative outcome: μ = 0, v = 1 + 4 = 5, α = −σ(5α) = −0.2355…
    const blank = createAdaptiveModel({
      modelId: 'm',
      predictors: [{ name: 'x', input: 'customer.x', type: 'number', scale: { center: 0, spread: 1 } }],
    });
    const model = updateAdaptiveModel(blank, customer({ x: 2 }), false);
    const [intercept, x] = [model.features.indexOf('intercept'), model.features.indexOf('x')];
    expect(model.means[intercept]).toBeCloseTo(-0.23550105283071204, 12);
    expect(model.means[x]).toBeCloseTo(-0.4710021056614241, 12);
    expect(model.precisions[intercept]).toBeCloseTo(1.180040306946338, 12);
    expect(model.precisions[x]).toBeCloseTo(1.7201612277853529, 12);
    // The missing indicator saw nothing and keeps its prior.
    expect(model.precisions[model.features.indexOf('x=∅')]).toBe(1);
  });

  it('is pure and deterministic: the same outcomes give the same state hash, the input is untouched', () => {
    const config = {
      modelId: 'm',
      predictors: [
        { name: 'age', input: 'customer.age', type: 'number' as const },
        { name: 'city', input: 'customer.city', type: 'string' as const },
      ],
    };
    const outcomes = Array.from({ length: 50 }, (_, i) => ({
      facts: customer({ age: 20 + (i % 7) * 5, city: ['Paris', 'Lyon', 'Nice'][i % 3] }),
      label: i % 4 === 0,
    }));
    const run = () =>
      outcomes.reduce((s, o) => updateAdaptiveModel(s, o.facts, o.label), createAdaptiveModel(config));
    const start = createAdaptiveModel(config);
    const before = snapshotAdaptiveModel(start).hash;
    updateAdaptiveModel(start, outcomes[0]!.facts, true);
    expect(snapshotAdaptiveModel(start).hash).toBe(before);
    expect(snapshotAdaptiveModel(run()).hash).toBe(snapshotAdaptiveModel(run()).hash);
    expect(snapshotAdaptiveModel(run()).hash).not.toBe(before);
  });

  it('caps the vocabulary: later categories share "other", missing values their own weight', () => {
    let model = createAdaptiveModel({
      modelId: 'm',
      maxCategories: 2,
      predictors: [{ name: 'city', input: 'customer.city', type: 'string' }],
    });
    for (const city of ['Paris', 'Lyon', 'Nice', 'Rome', undefined])
      model = updateAdaptiveModel(model, customer({ city }), true);
    expect(model.features).toEqual(['intercept', 'city=∅', 'city=*', 'city=Paris', 'city=Lyon']);
    // Nice and Rome were learned into "other"; the missing one into "∅".
    expect(model.precisions[2]).toBeGreaterThan(model.precisions[3]!);
    expect(model.precisions[1]).toBeGreaterThan(1);
    expect(logOddsPosterior(model, customer({ city: 'Oslo' }))).toEqual(
      logOddsPosterior(model, customer({ city: 'Nice' })),
    );
  });

  it('standardises a number with running statistics when no scale is given', () => {
    let model = createAdaptiveModel({
      modelId: 'm',
      predictors: [{ name: 'income', input: 'customer.income', type: 'number' }],
    });
    for (const income of [1000, 3000, 5000])
      model = updateAdaptiveModel(model, customer({ income }), income > 2000);
    const slot = model.predictors[0]!;
    expect(slot.kind === 'number' && [slot.center, slot.spread]).toEqual([3000, 2000]);
  });

  it('learns a positive effect of a predictor', () => {
    let model = createAdaptiveModel({
      modelId: 'm',
      predictors: [{ name: 'vip', input: 'customer.vip', type: 'boolean' }],
    });
    for (let i = 0; i < 200; i++)
      model = updateAdaptiveModel(
        model,
        customer({ vip: i % 2 === 0 }),
        i % 2 === 0 ? i % 10 !== 0 : i % 10 === 1,
      );
    expect(meanPropensity(model, customer({ vip: true }))).toBeGreaterThan(0.7);
    expect(meanPropensity(model, customer({ vip: false }))).toBeLessThan(0.3);
  });

  it('refuses a bad configuration or label, naming the field', () => {
    expect(() =>
      createAdaptiveModel({ modelId: 'm', predictors: [{ name: 'a', input: 'age', type: 'number' }] }),
    ).toThrow(
      new AdaptiveModelError(
        'predictors[0].input',
        '"age" is not an input; write customer.x, context.x or action.x',
      ),
    );
    expect(() => createAdaptiveModel({ modelId: 'm', predictors: [], priorVariance: -1 })).toThrow(
      /priorVariance: must be a positive number/,
    );
    const model = createAdaptiveModel({ modelId: 'm', predictors: [] });
    expect(() => updateAdaptiveModel(model, {}, 1 as unknown as boolean)).toThrow(
      /label: must be true or false/,
    );
  });
});
