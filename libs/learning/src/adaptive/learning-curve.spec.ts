import { auc } from '../metrics';
import { Random } from '../random';
import { createAdaptiveModel } from './warm-start';
import { applyOutcomes } from './outcome-log';
import { meanPropensity, type AdaptiveState } from './bayesian-logistic';

// A simulated world: acceptance depends on age, plan and a missing-prone income.
function customerOf(random: Random) {
  const plan = ['basic', 'plus', 'pro'][Math.floor(random.float() * 3)]!;
  const age = 18 + Math.floor(random.float() * 60);
  const income = random.float() < 0.2 ? undefined : 1000 + random.float() * 9000;
  const z =
    -1 +
    0.04 * (age - 45) +
    (plan === 'pro' ? 1.2 : plan === 'plus' ? 0.4 : -0.5) +
    (income === undefined ? -0.8 : (income - 5500) / 3000);
  return { facts: { customer: { age, plan, income } }, accepts: random.float() < 1 / (1 + Math.exp(-z)) };
}

describe('an adaptive model learning in a simulated world', () => {
  it('ranks held-out customers better as outcomes accumulate', () => {
    const random = new Random(7);
    const train = Array.from({ length: 3000 }, () => customerOf(random));
    const test = Array.from({ length: 2000 }, () => customerOf(random));
    const labels = Uint8Array.from(test.map((t) => (t.accepts ? 1 : 0)));
    const aucOf = (model: AdaptiveState) =>
      auc(Float64Array.from(test.map((t) => meanPropensity(model, t.facts))), labels);
    let model = createAdaptiveModel({
      modelId: 'm',
      predictors: [
        { name: 'age', input: 'customer.age', type: 'number' },
        { name: 'plan', input: 'customer.plan', type: 'string' },
        { name: 'income', input: 'customer.income', type: 'number' },
      ],
    });
    const curve: number[] = [];
    let seq = 0;
    for (const upTo of [20, 200, 3000]) {
      const batch = train
        .slice(seq, upTo)
        .map((t, i) => ({ id: `o${seq + i}`, seq: seq + i + 1, facts: t.facts, label: t.accepts }));
      model = applyOutcomes(model, batch).state;
      seq = upTo;
      curve.push(aucOf(model));
    }
    expect(curve[1]).toBeGreaterThan(curve[0]! + 0.02);
    expect(curve[2]).toBeGreaterThan(curve[1]!);
    // The true model's AUC on this test set is about 0.8; the learner gets close.
    expect(curve[2]).toBeGreaterThan(0.75);
  });
});
