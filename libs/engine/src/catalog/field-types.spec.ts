import fc from 'fast-check';
import { checkCondition } from '../conditions/check-condition';
import { compileCondition, holds } from '../conditions/compile-condition';
import { FACT_NAMES, type Condition } from '../conditions/types';
import type { FieldType } from './field-types';

/** Values a field of each declared type holds. */
const VALUES: Record<Exclude<FieldType, 'list'>, fc.Arbitrary<unknown>> = {
  number: fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  ),
  boolean: fc.boolean(),
  string: fc.string({ maxLength: 8 }),
  date: fc
    .date({ min: new Date('1950-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
};
const TYPES = Object.keys(VALUES) as (keyof typeof VALUES)[];
/** Dates are text, and much text reads as a date: those two are not told apart by value. */
const distinguishable = (a: FieldType, b: FieldType) =>
  a !== b && !(['string', 'date'].includes(a) && ['string', 'date'].includes(b));

const problemsFor = (type: FieldType, operator: string, value: unknown) =>
  checkCondition(
    { all: [{ fact: 'customer', path: '$.f', operator, value }] },
    { facts: FACT_NAMES, schema: { customer: [{ name: 'f', type }] } },
    { field: 'condition' },
  );

const verdict = (operator: string, value: unknown, fieldValue: unknown) =>
  holds(compileCondition({ all: [{ fact: 'customer', path: '$.f', operator, value }] } as Condition).test, {
    customer: { f: fieldValue },
    context: {},
    action: {},
    fields: {},
  });

describe('type checks against the declared field (property)', () => {
  it('never object to a value of the field’s own type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES).chain((type) => fc.tuple(fc.constant(type), VALUES[type], VALUES[type])),
        ([type, a, b]) => {
          const ordered = type === 'number' || type === 'date';
          for (const [operator, value] of [
            ['equal', a],
            ['notEqual', a],
            ['in', [a, b]],
            ['notIn', [a]],
            ...(ordered ? [['lessThan', a] as const, ['greaterThanInclusive', b] as const] : []),
          ] as const) {
            expect(problemsFor(type, operator, value)).toEqual([]);
          }
        },
      ),
    );
  });

  it('report a value of another type once, on the value, and only where it could never match', () => {
    const mistyped = fc
      .tuple(fc.constantFrom(...TYPES), fc.constantFrom(...TYPES))
      .filter(([field, other]) => distinguishable(field, other))
      .chain(([field, other]) =>
        fc.tuple(
          fc.constant(field),
          VALUES[other],
          fc.array(VALUES[field], { minLength: 1, maxLength: 5 }),
          fc.constantFrom('equal', 'notEqual', 'in', 'notIn'),
        ),
      );
    fc.assert(
      fc.property(mistyped, ([type, value, fieldValues, operator]) => {
        const listed = operator === 'in' || operator === 'notIn';
        const compared = listed ? [value] : value;
        const problems = problemsFor(type, operator, compared);
        expect(problems).toEqual([
          expect.objectContaining({
            code: 'type_mismatch',
            severity: 'error',
            field: listed ? 'condition.all[0].value[0]' : 'condition.all[0].value',
          }),
        ]);
        // Whatever the customer's value of that type, the verdict is always the same: the comparison is dead.
        const expected = operator === 'notEqual' || operator === 'notIn';
        for (const fieldValue of fieldValues) expect(verdict(operator, compared, fieldValue)).toBe(expected);
      }),
    );
  });
});
