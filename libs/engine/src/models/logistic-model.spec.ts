import { CATALOG } from '../test-support/build-strategy';
import { expectOnlyProblem } from '../test-support/engine.test-helpers';
import { modelProblems, score, sigmoid } from '../test-support/models.test-helpers';
import { explainModel, inlineModelSchema } from './model-spec';

const model = (terms: unknown[], intercept = -1) => ({ type: 'logistic', intercept, terms });

describe('logistic model', () => {
  it('turns the intercept alone into a probability', () => {
    expect(score(model([], 0))).toBe(0.5);
    expect(score(model([], 2))).toBeCloseTo(sigmoid(2), 15);
  });

  it('adds weight × value for a numeric input', () => {
    expect(score(model([{ input: 'customer.age', weight: 0.05 }]), { customer: { age: 40 } })).toBeCloseTo(
      sigmoid(-1 + 2),
      15,
    );
  });

  it('reads numbers written as text, as they come from CSV files', () => {
    const m = model([{ input: 'customer.age', weight: 0.05 }]);
    expect(score(m, { customer: { age: '40' } })).toBeCloseTo(sigmoid(1), 15);
    expect(score(m, { customer: { age: ' 40 ' } })).toBeCloseTo(sigmoid(1), 15);
    expect(score(m, { customer: { age: '4e1' } })).toBeCloseTo(sigmoid(1), 15);
  });

  it('adds nothing for a missing or non-numeric input without ifMissing', () => {
    const m = model([{ input: 'customer.age', weight: 0.05 }]);
    for (const age of [undefined, null, '', 'forty', true, Number.NaN]) {
      expect(score(m, { customer: { age } })).toBeCloseTo(sigmoid(-1), 15);
    }
  });

  it('uses ifMissing in place of a missing or non-numeric input', () => {
    const m = model([{ input: 'customer.age', weight: 0.05, ifMissing: 30 }]);
    expect(score(m, { customer: {} })).toBeCloseTo(sigmoid(-1 + 1.5), 15);
    expect(score(m, { customer: { age: 'unknown' } })).toBeCloseTo(sigmoid(-1 + 1.5), 15);
    expect(score(m, { customer: { age: 0 } })).toBeCloseTo(sigmoid(-1), 15);
  });

  it('adds missingWeight for a missing or non-numeric input, before ifMissing', () => {
    const m = model([{ input: 'customer.age', weight: 0.05, missingWeight: 0.7, ifMissing: 30 }]);
    expect(score(m, { customer: {} })).toBeCloseTo(sigmoid(-1 + 0.7), 15);
    expect(score(m, { customer: { age: 'unknown' } })).toBeCloseTo(sigmoid(-1 + 0.7), 15);
    expect(score(m, { customer: { age: 20 } })).toBeCloseTo(sigmoid(-1 + 1), 15);
  });

  it('scores the same with or without center: it only shifts how a term is explained', () => {
    const plain = model([{ input: 'customer.age', weight: 0.05 }]);
    const centred = model([{ input: 'customer.age', weight: 0.05, center: 40 }]);
    expect(score(centred, { customer: { age: 30 } })).toBe(score(plain, { customer: { age: 30 } }));
  });

  describe('explanation', () => {
    const explain = (terms: unknown[], customer: Record<string, unknown>) =>
      explainModel(inlineModelSchema.parse(model(terms)))!({ customer, context: {}, action: {}, fields: {} });

    it('shows a numeric term as weight × (x − center), and the category weight for a category', () => {
      expect(
        explain(
          [
            { input: 'customer.age', weight: 0.05, center: 40 },
            { input: 'customer.segment', categories: { gold: 0.8 }, otherwise: -0.2 },
          ],
          { age: 30, segment: 'bronze' },
        ),
      ).toEqual([
        { input: 'customer.age', value: 30, effect: expect.closeTo(-0.5, 12) },
        { input: 'customer.segment', value: 'bronze', effect: -0.2 },
      ]);
    });

    it('shows missingWeight, else the centred ifMissing, for a missing input', () => {
      expect(explain([{ input: 'customer.age', weight: 0.1, missingWeight: 0.3 }], {})).toEqual([
        { input: 'customer.age', value: undefined, effect: 0.3 },
      ]);
      expect(
        explain([{ input: 'customer.age', weight: 0.1, ifMissing: 30, center: 40 }], {})[0]!.effect,
      ).toBeCloseTo(-1, 12);
      expect(explain([{ input: 'customer.age', weight: 0.1 }], { age: 'n/a' })[0]!.effect).toBe(0);
    });

    it('adds up terms on the same input', () => {
      expect(
        explain(
          [
            { input: 'customer.age', weight: 0.1 },
            { input: 'customer.age', categories: { '30': 0.5 } },
          ],
          { age: 30 },
        ),
      ).toEqual([{ input: 'customer.age', value: 30, effect: expect.closeTo(3.5, 12) }]);
    });
  });

  describe('categorical term', () => {
    const m = model([
      {
        input: 'customer.segment',
        categories: { gold: 0.8, silver: 0.3, '3': 0.1, true: 0.2 },
        otherwise: -0.2,
        ifMissing: -0.5,
      },
    ]);

    it('adds the weight of the category', () => {
      expect(score(m, { customer: { segment: 'gold' } })).toBeCloseTo(sigmoid(-0.2), 15);
      expect(score(m, { customer: { segment: 'silver' } })).toBeCloseTo(sigmoid(-0.7), 15);
    });

    it('matches numbers and booleans by their text', () => {
      expect(score(m, { customer: { segment: 3 } })).toBeCloseTo(sigmoid(-0.9), 15);
      expect(score(m, { customer: { segment: true } })).toBeCloseTo(sigmoid(-0.8), 15);
    });

    it('adds otherwise for an unlisted category, and ifMissing for a missing one', () => {
      expect(score(m, { customer: { segment: 'bronze' } })).toBeCloseTo(sigmoid(-1.2), 15);
      expect(score(m, { customer: {} })).toBeCloseTo(sigmoid(-1.5), 15);
      expect(score(m, { customer: { segment: '' } })).toBeCloseTo(sigmoid(-1.5), 15);
    });

    it('adds nothing for an unlisted or missing category without otherwise / ifMissing', () => {
      const plain = model([{ input: 'customer.segment', categories: { gold: 0.8 } }]);
      expect(score(plain, { customer: { segment: 'bronze' } })).toBeCloseTo(sigmoid(-1), 15);
      expect(score(plain, { customer: {} })).toBeCloseTo(sigmoid(-1), 15);
    });

    it('does not match inherited names such as "constructor"', () => {
      expect(score(m, { customer: { segment: 'constructor' } })).toBeCloseTo(sigmoid(-1.2), 15);
    });
  });

  it('reads the action, computed fields and nested customer data', () => {
    const m = model([
      { input: 'action.value', weight: 0.01 },
      { input: 'fields.affinity', weight: 1 },
      { input: 'customer.address.city', categories: { Lyon: 0.5 } },
    ]);
    expect(
      score(m, {
        action: { value: 100 },
        fields: { affinity: 0.25 },
        customer: { address: { city: 'Lyon' } },
      }),
    ).toBeCloseTo(sigmoid(-1 + 1 + 0.25 + 0.5), 15);
  });

  describe('validation', () => {
    it('rejects an input that is not a customer/context/action/fields reference, and says how to write one', () => {
      const problems = modelProblems(model([{ input: 'age', weight: 1 }]));
      expectOnlyProblem(problems, {
        code: 'invalid_config',
        nodeId: 'n2',
        field: 'config.model.terms[0].input',
        message: expect.stringContaining('write customer.name'),
      });
    });

    it('reports an input the customer schema does not declare', () => {
      const env = { actions: CATALOG, schema: { customer: [{ name: 'age', type: 'number' as const }] } };
      const problems = modelProblems(
        model([
          { input: 'customer.age', weight: 1 },
          { input: 'customer.income', weight: 1 },
        ]),
        env,
      );
      expectOnlyProblem(problems, {
        code: 'unknown_field',
        field: 'config.model.terms[1].input',
        message: expect.stringContaining('"income"'),
      });
    });

    it('reports a weight out of range', () => {
      expectOnlyProblem(modelProblems(model([{ input: 'customer.age', weight: 5000 }])), {
        code: 'out_of_range',
        nodeId: 'n2',
        field: 'config.model.terms[0].weight',
      });
    });
  });
});
