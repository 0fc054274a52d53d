import { canonicalJson, seededRandom } from '@arbiter/engine';
import { applyOutcomes } from '@arbiter/learning';
import type { AdaptiveModelConfig } from './adaptive-config';
import { emptyLearned, learnOne, priorState, servingSpec } from './adaptive-learning';

const config: AdaptiveModelConfig = {
  predictors: [
    { input: 'customer.age', type: 'number', center: null, spread: null },
    { input: 'customer.segment', type: 'string', center: null, spread: null },
  ],
  positiveOutcomes: ['accepted'],
  negativeOutcomes: ['declined'],
  noResponseHours: null,
  prior: null,
  explorationShare: 0.1,
  maturity: 10,
  groupBy: 'action',
  aucFloor: null,
  calibrationFloor: null,
};

function outcomes(n: number) {
  const random = seededRandom(3);
  return Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    seq: i + 1,
    facts: {
      customer: { age: 20 + Math.floor(random() * 50), segment: ['a', 'b', 'c'][i % 3] },
      context: {},
      action: { id: i % 4 ? 'card' : 'loan' },
    },
    label: random() < 0.3,
  }));
}

describe('learning an adaptive model version', () => {
  it('ends, per group, in exactly the state of the learning library applying the same outcomes (1500: the id window wraps)', () => {
    const prior = priorState('m', config, null);
    const all = outcomes(1500);
    const learned = emptyLearned(0);
    for (const o of all) expect(learnOne(learned, prior, 'action', o)).toBeGreaterThan(0);
    for (const key of ['card', 'loan']) {
      const expected = applyOutcomes(
        prior,
        all.filter((o) => o.facts.action.id === key),
      ).state;
      expect(canonicalJson(learned.groups[key])).toBe(canonicalJson(expected));
    }
    // Learned once: the same outcomes again change nothing.
    const before = canonicalJson(learned);
    for (const o of all) expect(learnOne(learned, prior, 'action', o)).toBeUndefined();
    expect(canonicalJson(learned)).toBe(before);
  });

  it('serves one posterior per group over the prior, with exploration off entirely at share 0', () => {
    const prior = priorState('m', config, null);
    const learned = emptyLearned(0);
    for (const o of outcomes(30)) learnOne(learned, prior, 'action', o);
    const spec = servingSpec(learned, prior, config);
    expect(spec).toMatchObject({
      type: 'adaptive',
      groupBy: 'action.id',
      exploration: { share: 0.1, immatureShare: 1 },
    });
    expect(Object.keys(spec.groups!).sort()).toEqual(['card', 'loan']);
    expect(spec.groups!['card']!.evidence + spec.groups!['loan']!.evidence).toBe(30);
    expect(servingSpec(learned, prior, { groupBy: 'none', explorationShare: 0 }).exploration).toMatchObject({
      share: 0,
      immatureShare: 0,
    });
  });
});
