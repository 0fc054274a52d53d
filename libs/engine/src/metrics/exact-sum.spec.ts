import fc from 'fast-check';
import { ExactSum } from './exact-sum';

const sumOf = (values: readonly number[]) => values.reduce((s, v) => s.add(v), new ExactSum()).value();

describe('ExactSum', () => {
  it('gives the correctly rounded sum where naive addition does not', () => {
    expect(sumOf([1e16, 1, -1e16])).toBe(1);
    expect(sumOf(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    expect(sumOf([1e-16, 1, 1e16])).toBe(10000000000000002); // half-even with the tiny term tipping it
    expect(sumOf([])).toBe(0);
    expect(Object.is(sumOf([-0, 0.5, -0.5]), 0)).toBe(true);
  });

  it('does not depend on the order of additions or merges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), {
          maxLength: 40,
        }),
        fc.nat(),
        (values, cut) => {
          const expected = sumOf(values);
          expect(sumOf([...values].reverse())).toBe(expected);
          expect(sumOf([...values].sort((a, b) => a - b))).toBe(expected);
          const k = cut % (values.length + 1);
          const merged = ExactSum.fromJSON(
            JSON.parse(
              JSON.stringify(
                new ExactSum().merge(values.slice(k).reduce((s, v) => s.add(v), new ExactSum())),
              ),
            ),
          );
          values.slice(0, k).forEach((v) => merged.add(v));
          expect(merged.value()).toBe(expected);
        },
      ),
    );
  });

  it('refuses numbers that cannot be summed', () => {
    expect(() => new ExactSum().add(NaN)).toThrow(RangeError);
    expect(() => new ExactSum().add(Infinity)).toThrow(RangeError);
  });
});
