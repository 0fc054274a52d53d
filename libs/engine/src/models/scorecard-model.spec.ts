import { expectOnlyProblem } from '../test-support/engine.test-helpers';
import { modelProblems, score, sigmoid } from '../test-support/models.test-helpers';
import { explainModel, inlineModelSchema } from './model-spec';

const AGE = {
  input: 'customer.age',
  bins: [
    { label: 'young', max: 30, points: 10 },
    { min: 30, max: 50, points: 20 },
    { min: 50, points: 5 },
  ],
  missingPoints: -7,
};
const SEGMENT = {
  input: 'customer.segment',
  bins: [
    { values: ['gold', 'platinum'], points: 15 },
    { values: [1, 2, true], points: 4 },
  ],
  otherPoints: -3,
};
const card = { type: 'scorecard', baseScore: 100, characteristics: [AGE, SEGMENT] };

describe('scorecard model', () => {
  it('adds the points of each characteristic’s bin to the base score', () => {
    expect(score(card, { customer: { age: 40, segment: 'gold' } })).toBe(100 + 20 + 15);
  });

  it('includes a bin’s min and excludes its max', () => {
    const ageOnly = { type: 'scorecard', characteristics: [AGE] };
    expect(score(ageOnly, { customer: { age: 29.999 } })).toBe(10);
    expect(score(ageOnly, { customer: { age: 30 } })).toBe(20);
    expect(score(ageOnly, { customer: { age: 49.999 } })).toBe(20);
    expect(score(ageOnly, { customer: { age: 50 } })).toBe(5);
    expect(score(ageOnly, { customer: { age: -5 } })).toBe(10);
  });

  it('reads numeric text in range bins', () => {
    expect(score({ type: 'scorecard', characteristics: [AGE] }, { customer: { age: '30' } })).toBe(20);
  });

  it('matches values bins exactly, and numbers or booleans also by their text', () => {
    const segmentOnly = { type: 'scorecard', characteristics: [SEGMENT] };
    expect(score(segmentOnly, { customer: { segment: 'platinum' } })).toBe(15);
    expect(score(segmentOnly, { customer: { segment: 'Gold' } })).toBe(-3);
    expect(score(segmentOnly, { customer: { segment: 2 } })).toBe(4);
    expect(score(segmentOnly, { customer: { segment: '2' } })).toBe(4);
    expect(score(segmentOnly, { customer: { segment: 'true' } })).toBe(4);
  });

  it('gives missingPoints for a missing, null or empty input', () => {
    const ageOnly = { type: 'scorecard', characteristics: [AGE] };
    expect(score(ageOnly, { customer: {} })).toBe(-7);
    expect(score(ageOnly, { customer: { age: null } })).toBe(-7);
    expect(score(ageOnly, { customer: { age: '' } })).toBe(-7);
  });

  it('gives otherPoints for a value in no bin, and 0 by default', () => {
    expect(score(card, { customer: { age: 40, segment: 'bronze' } })).toBe(100 + 20 - 3);
    expect(score(card, { customer: { age: 'old', segment: 'gold' } })).toBe(100 + 0 + 15);
  });

  it('maps the total to a probability with the logistic mapping', () => {
    const mapped = { ...card, mapping: { type: 'logistic', intercept: -13, slope: 0.1 } };
    expect(score(mapped, { customer: { age: 40, segment: 'gold' } })).toBeCloseTo(sigmoid(-13 + 13.5), 15);
  });

  it('explains with the points of each bin, times the slope when mapped to a probability', () => {
    const facts = { customer: { segment: 'bronze' }, context: {}, action: {}, fields: {} };
    expect(explainModel(inlineModelSchema.parse(card))!(facts)).toEqual([
      { input: 'customer.age', value: undefined, effect: -7 },
      { input: 'customer.segment', value: 'bronze', effect: -3 },
    ]);
    const mapped = inlineModelSchema.parse({
      ...card,
      mapping: { type: 'logistic', intercept: -13, slope: 0.1 },
    });
    expect(explainModel(mapped)!(facts).map((c) => c.effect)).toEqual([
      expect.closeTo(-0.7, 12),
      expect.closeTo(-0.3, 12),
    ]);
  });

  describe('validation', () => {
    it('rejects a bin with both a range and values, pointing at the bin', () => {
      const bad = {
        type: 'scorecard',
        characteristics: [
          {
            input: 'customer.age',
            bins: [
              { min: 1, points: 1 },
              { min: 1, values: [2], points: 1 },
            ],
          },
        ],
      };
      expectOnlyProblem(modelProblems(bad), {
        code: 'invalid_config',
        nodeId: 'n2',
        field: 'config.model.characteristics[0].bins[1]',
        message: 'a bin has either a range (min/max) or a list of values',
      });
    });

    it('rejects a bin whose min is not below its max', () => {
      const bad = {
        type: 'scorecard',
        characteristics: [{ input: 'customer.age', bins: [{ min: 50, max: 30, points: 1 }] }],
      };
      expectOnlyProblem(modelProblems(bad), {
        code: 'out_of_range',
        field: 'config.model.characteristics[0].bins[0]',
        message: 'min 50 must be below max 30',
      });
    });
  });
});
