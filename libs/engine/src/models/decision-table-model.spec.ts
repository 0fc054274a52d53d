import { describeCell } from './decision-table-model';
import { expectOnlyProblem } from '../test-support/engine.test-helpers';
import { modelProblems, score } from '../test-support/models.test-helpers';

const table = (hitPolicy: string, extra: Record<string, unknown> = {}) => ({
  type: 'decisionTable',
  hitPolicy,
  inputs: ['customer.age', 'customer.segment'],
  rules: [
    { when: [{ operator: 'greaterThanInclusive', value: 65 }, null], output: 0.1, note: 'seniors' },
    { when: [null, { operator: 'in', value: ['gold', 'platinum'] }], output: 0.6 },
    {
      when: [
        { operator: 'lessThan', value: 30 },
        { operator: 'notEqual', value: 'gold' },
      ],
      output: 0.3,
    },
  ],
  ...extra,
});
const customer = (customer: Record<string, unknown>) => ({ customer });

describe('decision table model', () => {
  it('"first" gives the output of the first matching row', () => {
    expect(score(table('first'), customer({ age: 70, segment: 'gold' }))).toBe(0.1);
    expect(score(table('first'), customer({ age: 40, segment: 'gold' }))).toBe(0.6);
    expect(score(table('first'), customer({ age: 20, segment: 'silver' }))).toBe(0.3);
  });

  it('"collectMax" gives the highest output of all matching rows', () => {
    expect(score(table('collectMax'), customer({ age: 70, segment: 'gold' }))).toBe(0.6);
    const tiers = {
      type: 'decisionTable',
      hitPolicy: 'collectMax',
      inputs: ['customer.tenure'],
      rules: [
        { when: [{ operator: 'greaterThanInclusive', value: 0 }], output: 0.9 },
        { when: [{ operator: 'greaterThanInclusive', value: 10 }], output: 0.2 },
      ],
    };
    expect(score(tiers, customer({ tenure: 15 }))).toBe(0.9);
  });

  it('"collectSum" adds the outputs of all matching rows', () => {
    expect(score(table('collectSum'), customer({ age: 70, segment: 'gold' }))).toBeCloseTo(0.7, 15);
    expect(score(table('collectSum'), customer({ age: 20, segment: 'silver' }))).toBe(0.3);
  });

  it('gives the default output when no row matches, and nothing without one', () => {
    expect(score(table('first', { defaultOutput: 0.05 }), customer({ age: 40, segment: 'bronze' }))).toBe(
      0.05,
    );
    expect(
      score(table('collectSum', { defaultOutput: 0.05 }), customer({ age: 40, segment: 'bronze' })),
    ).toBe(0.05);
    expect(score(table('first'), customer({ age: 40, segment: 'bronze' }))).toBeUndefined();
  });

  it('evaluates cells with json-rules-engine operators, including for missing values', () => {
    // lessThan on a missing age does not match; notEqual on a missing segment does.
    expect(score(table('first'), customer({ segment: 'bronze' }))).toBeUndefined();
    expect(score(table('first'), customer({ age: 25 }))).toBe(0.3);
    const lists = {
      type: 'decisionTable',
      hitPolicy: 'first',
      inputs: ['customer.products'],
      rules: [
        { when: [{ operator: 'contains', value: 'fibre' }], output: 1 },
        { when: [{ operator: 'doesNotContain', value: 'mobile' }], output: 2 },
      ],
    };
    expect(score(lists, customer({ products: ['fibre', 'tv'] }))).toBe(1);
    expect(score(lists, customer({ products: ['tv'] }))).toBe(2);
    expect(score(lists, customer({ products: 'fibre' }))).toBeUndefined();
  });

  it('treats a cell that json-rules-engine would throw on as not matching', () => {
    const throwing = {
      type: 'decisionTable',
      hitPolicy: 'first',
      inputs: ['customer.age'],
      rules: [{ when: [{ operator: 'in', value: 5 }], output: 1 }],
      defaultOutput: 0,
    };
    expect(score(throwing, customer({ age: 5 }))).toBe(0);
  });

  it('words a cell for the studio and the diff', () => {
    expect(describeCell('age', { operator: 'greaterThanInclusive', value: 65 })).toBe('age ≥ 65');
    expect(describeCell('segment', { operator: 'in', value: ['gold', 'platinum'] })).toBe(
      'segment is one of "gold", "platinum"',
    );
    expect(describeCell('segment', null)).toBe('segment any');
  });

  describe('validation', () => {
    it('reports a row with the wrong number of cells', () => {
      const bad = {
        ...table('first'),
        rules: [
          { when: [null, null], output: 1 },
          { when: [{ operator: 'equal', value: 1 }], output: 2 },
        ],
      };
      expectOnlyProblem(modelProblems(bad), {
        code: 'invalid_config',
        nodeId: 'n2',
        field: 'config.model.rules[1].when',
        message: 'row 2 has 1 cell but the table has 2 inputs; give it one cell per input (null for "any")',
      });
    });

    it('reports an unknown operator in a cell', () => {
      const bad = {
        ...table('first'),
        rules: [{ when: [null, { operator: 'startsWith', value: 'g' }], output: 1 }],
      };
      expectOnlyProblem(modelProblems(bad), {
        code: 'invalid_config',
        field: 'config.model.rules[0].when[1].operator',
        message: expect.stringContaining('"startsWith"'),
      });
    });

    it('reports an unknown hit policy', () => {
      expectOnlyProblem(modelProblems(table('collectAll')), {
        code: 'invalid_config',
        field: 'config.model.hitPolicy',
      });
    });
  });
});
