import { compileModel, type AdaptiveFacts } from '@arbiter/engine';
import { createAdaptiveModel } from './warm-start';
import { logOddsPosterior, updateAdaptiveModel, type AdaptiveState } from './bayesian-logistic';
import { decisionSeed, scoreCandidates, type ExplorationPolicy } from './exploration';
import { toEngineSpec } from './engine-spec';

const config = (modelId: string, maturity = 10) => ({
  modelId,
  maturity,
  predictors: [
    { name: 'age', input: 'customer.age', type: 'number' as const, scale: { center: 40, spread: 10 } },
    { name: 'plan', input: 'customer.plan', type: 'string' as const },
  ],
});
const facts = (i: number): AdaptiveFacts => ({
  customer: { age: 20 + (i % 40), plan: ['basic', 'plus', 'pro'][i % 3] },
});

function trained(modelId: string, outcomes: number, maturity = 10): AdaptiveState {
  let model = createAdaptiveModel(config(modelId, maturity));
  for (let i = 0; i < outcomes; i++) model = updateAdaptiveModel(model, facts(i), i % 3 === 0);
  return model;
}

const logit = (p: number) => Math.log(p / (1 - p));

describe('Thompson sampling with a share of decisions', () => {
  const offer = trained('offer', 30);
  const upgrade = trained('upgrade', 30);
  const candidates = (i: number) => [
    { actionId: 'offer', model: offer, facts: facts(i) },
    { actionId: 'upgrade', model: upgrade, facts: facts(i) },
  ];

  it('gives the same draws for the same seed, and different draws for another seed', () => {
    const policy = { share: 1 };
    const a = scoreCandidates(candidates(1), policy, decisionSeed('c1', 'd1'));
    expect(scoreCandidates(candidates(1), policy, decisionSeed('c1', 'd1'))).toEqual(a);
    const b = scoreCandidates(candidates(1), policy, decisionSeed('c1', 'd2'));
    expect(b[0]!.score).not.toBe(a[0]!.score);
    expect(a.every((s) => s.explored)).toBe(true);
    // The two actions draw independently within one decision.
    expect(logit(a[0]!.score) - logit(a[0]!.meanPropensity)).not.toBeCloseTo(
      logit(a[1]!.score) - logit(a[1]!.meanPropensity),
      6,
    );
  });

  it('draws log-odds with the posterior mean and variance (times varianceScale)', () => {
    const { mean, variance } = logOddsPosterior(offer, facts(5));
    for (const varianceScale of [1, 0.25]) {
      const draws = Array.from({ length: 4000 }, (_, d) =>
        logit(
          scoreCandidates(
            [{ actionId: 'offer', model: offer, facts: facts(5) }],
            { share: 1, varianceScale },
            `c:${d}`,
          )[0]!.score,
        ),
      );
      const m = draws.reduce((s, x) => s + x, 0) / draws.length;
      const v = draws.reduce((s, x) => s + (x - m) ** 2, 0) / (draws.length - 1);
      // Standard errors: mean √(v/n) ≈ 0.016·√v, variance ≈ v·√(2/n) ≈ 0.022·v.
      expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt((variance * varianceScale) / draws.length));
      expect(v / (variance * varianceScale)).toBeGreaterThan(0.9);
      expect(v / (variance * varianceScale)).toBeLessThan(1.1);
    }
  });

  it('explores the configured share of decisions, all candidates of a decision alike', () => {
    const policy: ExplorationPolicy = { share: 0.2 };
    let explored = 0;
    for (let d = 0; d < 5000; d++) {
      const scores = scoreCandidates(candidates(d), policy, decisionSeed('c', String(d)));
      expect(scores[0]!.explored).toBe(scores[1]!.explored);
      if (scores[0]!.explored) explored++;
      else expect(scores.map((s) => s.score)).toEqual(scores.map((s) => s.meanPropensity));
    }
    expect(explored / 5000).toBeGreaterThan(0.18);
    expect(explored / 5000).toBeLessThan(0.22);
  });

  it('explores an immature action first: in every decision by default, in immatureShare of them if set', () => {
    const fresh = trained('new-offer', 3); // evidence 3 < maturity 10
    const share = (policy: ExplorationPolicy) => {
      let immature = 0;
      let mature = 0;
      for (let d = 0; d < 4000; d++) {
        const [a, b] = scoreCandidates(
          [
            { actionId: 'new-offer', model: fresh, facts: facts(d) },
            { actionId: 'offer', model: offer, facts: facts(d) },
          ],
          policy,
          `c:${d}`,
        );
        if (a!.explored) immature++;
        if (b!.explored) mature++;
      }
      return [immature / 4000, mature / 4000];
    };
    const [always, matureShare] = share({ share: 0.1 });
    expect(always).toBe(1);
    expect(matureShare).toBeGreaterThan(0.08);
    expect(matureShare).toBeLessThan(0.12);
    const [half] = share({ share: 0.1, immatureShare: 0.5 });
    expect(half).toBeGreaterThan(0.47);
    expect(half).toBeLessThan(0.53);
  });

  it("scores exactly as the engine's adaptive model kind compiled from the state", () => {
    const withCity = (() => {
      let model = createAdaptiveModel({ ...config('offer'), maxCategories: 2 });
      for (let i = 0; i < 40; i++) model = updateAdaptiveModel(model, facts(i), i % 4 === 0);
      return model;
    })();
    const policy = { share: 0.3, varianceScale: 2 };
    const score = compileModel(toEngineSpec(withCity, policy));
    for (let d = 0; d < 300; d++) {
      const f = {
        ...facts(d),
        customer: {
          ...(facts(d).customer as object),
          id: `c${d}`,
          ...(d % 7 === 0 ? { age: undefined } : {}),
        },
      };
      const [ours] = scoreCandidates(
        [{ actionId: 'offer', model: withCity, facts: f }],
        policy,
        decisionSeed(`c${d}`, `d${d}`),
      );
      const engine = score({ ...f, context: { decisionId: `d${d}` }, action: { id: 'offer' }, fields: {} });
      expect(engine).toBe(ours!.score);
    }
  });
});
