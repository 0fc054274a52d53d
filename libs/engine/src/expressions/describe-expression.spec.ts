import type { ExpressionNode } from './ast';
import { formatExpression } from './describe-expression';
import { parse } from './expression.test-helpers';

const num = (value: number): ExpressionNode => ({ kind: 'number', value, position: 0 });
const bin = (op: string, left: ExpressionNode, right: ExpressionNode) =>
  ({ kind: 'binary', op, left, right, position: 0 }) as ExpressionNode;
const neg = (operand: ExpressionNode): ExpressionNode => ({ kind: 'unary', op: '-', operand, position: 0 });

describe('formatExpression', () => {
  it.each([
    ['1+2*3', '1 + 2 * 3'],
    ['(1+2)*3', '(1 + 2) * 3'],
    ['1-(2-3)', '1 - (2 - 3)'],
    ['(1-2)-3', '1 - 2 - 3'],
    ['2^(3^2)', '2 ^ 3 ^ 2'],
    ['(2^3)^2', '(2 ^ 3) ^ 2'],
    ['-(2^2)', '-2 ^ 2'],
    ['(-2)^2', '(-2) ^ 2'],
    ['2^(-1)', '2 ^ -1'],
    ['-(1+2)', '-(1 + 2)'],
    ['-(-1)', '-(-1)'],
    ['- - 1', '-(-1)'],
    ['(1 < 2) == true', '1 < 2 == true'],
    ['(a_b_c == 1)'.replace('a_b_c', 'fields.x'), 'fields.x == 1'],
    ['(fields.x == 1) == true', '(fields.x == 1) == true'],
    ['true && (false || true)', 'true and (false or true)'],
    ['(true && false) || !true', 'true and false or not true'],
    ['!(true && false)', 'not (true and false)'],
    ['not (customer.segment == "gold")', 'not customer.segment == "gold"'],
    ['(not true) == false', '(not true) == false'],
    ['1 + (not true)', '1 + (not true)'],
    ['(true ? 1 : 2) ? 3 : 4', '(true ? 1 : 2) ? 3 : 4'],
    ['true ? (false ? 1 : 2) : (false ? 3 : 4)', 'true ? false ? 1 : 2 : false ? 3 : 4'],
    ['(true ? 1 : 2) + 1', '(true ? 1 : 2) + 1'],
    ["min( customer.age,'x\"y' ,  .5)", 'min(customer.age, "x\\"y", 0.5)'],
    ['coalesce(fields.propensity, null, false)', 'coalesce(fields.propensity, null, false)'],
    ['1e-7 + 1e21', '1e-7 + 1e+21'],
  ])('%s prints as %s', (text, expected) => {
    expect(formatExpression(parse(text))).toBe(expected);
  });

  it('prints hand-built negative numbers so they parse back with the same grouping', () => {
    expect(formatExpression(bin('^', num(-2), num(2)))).toBe('(-2) ^ 2');
    expect(formatExpression(bin('^', num(2), num(-2)))).toBe('2 ^ -2');
    expect(formatExpression(bin('-', num(1), num(-2)))).toBe('1 - -2');
    expect(formatExpression(neg(num(-2)))).toBe('-(-2)');
    expect(formatExpression(num(-0))).toBe('-0');
    expect(formatExpression(num(NaN))).toBe('(0 / 0)');
  });

  it('escapes strings so they read back the same', () => {
    const value = 'quote " apostrophe \' backslash \\ newline \n tab \t nul \u0000 lone \ud800';
    const text = formatExpression({ kind: 'string', value, position: 0 });
    expect(parse(text)).toMatchObject({ kind: 'string', value });
  });
});
