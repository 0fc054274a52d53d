import type { DataSchema } from '../catalog/fields';
import { checkCondition } from './check-condition';
import { compileCondition } from './compile-condition';

const schema: DataSchema = { customer: [{ name: 'balance', type: 'number' }] };
const scope = { facts: ['customer', 'context'] as const, schema };
const fresh = (path: string, value: unknown = 30) => ({
  all: [{ fact: 'customer', path, operator: 'lessThanInclusive', value }],
});
const errors = (condition: unknown) =>
  checkCondition(condition, { ...scope, facts: [...scope.facts] }, { field: 'condition' }).filter(
    (p) => p.severity !== 'warning',
  );

describe('customer._age: the age in days of each customer field', () => {
  it('is accepted for a declared field and compared as a number', () => {
    expect(errors(fresh('$._age.balance'))).toEqual([]);
    expect(errors(fresh('$._age.balance', 'old'))).toEqual([
      expect.objectContaining({ code: 'type_mismatch' }),
    ]);
  });

  it('names an undeclared field and a path without a field', () => {
    expect(errors(fresh('$._age.income'))).toEqual([
      expect.objectContaining({
        code: 'unknown_field',
        field: 'condition.all[0].path',
        message: expect.stringContaining('"income"'),
      }),
    ]);
    expect(errors(fresh('$._age'))).toEqual([
      expect.objectContaining({ code: 'unknown_field', message: expect.stringContaining('$._age.<field>') }),
    ]);
  });

  it('refuses a stale or missing value and keeps a fresh one', () => {
    const compiled = compileCondition(fresh('$._age.balance') as Parameters<typeof compileCondition>[0]);
    const verdict = (customer: unknown) => compiled.test({ customer } as Parameters<typeof compiled.test>[0]);
    expect(verdict({ balance: 100, _age: { balance: 2.5 } })).toBe(true);
    expect(verdict({ balance: 100, _age: { balance: 45 } })).toBe(false);
    expect(verdict({ _age: {} })).toBe(false);
  });
});
