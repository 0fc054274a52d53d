import type { ExpressionNode } from './ast';
import { parse, parseError, STUDIO_EXAMPLE } from './expression.test-helpers';
import { parseExpression } from './parse-expression';

/** Fully parenthesised form, to assert how the parser grouped things. */
function shape(node: ExpressionNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value);
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'member':
      return [node.root, ...node.path].join('.');
    case 'unary':
      return `(${node.op} ${shape(node.operand)})`;
    case 'binary':
      return `(${shape(node.left)} ${node.op} ${shape(node.right)})`;
    case 'conditional':
      return `(${shape(node.test)} ? ${shape(node.consequent)} : ${shape(node.alternate)})`;
    case 'call':
      return `${node.name}(${node.args.map(shape).join(', ')})`;
  }
}

const grouped = (text: string) => shape(parse(text));

describe('parseExpression: literals', () => {
  it.each([
    ['12', 12],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['1e-3', 0.001],
    ['2E+2', 200],
    ['007', 7],
  ])('reads the number %s', (text, value) => {
    expect(parse(text)).toEqual({ kind: 'number', value, position: 0 });
  });

  it('reads strings in either quote with escapes', () => {
    expect(parse('"gold"')).toMatchObject({ kind: 'string', value: 'gold' });
    expect(parse("'gold'")).toMatchObject({ kind: 'string', value: 'gold' });
    expect(parse(String.raw`'it\'s \"x\" \\ \n\t\u00e9'`)).toMatchObject({
      kind: 'string',
      value: 'it\'s "x" \\ \n\té',
    });
    expect(parse(`"it's"`)).toMatchObject({ value: "it's" });
    expect(parse('""')).toMatchObject({ kind: 'string', value: '' });
  });

  it('reads true, false and null', () => {
    expect(parse('true')).toMatchObject({ kind: 'boolean', value: true });
    expect(parse('false')).toMatchObject({ kind: 'boolean', value: false });
    expect(parse('null')).toMatchObject({ kind: 'null' });
  });

  it('reads member paths with the position of every name', () => {
    expect(parse(' customer.address.city')).toEqual({
      kind: 'member',
      root: 'customer',
      path: ['address', 'city'],
      pathPositions: [10, 18],
      position: 1,
    });
    expect(parse('fields.not')).toMatchObject({ root: 'fields', path: ['not'] });
    expect(parse('context . hour')).toMatchObject({ root: 'context', path: ['hour'] });
  });

  it('reads calls and ignores whitespace and newlines', () => {
    expect(grouped('min(\n customer.age ,\t60 )')).toBe('min(customer.age, 60)');
    expect(parse('  round(1)')).toMatchObject({ kind: 'call', name: 'round', position: 2 });
  });
});

describe('parseExpression: precedence and associativity', () => {
  it.each([
    ['2^3^2', '(2 ^ (3 ^ 2))'],
    ['-2^2', '(- (2 ^ 2))'],
    ['2^-1', '(2 ^ (- 1))'],
    ['-2*3', '((- 2) * 3)'],
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ['7 % 4 * 2', '((7 % 4) * 2)'],
    ['2 * 3 ^ 2', '(2 * (3 ^ 2))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['1 + 2 < 4', '((1 + 2) < 4)'],
    ['1 < 2 == true', '((1 < 2) == true)'],
    ['true or false and false', '(true or (false and false))'],
    ['true || false && false', '(true or (false and false))'],
    ['not true and false', '((not true) and false)'],
    ['!true or false', '((not true) or false)'],
    ['not customer.segment == "gold"', '(not (customer.segment == "gold"))'],
    ['not not true', '(not (not true))'],
    ['- - 1', '(- (- 1))'],
    ['+fields.priority', '(+ fields.priority)'],
    ['true ? 1 : 2 + 3', '(true ? 1 : (2 + 3))'],
    ['1 > 0 or false ? 1 : 2', '(((1 > 0) or false) ? 1 : 2)'],
    ['true ? 1 : false ? 2 : 3', '(true ? 1 : (false ? 2 : 3))'],
    ['true ? false ? 1 : 2 : 3', '(true ? (false ? 1 : 2) : 3)'],
    ['1 + (true ? 1 : 2)', '(1 + (true ? 1 : 2))'],
    ['max(1, 2) ^ 2', '(max(1, 2) ^ 2)'],
  ])('%s groups as %s', (text, expected) => {
    expect(grouped(text)).toBe(expected);
  });

  it('parses the example from the studio', () => {
    expect(grouped(STUDIO_EXAMPLE)).toBe(
      '(((min(customer.age, 60) * 0.01) + ((customer.segment == "gold") ? 0.2 : 0)) + ' +
        '((coalesce(fields.propensity, 0.1) * action.value) / 100))',
    );
  });
});

describe('parseExpression: functions', () => {
  it.each([
    'min(1, 2)',
    'min(1, 2, 3, 4)',
    'max(1, 2)',
    'abs(1)',
    'round(1)',
    'round(1, 2)',
    'floor(1)',
    'ceil(1)',
    'sqrt(1)',
    'exp(1)',
    'log(1)',
    'pow(1, 2)',
    'clamp(1, 2, 3)',
    'coalesce(1, 2)',
    'logistic(1)',
  ])('accepts %s', (text) => {
    expect(parseExpression(text).ok).toBe(true);
  });

  it.each([
    ['min(1)', 'min needs at least 2 arguments, got 1: min(a, b, ...)'],
    ['abs()', 'abs takes exactly 1 argument, got 0: abs(x)'],
    ['round(1, 2, 3)', 'round takes 1 or 2 arguments, got 3: round(x) or round(x, digits)'],
    ['pow(2)', 'pow takes exactly 2 arguments, got 1: pow(x, y)'],
    ['clamp(1, 2)', 'clamp takes exactly 3 arguments, got 2: clamp(x, lo, hi)'],
    ['coalesce(fields.x)', 'coalesce needs at least 2 arguments, got 1: coalesce(a, b, ...)'],
    ['1 + logistic(1, 2)', 'logistic takes exactly 1 argument, got 2: logistic(x)'],
  ])('rejects the wrong number of arguments in %s', (text, message) => {
    expect(parseError(text)).toEqual({ message, position: text.indexOf(text.match(/[a-z]+\(/)![0]) });
  });
});

describe('parseExpression: errors', () => {
  it.each([
    ['', 'the expression is empty', 0],
    ['   ', 'the expression is empty', 0],
    ['2 * * 3', "unexpected '*' at position 4", 4],
    ['1 2', "unexpected '2' at position 2", 2],
    ['1 +', "the expression ends too early: expected a value after '+'", 3],
    ['min(1,', "the expression ends too early: expected a value after ','", 6],
    ['min(1, 2', "expected ')' after the arguments of min", 8],
    ['min(1 2)', "expected ',' or ')' after an argument of min, found '2' at position 6", 6],
    ['min(1, )', "unexpected ')' at position 7", 7],
    ['(1 + 2', "expected ')' to close the '(' at position 0, found the end of the expression", 6],
    ['(1 + 2))', "unexpected ')' at position 7", 7],
    ['true ? 1', "expected ':' after the value for 'yes' at position 8 (write condition ? yes : no)", 8],
    ['x + 1', "unknown name 'x'; start with customer., context., action. or fields.", 0],
    ['1 + Customer.age', "unknown name 'Customer'; start with customer., context., action. or fields.", 4],
    ['customer', "expected a field after 'customer' at position 8, e.g. customer.name", 8],
    ['customer.address.', "expected a field name after 'customer.address.' at position 17", 17],
    ['customer.1', "expected a field name after 'customer.' at position 9", 9],
    ['customer(1)', 'customer is not a function; write customer.<field>', 0],
    ['min + 1', 'min is a function; write min(...)', 0],
    [
      '1 < customer.age < 3',
      "comparisons can't be chained ('<' at position 17); combine them with 'and', e.g. 1 < x and x < 3",
      17,
    ],
    [
      '1 == 1 != false',
      "comparisons can't be chained ('!=' at position 7); combine them with 'and', e.g. 1 < x and x < 3",
      7,
    ],
    ['and true', "unexpected 'and' at position 0", 0],
    ['1 = 1', "use '==' to compare values ('=' at position 2)", 2],
    ['true & false', "use 'and' (or '&&') to combine conditions ('&' at position 5)", 5],
    ['true | false', "use 'or' (or '||') to combine conditions ('|' at position 5)", 5],
    ['customer["age"]', "brackets are not supported ('[' at position 8); write fields like customer.name", 8],
    ['1 # 2', "unexpected character '#' at position 2", 2],
    ['1 + 😀', "unexpected character '😀' at position 4", 4],
    ['12abc', "'12abc' at position 0 is not a valid number", 0],
    ['1.2.3', "'1.2.3' at position 0 is not a valid number", 0],
    ['1e999', 'the number 1e999 at position 0 is too large', 0],
    ['1 + "abc', 'the text starting at position 4 is missing its closing "', 4],
    ["'a\\qb'", "unknown escape '\\q' at position 2; write \\\\ for a backslash", 2],
    ["'a\\u12'", "unknown escape '\\u' at position 2; write \\\\ for a backslash", 2],
  ])('%j fails with %j at %d', (text, message, position) => {
    expect(parseError(text)).toEqual({ message, position });
  });

  it('names every function when one is unknown', () => {
    const { message, position } = parseError('1 + foo(2)');
    expect(position).toBe(4);
    expect(message).toBe(
      "unknown function 'foo'; the functions are min, max, abs, round, floor, ceil, sqrt, exp, log, pow, " +
        'clamp, coalesce, logistic',
    );
  });

  it('limits the length to 2,000 characters', () => {
    expect(parseExpression('1' + ' '.repeat(1999)).ok).toBe(true);
    expect(parseError('1' + '+1'.repeat(5000))).toEqual({
      message: 'the expression is too long (10001 characters; the limit is 2000)',
      position: 2000,
    });
  });

  it('limits nesting to 64 levels without overflowing the stack', () => {
    const nestedParens = (n: number) => '('.repeat(n) + '1' + ')'.repeat(n);
    expect(parseExpression(nestedParens(64)).ok).toBe(true);
    expect(parseError(nestedParens(65))).toEqual({
      message: 'the expression is nested too deeply at position 64 (more than 64 levels)',
      position: 64,
    });
    for (const deep of [
      '-'.repeat(1000) + '1',
      '2^'.repeat(900) + '2',
      'abs('.repeat(300) + '1' + ')'.repeat(300),
    ]) {
      expect(parseError(deep).message).toMatch(/^the expression is nested too deeply at position \d+/);
    }
    const ternaries = 'true ? 1 : '.repeat(100) + '0';
    expect(parseError(ternaries).message).toMatch(/nested too deeply/);
  });

  it('accepts a long flat expression, which is not nesting', () => {
    const sum = Array.from({ length: 999 }, () => '1').join('+');
    expect(sum.length).toBeLessThanOrEqual(2000);
    expect(parseExpression(sum).ok).toBe(true);
  });
});
