import type { ExpressionNode } from './ast';
import { compileExpression, type ExpressionEnv } from './compile-expression';
import { ENV, evaluate, parse, STUDIO_EXAMPLE } from './expression.test-helpers';

const EMPTY: ExpressionEnv = { customer: {}, context: {}, action: {}, fields: {} };

describe('compileExpression: arithmetic', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['7 / 2', 3.5],
    ['7 % 4', 3],
    ['-7 % 4', -3],
    ['2^3^2', 512],
    ['-2^2', -4],
    ['(-2)^2', 4],
    ['2^-1', 0.5],
    ['-fields.priority', -2],
    ['+"42"', 42],
    ['.5 + 1e-3', 0.501],
  ])('%s = %p', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });

  it('evaluates the example from the studio', () => {
    expect(evaluate(STUDIO_EXAMPLE)).toBeCloseTo(0.42 + 0.2 + 0.15, 12);
    expect(evaluate(STUDIO_EXAMPLE, { ...ENV, customer: { age: 70 }, fields: {} })).toBeCloseTo(
      0.6 + 0.05,
      12,
    );
  });

  it('converts numeric strings as they come from CSV', () => {
    expect(evaluate('customer.income * 2')).toBe(7);
    expect(evaluate('context.hour + 1')).toBe(15);
    expect(evaluate('"1e3" / 10')).toBe(100);
    expect(evaluate('-" 3.5 "')).toBe(-3.5);
  });

  it.each([
    ['fields.missing + 1', 'a missing field'],
    ['fields.nothing * 2', 'null'],
    ['fields.empty + 1', 'an empty string'],
    ['"  " + 1', 'a blank string'],
    ['customer.name + 1', 'a non-numeric string'],
    ['customer.vip + 1', 'a boolean'],
    ['true * 1', 'a boolean literal'],
    ['customer.address * 1', 'an object'],
    ['"Infinity" * 1', 'a string that converts to Infinity'],
    ['fields.nan + 1', 'NaN in the facts'],
    ['-customer.name', 'a negated string'],
    ['+null', 'unary plus on null'],
    ['1 / 0', 'division by zero'],
    ['1 / fields.zero', 'division by a zero field'],
    ['5 % 0', 'modulo by zero'],
    ['10 ^ 400', 'an overflow'],
    ['(-8) ^ 0.5', 'a NaN power'],
    ['"a" + "b"', 'strings (no concatenation)'],
  ])('%s is missing (%s)', (text) => {
    expect(evaluate(text)).toBeUndefined();
  });

  it('reads a non-finite number in the facts as missing', () => {
    expect(evaluate('fields.nan')).toBeUndefined();
    expect(evaluate('coalesce(fields.nan, 7)')).toBe(7);
    expect(evaluate('customer.x', { ...EMPTY, customer: { x: Infinity } })).toBeUndefined();
  });
});

describe('compileExpression: functions', () => {
  it.each([
    ['min(3, 1, 2)', 1],
    ['max(3, 1, "4")', 4],
    ['abs(-2.5)', 2.5],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(2.4)', 2],
    ['round(1.005, 2)', 1.01],
    ['round(1234.5678, 1)', 1234.6],
    ['round(1250, -2)', 1300],
    ['round(-0.4)', 0],
    ['round(1e300, 2)', 1e300],
    ['floor(-1.5)', -2],
    ['ceil(1.2)', 2],
    ['sqrt(16)', 4],
    ['exp(0)', 1],
    ['log(1)', 0],
    ['pow(2, 10)', 1024],
    ['clamp(5, 0, 3)', 3],
    ['clamp(-5, 0, 3)', 0],
    ['clamp(2, 0, 3)', 2],
    ['logistic(0)', 0.5],
    ['logistic(-1000)', 0],
    ['logistic(1000)', 1],
    ['coalesce(fields.missing, fields.nothing, 0.1)', 0.1],
    ['coalesce(fields.zero, 1)', 0],
    ['coalesce(fields.empty, 1)', ''],
    ['coalesce(customer.income, 1)', ' 3.5'],
  ])('%s = %p', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });

  it('computes exp, log and logistic precisely', () => {
    expect(evaluate('exp(1)')).toBe(Math.E);
    expect(evaluate('log(exp(2))')).toBeCloseTo(2, 15);
    expect(evaluate('logistic(2)')).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
  });

  it.each([
    'min(1, fields.missing)',
    'max("x", 1)',
    'abs(true)',
    'round(fields.missing)',
    'round(1.5, 0.5)',
    'round(1.5, 16)',
    'round(1.5, fields.missing)',
    'sqrt(-1)',
    'exp(1000)',
    'log(0)',
    'log(-1)',
    'pow(0, -1)',
    'clamp(1, 3, 0)',
    'clamp(1, fields.missing, 3)',
    'logistic(customer.name)',
    'coalesce(fields.missing, fields.nothing)',
  ])('%s is missing', (text) => {
    expect(evaluate(text)).toBeUndefined();
  });
});

describe('compileExpression: comparisons and logic', () => {
  it.each([
    ['customer.age > 40', true],
    ['customer.age <= 42', true],
    ['customer.age < "50"', true],
    ['customer.income >= 3.5', true],
    ['fields.missing < 1', false],
    ['fields.missing >= 1', false],
    ['customer.name > 1', false],
    ['"b" > "a"', false],
    ['customer.segment == "gold"', true],
    ["customer.segment == 'GOLD'", false],
    ['customer.age == 42', true],
    ['customer.age == 42.0', true],
    ['customer.age == "42"', false],
    ['context.hour == 14', false],
    ['customer.vip == true', true],
    ['customer.vip == 1', false],
    ['fields.missing == null', true],
    ['fields.nothing == null', true],
    ['fields.zero == null', false],
    ['fields.missing != null', false],
    ['customer.segment != "gold"', false],
    ['fields.missing != "gold"', true],
    ['customer.address == customer.address', false],
    ['true and 1', true],
    ['true and 0', false],
    ['fields.missing and true', false],
    ['fields.missing or ""', false],
    ['customer.name or false', true],
    ['not fields.missing', true],
    ['!customer.vip', false],
    ['not customer.segment == "silver"', true],
  ])('%s is %p', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });

  it('returns booleans from and/or, and picks ternary branches by truthiness', () => {
    expect(evaluate('customer.name and customer.age')).toBe(true);
    expect(evaluate('fields.zero ? "yes" : "no"')).toBe('no');
    expect(evaluate('fields.missing ? 1 : 2')).toBe(2);
    expect(evaluate('customer.name ? customer.age : 0')).toBe(42);
    expect(evaluate('true ? fields.missing : 1')).toBeUndefined();
  });

  it('evaluates only the branch it picks', () => {
    const getter = jest.fn(() => 1);
    const fields = Object.defineProperty({}, 'spy', { get: getter, enumerable: true });
    const run = compileExpression(parse('true ? 1 : fields.spy'));
    expect(run({ ...EMPTY, fields })).toBe(1);
    expect(getter).not.toHaveBeenCalled();
  });

  it('returns literals, nested members and objects as they are', () => {
    expect(evaluate('"gold"')).toBe('gold');
    expect(evaluate('null')).toBeNull();
    expect(evaluate('customer.address.city')).toBe('Lyon');
    expect(evaluate('customer.address')).toEqual({ city: 'Lyon' });
    expect(evaluate('customer.address.city.length')).toBeUndefined();
    expect(evaluate('customer.name.length')).toBeUndefined();
  });
});

describe('compileExpression: safety', () => {
  const member = (root: string, ...path: string[]): ExpressionNode =>
    ({ kind: 'member', root, path, position: 0 }) as ExpressionNode;

  it('never reads prototypes, even from a hand-built tree', () => {
    for (const name of ['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']) {
      for (const root of ['customer', 'context', 'action', 'fields'] as const) {
        expect(compileExpression(member(root, name))(ENV)).toBeUndefined();
        expect(compileExpression(member(root, name, 'name'))(ENV)).toBeUndefined();
      }
    }
    expect(compileExpression(member('customer', 'address', 'constructor'))(ENV)).toBeUndefined();
    expect(
      compileExpression(member('customer', 'inherited'))({
        ...EMPTY,
        customer: Object.create({ inherited: 1 }),
      }),
    ).toBeUndefined();
  });

  it('reads only own properties of non-null objects', () => {
    const fn = Object.assign(() => 1, { x: 1 });
    expect(compileExpression(member('customer', 'x'))({ ...EMPTY, customer: fn })).toBeUndefined();
    expect(compileExpression(member('customer', 'length'))({ ...EMPTY, customer: 'abc' })).toBeUndefined();
    expect(compileExpression(member('customer', 'x'))({ ...EMPTY, customer: null })).toBeUndefined();
    expect(compileExpression(member('customer', '0'))({ ...EMPTY, customer: [7] })).toBe(7);
    // An own "__proto__" key (as JSON.parse creates) is still refused.
    const parsed = JSON.parse('{"__proto__": {"polluted": 1}}') as unknown;
    expect(
      compileExpression(member('customer', '__proto__', 'polluted'))({ ...EMPTY, customer: parsed }),
    ).toBeUndefined();
  });

  it('rejects a malformed hand-built tree when compiling', () => {
    expect(() => compileExpression(member('globalThis', 'process'))).toThrow(/unknown root 'globalThis'/);
    const call = (name: string, args: ExpressionNode[] = []) =>
      ({ kind: 'call', name, args, position: 0 }) as unknown as ExpressionNode;
    expect(() => compileExpression(call('eval'))).toThrow(/unknown function 'eval'/);
    expect(() => compileExpression(call('constructor'))).toThrow(/unknown function 'constructor'/);
    expect(() => compileExpression(call('abs'))).toThrow(/abs takes exactly 1 argument/);
    const bad = { kind: 'binary', op: '===', left: parse('1'), right: parse('1'), position: 0 } as unknown;
    expect(() => compileExpression(bad as ExpressionNode)).toThrow(/unknown operator '==='/);
    expect(() => compileExpression({ kind: 'script' } as unknown as ExpressionNode)).toThrow(
      /unknown node kind/,
    );
  });

  it('never throws while evaluating, whatever the facts', () => {
    const run = compileExpression(parse('customer.a.b + fields.x * 2 > 1 ? coalesce(action.y, 1) : 0'));
    const throwing = Object.defineProperty({}, 'a', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const customer of [throwing, revoked.proxy, undefined, null, 1, 'x', [], Symbol('s'), 10n]) {
      expect(() => run({ ...EMPTY, customer })).not.toThrow();
    }
    expect(run({ ...EMPTY, customer: throwing })).toBeUndefined();
    expect(() => run(undefined as unknown as ExpressionEnv)).not.toThrow();
  });

  it('evaluates a flat expression at the length limit', () => {
    const sum = Array.from({ length: 999 }, () => '1').join('+');
    expect(evaluate(sum)).toBe(999);
  });
});
