import { CATALOG, linearStrategy } from '../test-support/build-strategy';
import { validateStrategy } from '../validation/validate-strategy';
import { expectOnlyProblem } from '../test-support/engine.test-helpers';
import { modelProblems, score } from '../test-support/models.test-helpers';

const expression = (text: string) => ({ type: 'expression', expression: text });
const SCHEMA = {
  actions: CATALOG,
  schema: {
    customer: [
      { name: 'age', type: 'number' as const },
      { name: 'tenure', type: 'number' as const },
    ],
  },
};

describe('expression model', () => {
  it('computes the score from customer, action and fields', () => {
    const m = expression('min(customer.age, 60) * 0.01 + coalesce(fields.propensity, 0.1) * action.value');
    expect(score(m, { customer: { age: 70 }, action: { value: 10 } })).toBeCloseTo(0.6 + 1, 12);
    expect(
      score(m, { customer: { age: 30 }, action: { value: 10 }, fields: { propensity: 0.5 } }),
    ).toBeCloseTo(0.3 + 5, 12);
  });

  it('gives no score when the result is not a number', () => {
    expect(score(expression('customer.age / 0'), { customer: { age: 3 } })).toBeUndefined();
    expect(score(expression('customer.age * 2'), { customer: {} })).toBeUndefined();
  });

  describe('validation', () => {
    it('reports a syntax error as invalid_expression on the expression, with its position', () => {
      const problems = modelProblems(expression('customer.age *'), SCHEMA);
      expectOnlyProblem(problems, {
        code: 'invalid_expression',
        nodeId: 'n2',
        field: 'config.model.expression',
      });
      expect(problems[0]!.message).toMatch(/\(at character \d+\)$/);
    });

    it('reports a customer field that is not declared, suggesting the declared one', () => {
      const problems = modelProblems(expression('customer.agee * 0.01'), SCHEMA);
      expectOnlyProblem(problems, {
        code: 'invalid_expression',
        field: 'config.model.expression',
        message: "customer field 'agee' is not declared; did you mean 'age'? (at character 10)",
      });
    });

    it('reports an unknown function', () => {
      const problems = modelProblems(expression('random() * customer.age'), SCHEMA);
      expectOnlyProblem(problems, { code: 'invalid_expression', field: 'config.model.expression' });
    });

    it('reports every problem of a score node, one per expression', () => {
      const doc = {
        model: expression('customer.agee'),
        byGroup: { retention: expression('customer.tenur + 1') },
      };
      const problems = validateStrategy(
        linearStrategy([
          ['actions', {}],
          ['score', doc],
          ['output', {}],
        ]),
        SCHEMA,
      ).problems;
      expect(problems.map((p) => [p.code, p.field])).toEqual([
        ['invalid_expression', 'config.model.expression'],
        ['invalid_expression', 'config.byGroup.retention.expression'],
      ]);
    });
  });
});
