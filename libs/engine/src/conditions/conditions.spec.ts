import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { DataSchema } from '../catalog/fields';
import { checkCondition, type ConditionScope } from './check-condition';
import { compileCondition } from './compile-condition';
import { describeCondition } from './describe-condition';
import { parsePath } from './path';
import { PathSlots } from './path-slots';
import { FACT_NAMES, type ComparisonCondition, type Condition, type ConditionFacts } from './types';

const SCOPE: ConditionScope = { facts: FACT_NAMES };

function facts(customer: unknown, rest: Partial<ConditionFacts> = {}): ConditionFacts {
  return { customer, context: {}, action: {}, fields: {}, ...rest };
}

function errorsOf(condition: unknown, scope: ConditionScope = SCOPE) {
  return checkCondition(condition, scope, { field: 'condition' }).filter((p) => p.severity === 'error');
}

/** Our verdict: 'error' if checkCondition rejects the condition or the evaluation throws. */
function verdict(condition: unknown, f: ConditionFacts): boolean | 'error' {
  if (errorsOf(condition).length > 0) return 'error';
  try {
    return compileCondition(condition as Condition).test(f);
  } catch {
    return 'error';
  }
}

/** json-rules-engine's verdict for the same condition and facts. */
async function reference(condition: unknown, f: ConditionFacts): Promise<boolean | 'error'> {
  const engine = new Engine();
  try {
    engine.addRule({ conditions: structuredClone(condition) as TopLevelCondition, event: { type: 'hit' } });
    const { events } = await engine.run({ ...f });
    return events.length > 0;
  } catch {
    return 'error';
  }
}

/** A one-comparison condition on a customer field. */
function on(path: string, operator: string, value: unknown): Condition {
  return { all: [{ fact: 'customer', path, operator, value }] };
}

async function expectVerdict(condition: Condition, f: ConditionFacts, expected: boolean | 'error') {
  expect(verdict(condition, f)).toBe(expected);
  expect(await reference(condition, f)).toBe(expected);
}

describe('operators (same verdicts as json-rules-engine)', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['equal', 'gold', 'gold', true],
    ['equal', '18', 18, false], // strict: no coercion
    ['equal', undefined, null, false], // missing is not null
    ['notEqual', 'gold', 'silver', true],
    ['notEqual', undefined, 'gold', true],
    ['in', 'gold', ['gold', 'silver'], true],
    ['in', 'bronze', ['gold', 'silver'], false],
    ['in', undefined, ['gold', 'silver'], false],
    ['in', 18, ['18'], false],
    ['notIn', 'bronze', ['gold', 'silver'], true],
    ['notIn', undefined, ['gold'], true],
    ['contains', ['vip', 'new'], 'vip', true],
    ['contains', ['new'], 'vip', false],
    ['contains', 'vip member', 'vip', false], // not a list: false, no substring match
    ['contains', undefined, 'vip', false],
    ['doesNotContain', ['new'], 'vip', true],
    ['doesNotContain', 'new', 'vip', false], // not a list
    ['greaterThan', 20, 18, true],
    ['greaterThan', 18, 18, false],
    ['greaterThanInclusive', 18, 18, true],
    ['lessThan', 17.5, 18, true],
    ['lessThanInclusive', -1, 0, true],
    ['greaterThan', '20', 18, true], // numeric strings compare as numbers
    ['lessThan', ' 7', 10, true],
    ['greaterThan', '1e3', 999, true],
    ['greaterThan', '3abc', 2, false], // passes the number check, "3abc" > 2 is false
    ['greaterThan', '', -1, false], // not a number
    ['greaterThan', undefined, -1, false], // missing
    ['lessThan', null, 1, false],
    ['greaterThan', true, 0, false],
    ['greaterThan', Number.NaN, 0, false],
  ])('%s: %p vs %p is %p', async (operator, actual, value, expected) => {
    await expectVerdict(on('$.x', operator, value), facts({ x: actual }), expected);
  });

  it('"in" with a string value checks for a substring, as json-rules-engine does', async () => {
    await expectVerdict(on('$.segment', 'in', 'gold,silver'), facts({ segment: 'gold' }), true);
    await expectVerdict(on('$.segment', 'in', 'gold,silver'), facts({ segment: 'old' }), true);
    await expectVerdict(on('$.segment', 'in', 'gold,silver'), facts({ segment: 'bronze' }), false);
  });

  it('"in" with a number or null value is rejected by checkCondition (json-rules-engine would throw)', async () => {
    for (const value of [5, null, true, { a: 1 }]) {
      const condition = on('$.segment', 'in', value);
      expect(errorsOf(condition)).toEqual([
        expect.objectContaining({
          code: 'invalid_condition',
          field: 'condition.all[0].value',
          message: expect.stringContaining('"in" needs a list'),
        }),
      ]);
      expect(await reference(condition, facts({ segment: 'gold' }))).toBe('error');
    }
    expect(errorsOf(on('$.segment', 'notIn', 7))).toHaveLength(1);
  });

  it('"in" against a fact that is not a list throws, like json-rules-engine', async () => {
    const condition = on('$.segment', 'in', { fact: 'customer', path: '$.allowed' });
    expect(errorsOf(condition)).toEqual([]);
    await expectVerdict(condition, facts({ segment: 'gold', allowed: ['gold'] }), true);
    await expectVerdict(condition, facts({ segment: 'gold', allowed: 5 }), 'error');
    await expectVerdict(condition, facts({ segment: 'gold' }), 'error');
    const compiled = compileCondition(condition);
    expect(compiled.mayThrow).toBe(true);
    expect(compiled.explain(facts({ segment: 'gold', allowed: 5 }))).toMatchObject({
      passed: false,
      error: true,
    });
  });

  it('"in" with a long list behaves like indexOf, also for NaN', async () => {
    const list = [1, 2, 3, 4, 5, 6, 7, 8, Number.NaN];
    await expectVerdict(on('$.x', 'in', list), facts({ x: 8 }), true);
    await expectVerdict(on('$.x', 'in', list), facts({ x: '8' }), false);
    await expectVerdict(on('$.x', 'in', list), facts({ x: Number.NaN }), false);
    const strings = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    await expectVerdict(on('$.x', 'in', strings), facts({ x: 'j' }), true);
    await expectVerdict(on('$.x', 'in', strings), facts({ x: 'k' }), false);
  });

  it.each<[string, unknown, unknown, boolean | 'error']>([
    ['someFact:equal', ['a', 'vip'], 'vip', true],
    ['someFact:equal', ['a'], 'vip', false],
    ['someFact:equal', 'vip', 'vip', false], // not a list
    ['everyFact:greaterThan', [5, 6], 3, true],
    ['everyFact:greaterThan', [5, 1], 3, false],
    ['everyFact:greaterThan', [], 3, true], // vacuously
    ['someValue:equal', 'b', ['a', 'b'], true],
    ['someValue:equal', 'c', ['a', 'b'], false],
    ['someValue:equal', 'c', 'abc', 'error'], // the value must be a list
    ['everyValue:notEqual', 'c', ['a', 'b'], true],
    ['not:in', 'c', ['a', 'b'], true],
    ['not:contains', undefined, 'a', true],
    ['swap:contains', 'b', ['a', 'b'], true], // the value list contains the fact
    ['swap:in', ['a', 'b'], 'b', true],
    ['swap:in', 5, 'b', 'error'],
    ['someFact:not:equal', ['a', 'a'], 'a', false],
    ['someFact:someValue:equal', ['x', 'b'], ['a', 'b'], true],
  ])('decorated %s: %p vs %p is %p', async (operator, actual, value, expected) => {
    await expectVerdict(on('$.x', operator, value), facts({ x: actual }), expected);
  });

  it('rejects unknown operators and decorators with the list of valid ones', () => {
    for (const operator of ['equals', 'foo:equal', 'someFact:', ':equal', 'Equal']) {
      expect(errorsOf(on('$.x', operator, 1))).toEqual([
        expect.objectContaining({
          code: 'invalid_condition',
          field: 'condition.all[0].operator',
          message: expect.stringMatching(/^unknown operator .*use one of equal, notEqual, in/),
        }),
      ]);
    }
  });
});

describe('all / any / not and priorities', () => {
  const vip: ComparisonCondition = { fact: 'customer', path: '$.vip', operator: 'equal', value: true };
  /** Throws in json-rules-engine whenever it is evaluated, because $.allowed is not a list. */
  const broken: ComparisonCondition = {
    fact: 'customer',
    path: '$.segment',
    operator: 'in',
    value: { fact: 'customer', path: '$.allowed' },
  };

  it('empty "all" and empty "any" pass (with a warning from checkCondition)', async () => {
    await expectVerdict({ all: [] }, facts({}), true);
    await expectVerdict({ any: [] }, facts({}), true);
    await expectVerdict({ not: { any: [] } }, facts({}), false);
    expect(checkCondition({ any: [] }, SCOPE, { field: 'condition' })).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'condition.any',
        message: expect.stringContaining('always passes'),
      }),
    ]);
    expect(compileCondition({ all: [] }).explain(facts({}))).toEqual({
      passed: true,
      reason: 'no conditions in "all", so it passes',
    });
  });

  // vip has the higher priority in both, so it is evaluated before broken.
  const anyVipFirst: Condition = {
    any: [
      { ...vip, priority: 2 },
      { ...broken, priority: 1 },
    ],
  };
  const allVipFirst: Condition = {
    all: [
      { ...broken, priority: 1 },
      { ...vip, priority: 3 },
    ],
  };

  // The vip value that settles the group on its own (any: true, all: false); the other leaves it to broken.
  it.each([
    { group: 'any', condition: anyVipFirst, deciding: true },
    { group: 'all', condition: allVipFirst, deciding: false },
  ])(
    'a higher-priority set that decides "$group" stops evaluation before an erroring lower-priority set',
    async ({ condition, deciding }) => {
      await expectVerdict(condition, facts({ vip: deciding, segment: 'gold' }), deciding);
      await expectVerdict(condition, facts({ vip: !deciding, segment: 'gold' }), 'error');
    },
  );

  it('explains an "any" decided by a higher-priority set by that set alone', () => {
    expect(compileCondition(anyVipFirst).explain(facts({ vip: true }))).toEqual({
      passed: true,
      reason: 'vip is true',
    });
  });

  it('within one priority set every condition is evaluated, so an error is not short-circuited', async () => {
    // Same priority: json-rules-engine evaluates both (Promise.all), so the error surfaces.
    await expectVerdict({ any: [vip, broken] }, facts({ vip: true, segment: 'gold' }), 'error');
    await expectVerdict(
      { all: [{ ...vip, value: false }, broken] },
      facts({ vip: true, segment: 'gold' }),
      'error',
    );
    // Priority on a nested group counts like on a comparison.
    await expectVerdict({ any: [{ all: [vip], priority: 5 }, broken] }, facts({ vip: true }), true);
  });

  it('a single child is evaluated directly, whatever its priority', async () => {
    await expectVerdict({ any: [{ ...vip, priority: 3 }] }, facts({ vip: true }), true);
    await expectVerdict({ not: { ...vip, priority: 2 } }, facts({ vip: true }), false);
  });

  it('reports compiled priority, facts read and whether it may throw', () => {
    const compiled = compileCondition({
      all: [vip, { fact: 'fields', path: '$.propensity', operator: 'greaterThan', value: 0.2 }],
      priority: 4,
    });
    expect(compiled.priority).toBe(4);
    expect([...compiled.reads].sort()).toEqual(['customer', 'fields']);
    expect(compiled.mayThrow).toBe(false);
    expect(compileCondition({ all: [broken] }).mayThrow).toBe(true);
  });
});

describe('paths', () => {
  const customer = {
    age: 30,
    address: { city: 'Lyon', zip: { code: '69001' } },
    'first name': 'Ann',
    tags: ['vip', 'new'],
    orders: [{ total: 120 }],
  };

  it.each<[string, unknown, unknown]>([
    ['$.age', 'equal', 30],
    ['$.address.city', 'equal', 'Lyon'],
    ['$.address.zip.code', 'equal', '69001'],
    ["$['first name']", 'equal', 'Ann'],
    ['$["first name"]', 'equal', 'Ann'],
    ['$.tags[0]', 'equal', 'vip'],
    ['$.tags[1]', 'equal', 'new'],
    ['$.orders[0].total', 'equal', 120],
    ["$['address']['city']", 'equal', 'Lyon'],
    ['$.tags.length', 'equal', 2],
    ["$.address['dot.property']", 'equal', 'dotted'],
    ['$.first-name', 'equal', 'Annie'],
    ['$.orders[*].total', 'contains', 120],
    ['$.orders.*.total', 'someFact:greaterThan', 100],
    ['$.orders[*].total', 'everyFact:greaterThan', 50],
    ['$.tags[*]', 'contains', 'new'],
    ['$.tags[1:]', 'contains', 'new'],
    ['$.tags[-1:]', 'doesNotContain', 'vip'],
    ['$.address.*', 'contains', 'Lyon'],
    ['$.orders[*].missing', 'equal', undefined],
  ])('%s reads the expected value, as json-rules-engine does', async (path, operator, value) => {
    const withMore = {
      ...customer,
      address: { ...customer.address, 'dot.property': 'dotted' },
      orders: [{ total: 120 }, { total: 80 }],
      'first-name': 'Annie',
    };
    await expectVerdict(on(path, operator as string, value), facts(withMore), true);
  });

  it('a wildcard over one item still gives a list, over none gives a missing value', async () => {
    const one = facts({ orders: [{ total: 120 }] });
    await expectVerdict(on('$.orders[*].total', 'equal', 120), one, false);
    await expectVerdict(on('$.orders[*].total', 'contains', 120), one, true);
    await expectVerdict(on('$.orders[*].total', 'equal', undefined), facts({ orders: [] }), true);
  });

  it('extra properties on conditions are kept as metadata and change no verdict', async () => {
    const condition = {
      name: 'adults',
      customId: 'rule-7',
      all: [
        { fact: 'customer', path: '$.age', operator: 'greaterThan', value: 18, customId: 'c-1', name: 'age' },
      ],
    };
    expect(errorsOf(condition)).toEqual([]);
    await expectVerdict(condition, facts(customer), true);
    await expectVerdict(condition, facts({ age: 12 }), false);
  });

  it.each([
    [{ all: [], evaluate: 1 }, 'condition.evaluate'],
    [{ all: [{ fact: 'customer', operator: 'equal', value: 1, result: true }] }, 'condition.all[0].result'],
    [{ any: [], fact: 'customer' }, 'condition.fact'],
  ])('a property json-rules-engine itself uses is refused, naming it: %j', (condition, field) => {
    expect(errorsOf(condition)).toEqual([
      expect.objectContaining({ field, message: expect.stringMatching(/reserved name|ignored next to/) }),
    ]);
  });

  it('missing steps give a missing value, not an error', async () => {
    await expectVerdict(on('$.address.country', 'equal', undefined), facts(customer), true);
    await expectVerdict(on('$.nothing.here', 'equal', undefined), facts(customer), true);
    await expectVerdict(on('$.tags[5]', 'notEqual', 'vip'), facts(customer), true);
    await expectVerdict(on('$.age', 'equal', 30), facts(null), false); // a null fact is returned as is
  });

  it.each([
    ['$..x', 'recursive descent (..) is not supported'],
    ['$.a[?(@.b)]', 'filters ([?(...)]) are not supported: jsonpath-plus runs them as script'],
    ['$.list[0,1]', 'unions ([a,b]) are not supported'],
    ['$.list[-1]', 'a negative index never matches'],
    ["$['a;b']", 'the name contains ";"'], // jsonpath-plus would read a.b
    ["$['x#0']", 'the name contains "#"'], // jsonpath-plus would throw
    ["$['a,b']", 'the name contains ","'], // jsonpath-plus would read a union
    ["$['..']", 'the name ".." means recursive descent'],
    ['a.b', 'must start with $'],
    ['$', 'must name a field'],
  ])('%s is rejected with a message naming the path', (path, words) => {
    const problems = errorsOf({ all: [{ fact: 'customer', path, operator: 'equal', value: 1 }] });
    expect(problems).toEqual([
      expect.objectContaining({
        code: expect.any(String),
        field: 'condition.all[0].path',
        message: expect.stringContaining(`path "${path}"`),
      }),
    ]);
    expect(problems[0]!.message).toContain(words);
    expect(parsePath(path).ok).toBe(false);
  });

  it('a path that is not a string is rejected', () => {
    expect(errorsOf({ all: [{ fact: 'customer', path: 5, operator: 'equal', value: 1 }] })).toEqual([
      expect.objectContaining({
        field: 'condition.all[0].path',
        message: 'path must be a string such as "$.age"',
      }),
    ]);
  });
});

describe('checkCondition', () => {
  it('requires all / any / not at the root, like json-rules-engine', async () => {
    const bare = { fact: 'customer', path: '$.age', operator: 'equal', value: 1 };
    expect(errorsOf(bare)).toEqual([
      expect.objectContaining({
        field: 'condition',
        message: expect.stringContaining('must start with "all", "any" or "not"'),
      }),
    ]);
    expect(await reference(bare, facts({ age: 1 }))).toBe('error');
  });

  it('rejects unknown facts, naming the facts that may be used', () => {
    expect(errorsOf({ all: [{ fact: 'profile', path: '$.age', operator: 'equal', value: 1 }] })).toEqual([
      expect.objectContaining({
        code: 'unknown_fact',
        field: 'condition.all[0].fact',
        message: 'unknown fact "profile"; use one of customer, context, action, fields',
      }),
    ]);
    const onlyCustomer: ConditionScope = { facts: ['customer', 'context'] };
    expect(
      errorsOf(
        { all: [{ fact: 'fields', path: '$.propensity', operator: 'greaterThan', value: 0.1 }] },
        onlyCustomer,
      ),
    ).toEqual([
      expect.objectContaining({
        code: 'unknown_fact',
        message: '"fields" cannot be used here; this condition may read customer, context',
      }),
    ]);
    expect(errorsOf({ all: [{ fact: 'customer', operator: 'equal', value: { fact: 'profile' } }] })).toEqual([
      expect.objectContaining({ code: 'unknown_fact', field: 'condition.all[0].value.fact' }),
    ]);
  });

  it('rejects params and shared condition references with a clear message', () => {
    expect(
      errorsOf({
        all: [{ fact: 'customer', path: '$.age', operator: 'equal', value: 1, params: { id: 1 } }],
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'unsupported_condition',
        field: 'condition.all[0].params',
        message: expect.stringContaining('"params"'),
      }),
    ]);
    expect(errorsOf({ all: [{ condition: 'isAdult' }] })).toEqual([
      expect.objectContaining({
        code: 'unsupported_condition',
        field: 'condition.all[0]',
        message: expect.stringContaining('shared condition references ("condition") are not supported'),
      }),
    ]);
  });

  it('rejects incomplete comparisons and malformed groups', () => {
    expect(errorsOf({ all: [{ fact: 'customer', operator: 'equal' }] })).toEqual([
      expect.objectContaining({ field: 'condition.all[0].value', message: 'a comparison needs "value"' }),
    ]);
    expect(errorsOf({ all: {} })).toEqual([
      expect.objectContaining({ field: 'condition.all', message: '"all" must be a list of conditions' }),
    ]);
    expect(errorsOf({ not: [] })).toEqual([
      expect.objectContaining({
        field: 'condition.not',
        message: expect.stringContaining('"not" takes one condition'),
      }),
    ]);
    expect(errorsOf({ all: [], any: [] })).toEqual([
      expect.objectContaining({ message: expect.stringContaining('use exactly one of') }),
    ]);
    expect(errorsOf({ all: [], priority: 0 })).toEqual([
      expect.objectContaining({ field: 'condition.priority' }),
    ]);
  });

  describe('against the declared schema', () => {
    const schema: DataSchema = {
      customer: [
        { name: 'age', type: 'number', label: 'Age' },
        { name: 'segment', type: 'string', allowedValues: ['gold', 'silver', 'bronze'] },
        { name: 'tags', type: 'list' },
      ],
    };
    const scope: ConditionScope = { facts: FACT_NAMES, schema };

    it('an unknown customer field is an error on its path', () => {
      const condition = {
        all: [
          { fact: 'customer', path: '$.age', operator: 'greaterThan', value: 18 },
          { fact: 'customer', path: '$.income', operator: 'greaterThan', value: 1000 },
        ],
      };
      expect(checkCondition(condition, scope, { field: 'condition' })).toEqual([
        {
          code: 'unknown_field',
          severity: 'error',
          field: 'condition.all[1].path',
          message: 'customer field "income" is not in the declared customer schema',
          nodeId: undefined,
        },
      ]);
    });

    it('a value outside allowedValues and a value of the wrong type are errors that say what to use', () => {
      const problems = checkCondition(
        {
          any: [
            { fact: 'customer', path: '$.segment', operator: 'in', value: ['gold', 'platinum'] },
            { fact: 'customer', path: '$.age', operator: 'greaterThan', value: '18' },
            { fact: 'customer', path: '$.segment', operator: 'contains', value: 'g' },
          ],
        },
        scope,
        { field: 'condition', nodeId: 'filter-1' },
      );
      expect(problems).toEqual([
        expect.objectContaining({
          code: 'unknown_value',
          severity: 'error',
          field: 'condition.any[0].value',
          nodeId: 'filter-1',
          message:
            '"platinum" is not an allowed value of segment ("gold", "silver", "bronze"); use one of them or add it to the field\'s allowed values',
        }),
        expect.objectContaining({
          code: 'type_mismatch',
          severity: 'error',
          field: 'condition.any[1].value',
          message: 'age is a number: compare with 18, not "18"',
        }),
        expect.objectContaining({
          code: 'type_mismatch',
          severity: 'error',
          field: 'condition.any[2].operator',
          message: 'segment is text, not a list: "contains" looks inside a list; use "equal" or "in"',
        }),
      ]);
    });

    describe('type mistakes, for every operator (each an error on the comparison, with the fix)', () => {
      const typed: ConditionScope = {
        facts: FACT_NAMES,
        schema: {
          customer: [
            { name: 'age', type: 'number' },
            { name: 'housing', type: 'boolean' },
            { name: 'segment', type: 'string', allowedValues: ['gold', 'silver'] },
            { name: 'tags', type: 'list', allowedValues: ['vip', 'new'] },
            { name: 'birthDate', type: 'date' },
            { name: 'tenure', type: 'string' },
          ],
          context: [{ name: 'channel', type: 'string' }],
        },
      };
      const problemsOf = (path: string, operator: string, value: unknown) =>
        checkCondition({ all: [{ fact: 'customer', path: `$.${path}`, operator, value }] }, typed, {
          field: 'condition',
        }).map((p) => `${p.severity} ${p.code} at ${p.field}: ${p.message}`);

      it.each([
        ['housing', 'equal', 'yes', 'value', 'housing is true/false: compare with true, not "yes"'],
        ['housing', 'notEqual', 'no', 'value', 'housing is true/false: compare with false, not "no"'],
        ['housing', 'equal', 1, 'value', 'housing is true/false: compare with true, not 1'],
        ['age', 'equal', '30', 'value', 'age is a number: compare with 30, not "30"'],
        ['age', 'notEqual', true, 'value', 'age is a number: compare with a number, not true'],
        ['segment', 'equal', 3, 'value', 'segment is text: compare with "3", not 3'],
        ['age', 'lessThan', '65', 'value', 'age is a number: compare with 65, not "65"'],
        ['age', 'lessThanInclusive', 'old', 'value', 'age is a number: compare with a number, not "old"'],
        ['age', 'greaterThanInclusive', false, 'value', 'age is a number: compare with a number, not false'],
        [
          'housing',
          'greaterThan',
          0,
          'operator',
          'housing is true/false: "greaterThan" compares numbers; use "equal" with true or false',
        ],
        [
          'segment',
          'lessThan',
          5,
          'operator',
          'segment is text: "lessThan" compares numbers; use "equal" or "in", or declare segment as a number',
        ],
        [
          'birthDate',
          'lessThan',
          20000101,
          'value',
          'birthDate is a date: compare with a date such as "2026-01-31", not 20000101',
        ],
        ['age', 'in', [18, '21'], 'value[1]', 'age is a number: compare with 21, not "21"'],
        ['housing', 'notIn', ['yes'], 'value[0]', 'housing is true/false: compare with true, not "yes"'],
        [
          'age',
          'in',
          '18,21',
          'value',
          'age is a number: "in" needs a list of values such as [18, 21], not "18,21"',
        ],
        [
          'tags',
          'in',
          ['vip'],
          'operator',
          'tags is a list: "in" looks for the whole list among the values; use "contains" to look for an item',
        ],
        [
          'tags',
          'equal',
          'vip',
          'operator',
          'tags is a list: "equal" compares the whole list; use "contains" to look for an item',
        ],
        [
          'age',
          'doesNotContain',
          3,
          'operator',
          'age is a number, not a list: "doesNotContain" looks inside a list; use "notEqual" or "notIn"',
        ],
        [
          'housing',
          'someFact:equal',
          true,
          'operator',
          'housing is true/false, not a list: "someFact" looks at the items of a list; remove it',
        ],
        ['age', 'someValue:equal', [1, 'x'], 'value[1]', 'age is a number: compare with a number, not "x"'],
        ['housing', 'not:equal', 'yes', 'value', 'housing is true/false: compare with true, not "yes"'],
      ])('%s %s %j: an error at %s', (path, operator, value, at, message) => {
        expect(problemsOf(path, operator, value)).toEqual([
          `error type_mismatch at condition.all[0].${at}: ${message}`,
        ]);
      });

      it.each([
        ['housing', 'equal', true],
        ['housing', 'equal', null],
        ['age', 'greaterThan', 17.5],
        ['age', 'in', [18, 21]],
        ['segment', 'in', ['gold']],
        ['segment', 'in', 'gold,silver'], // json-rules-engine looks for the text inside the text
        ['tags', 'contains', 'vip'],
        ['tags', 'someFact:equal', 'vip'],
        ['birthDate', 'lessThan', '2000-01-01'],
        ['birthDate', 'equal', '2000-01-01'],
        ['tenure', 'swap:in', 'abc'],
      ])('%s %s %j fits the field', (path, operator, value) => {
        expect(problemsOf(path, operator, value)).toEqual([]);
      });

      it('values outside the allowed values are errors too, also for the items a list field contains', () => {
        expect(problemsOf('segment', 'notIn', ['gold', 'bronze'])).toEqual([
          expect.stringMatching(
            /^error unknown_value at condition.all\[0\].value: "bronze" is not an allowed value of segment/,
          ),
        ]);
        expect(problemsOf('tags', 'contains', 'old')).toEqual([
          expect.stringMatching(
            /^error unknown_value at condition.all\[0\].value: "old" is not an allowed value of tags/,
          ),
        ]);
      });

      it('a field compared with another field of a different type is an error', () => {
        const problems = checkCondition(on('$.age', 'equal', { fact: 'context', path: '$.channel' }), typed, {
          field: 'condition',
        });
        expect(problems).toEqual([
          expect.objectContaining({
            code: 'type_mismatch',
            severity: 'error',
            field: 'condition.all[0].value',
            message:
              'age is a number but channel is text, so they never compare as intended; compare fields of the same type',
          }),
        ]);
      });
    });
  });
});

describe('explain', () => {
  const age18: Condition = {
    all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 }],
  };

  it('names every failing comparison of an "all", also in later priority sets, with the same verdict', () => {
    const condition: Condition = {
      all: [
        { fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 },
        { fact: 'customer', path: '$.segment', operator: 'equal', value: 'gold' },
        { fact: 'customer', path: '$.score', operator: 'greaterThan', value: 5, priority: 2 },
        { fact: 'customer', path: '$.tags', operator: 'contains', value: 'vip' },
      ],
    };
    const compiled = compileCondition(condition);
    const customer = facts({ age: 17, segment: 'gold', score: 3, tags: ['new'] });
    expect(compiled.test(customer)).toBe(false);
    expect(compiled.explain(customer)).toEqual({
      passed: false,
      reason: 'score 3 is not > 5 and age 17 is not ≥ 18 and tags ("new") does not contain "vip"',
    });
    const passing = facts({ age: 30, segment: 'gold', score: 9, tags: ['vip'] });
    expect(compiled.explain(passing).passed).toBe(true);
  });

  it('says why a comparison failed or passed', () => {
    const compiled = compileCondition(age18);
    expect(compiled.explain(facts({ age: 17 }))).toEqual({ passed: false, reason: 'age 17 is not ≥ 18' });
    expect(compiled.explain(facts({}))).toEqual({ passed: false, reason: 'age is missing (needs ≥ 18)' });
    expect(compiled.explain(facts({ age: 'unknown' }))).toEqual({
      passed: false,
      reason: 'age "unknown" is not a number (needs ≥ 18)',
    });
    expect(compiled.explain(facts({ age: 20 }))).toEqual({ passed: true, reason: 'age 20 ≥ 18' });
  });

  it.each<[string, unknown, unknown, string]>([
    ['equal', 'silver', 'gold', 'segment is "silver", not "gold"'],
    ['equal', undefined, 'gold', 'segment is missing (needs "gold")'],
    ['notEqual', 'gold', 'gold', 'segment is "gold"'],
    ['in', 'bronze', ['gold', 'silver'], 'segment "bronze" is not one of "gold", "silver"'],
    ['in', undefined, ['gold', 'silver'], 'segment is missing (needs one of "gold", "silver")'],
    ['notIn', 'gold', ['gold', 'silver'], 'segment "gold" is one of "gold", "silver"'],
    ['contains', ['new'], 'vip', 'segment ("new") does not contain "vip"'],
    ['contains', 'vip', 'vip', 'segment is "vip", not a list'],
    ['contains', undefined, 'vip', 'segment is missing (needs a list containing "vip")'],
    ['doesNotContain', ['vip'], 'vip', 'segment ("vip") contains "vip"'],
    ['someFact:equal', ['a'], 'vip', 'segment ("a") has no item that = "vip"'],
    ['everyFact:greaterThan', [5, 1], 3, 'not every item of segment (5, 1) > 3'],
    ['not:equal', 'gold', 'gold', 'segment is "gold"'],
  ])('a failing %s on %p against %p reads: %s', (operator, actual, value, reason) => {
    expect(compileCondition(on('$.segment', operator, value)).explain(facts({ segment: actual }))).toEqual({
      passed: false,
      reason,
    });
  });

  it('a failing "any" lists every part', () => {
    const condition: Condition = {
      any: [
        { fact: 'customer', path: '$.age', operator: 'lessThan', value: 25 },
        { fact: 'context', path: '$.channel', operator: 'equal', value: 'app' },
      ],
    };
    expect(compileCondition(condition).explain(facts({ age: 30 }, { context: { channel: 'web' } }))).toEqual({
      passed: false,
      reason: 'none of these held: age 30 is not < 25; channel is "web", not "app"',
    });
  });

  it('a passing "all" gives every reason, a failing one the first failure', () => {
    const condition: Condition = {
      all: [
        { fact: 'customer', path: '$.age', operator: 'greaterThan', value: 18 },
        { fact: 'fields', path: '$.propensity', operator: 'greaterThan', value: 0.3 },
      ],
    };
    const compiled = compileCondition(condition);
    expect(compiled.explain(facts({ age: 30 }, { fields: { propensity: 0.42 } }))).toEqual({
      passed: true,
      reason: 'age 30 > 18 and propensity 0.42 > 0.3',
    });
    expect(compiled.explain(facts({ age: 30 }, { fields: { propensity: 0.1 } }))).toEqual({
      passed: false,
      reason: 'propensity 0.1 is not > 0.3',
    });
  });

  it('a failing "not" says what excluded it; a passing one gives the inner failure', () => {
    const condition: Condition = {
      not: { fact: 'customer', path: '$.segment', operator: 'equal', value: 'gold' },
    };
    const compiled = compileCondition(condition);
    expect(compiled.explain(facts({ segment: 'gold' }))).toEqual({
      passed: false,
      reason: 'excluded because segment is "gold"',
    });
    expect(compiled.explain(facts({ segment: 'silver' }))).toEqual({
      passed: true,
      reason: 'segment is "silver", not "gold"',
    });
  });

  it('names fact references and their values, and uses declared labels', () => {
    const condition = on('$.age', 'greaterThan', { fact: 'context', path: '$.minAge' });
    expect(compileCondition(condition).explain(facts({ age: 16 }, { context: { minAge: 18 } }))).toEqual({
      passed: false,
      reason: 'age 16 is not > min age (18)',
    });
    const labels = {
      schema: { customer: [{ name: 'age', type: 'number' as const, label: 'Customer age' }] },
    };
    expect(compileCondition(age18, labels).explain(facts({ age: 17 }))).toEqual({
      passed: false,
      reason: 'Customer age 17 is not ≥ 18',
    });
  });

  it('an evaluation error is explained, never thrown', () => {
    const condition = on('$.segment', 'in', { fact: 'customer', path: '$.allowed' });
    const compiled = compileCondition(condition);
    expect(() => compiled.test(facts({ segment: 'gold', allowed: 3 }))).toThrow(/could not|indexOf/);
    expect(compiled.explain(facts({ segment: 'gold', allowed: 3 }))).toEqual({
      passed: false,
      error: true,
      reason: 'segment could not be compared with allowed: it needs a list to look in, but that is a number',
    });
  });
});

describe('describeCondition', () => {
  it('describes a nested condition in words', () => {
    const condition: Condition = {
      all: [
        { fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 },
        {
          any: [
            { fact: 'customer', path: '$.segment', operator: 'in', value: ['gold', 'silver'] },
            { not: { fact: 'customer', path: '$.churnRisk', operator: 'lessThan', value: 0.3 } },
          ],
        },
        { fact: 'action', path: '$.group', operator: 'notEqual', value: 'loans' },
      ],
    };
    expect(describeCondition(condition)).toBe(
      'age ≥ 18 and (segment is one of "gold", "silver" or not churn risk < 0.3) and action group ≠ "loans"',
    );
  });

  it('describes paths, decorators and empty groups', () => {
    expect(describeCondition({ any: [] })).toBe('always');
    expect(describeCondition(on("$['first name']", 'equal', 'Ann'))).toBe('first name = "Ann"');
    expect(describeCondition(on('$.tags[0]', 'equal', 'vip'))).toBe('tags #1 = "vip"');
    expect(describeCondition(on('$.tags', 'someFact:equal', 'vip'))).toBe('tags has an item that = "vip"');
    expect(describeCondition(on('$.tags', 'contains', 'vip'))).toBe('tags contains "vip"');
    expect(describeCondition(on('$.segment', 'someValue:equal', ['gold', 'silver']))).toBe(
      'segment = any of "gold", "silver"',
    );
    expect(describeCondition(on('$.segment', 'swap:contains', ['gold', 'silver']))).toBe(
      '"gold", "silver" contains segment',
    );
    expect(describeCondition({ not: { all: [on('$.a', 'equal', 1), on('$.b', 'equal', null)] } })).toBe(
      'not (a = 1 and b = empty)',
    );
  });
});

describe('wildcard paths read anew each time', () => {
  it('two reads of one wildcard path are two lists, as in json-rules-engine', async () => {
    const path = '$.orders[*].total';
    const condition: Condition = {
      all: [{ fact: 'customer', path, operator: 'equal', value: { fact: 'customer', path } }],
    };
    const f = facts({ orders: [{ total: 1 }] });
    await expectVerdict(condition, f, false);
    const slots = new PathSlots();
    const compiled = compileCondition(condition, {}, slots);
    expect(compiled.test({ ...f, slots: slots.resolve(f) })).toBe(false);
  });
});
