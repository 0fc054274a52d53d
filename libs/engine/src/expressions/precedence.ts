import type { BinaryOperator } from './ast';

/**
 * Binding strength, loosest first. Shared by the parser and the formatter so that formatted text
 * always parses back to the same tree.
 *
 * `not`/`!` binds looser than comparisons (as in Python and SQL), so `not customer.segment == "gold"`
 * means `not (customer.segment == "gold")`. Unary minus binds looser than `^`, as in mathematics:
 * `-2^2` is -4 and `2^-1` is 0.5. Comparisons do not chain: `1 < x < 3` is an error.
 */
export const PREC = {
  ternary: 1,
  or: 2,
  and: 3,
  not: 4,
  equality: 5,
  comparison: 6,
  additive: 7,
  multiplicative: 8,
  sign: 9,
  power: 10,
  atom: 11,
} as const;

export type Associativity = 'left' | 'right' | 'none';

export const BINARY_PRECEDENCE: Readonly<Record<BinaryOperator, { prec: number; assoc: Associativity }>> = {
  or: { prec: PREC.or, assoc: 'left' },
  and: { prec: PREC.and, assoc: 'left' },
  '==': { prec: PREC.equality, assoc: 'none' },
  '!=': { prec: PREC.equality, assoc: 'none' },
  '<': { prec: PREC.comparison, assoc: 'none' },
  '<=': { prec: PREC.comparison, assoc: 'none' },
  '>': { prec: PREC.comparison, assoc: 'none' },
  '>=': { prec: PREC.comparison, assoc: 'none' },
  '+': { prec: PREC.additive, assoc: 'left' },
  '-': { prec: PREC.additive, assoc: 'left' },
  '*': { prec: PREC.multiplicative, assoc: 'left' },
  '/': { prec: PREC.multiplicative, assoc: 'left' },
  '%': { prec: PREC.multiplicative, assoc: 'left' },
  '^': { prec: PREC.power, assoc: 'right' },
};
