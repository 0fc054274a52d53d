import { checkExpression, expressionReads, type ExpressionScope } from './check-expression';
import { parse } from './expression.test-helpers';

const ALL: ExpressionScope = { roots: ['customer', 'context', 'action', 'fields'] };

describe('checkExpression', () => {
  it('accepts a valid expression', () => {
    expect(checkExpression('min(customer.age, 60) * 0.01 + coalesce(fields.propensity, 0.1)', ALL)).toEqual(
      [],
    );
  });

  it('returns the parse error alone', () => {
    expect(checkExpression('context.x + * 2', { roots: ['customer'] })).toEqual([
      { message: "unexpected '*' at position 12", position: 12 },
    ]);
  });

  it('reports every root that is not available, where it is used', () => {
    const scope: ExpressionScope = { roots: ['customer', 'fields'] };
    expect(checkExpression('context.hour + action.value * context.day', scope)).toEqual([
      { message: 'context is not available here; use customer, fields', position: 0 },
      { message: 'action is not available here; use customer, fields', position: 15 },
      { message: 'context is not available here; use customer, fields', position: 30 },
    ]);
    expect(checkExpression('fields.x', { roots: [] })).toEqual([
      { message: 'fields is not available here', position: 0 },
    ]);
  });

  it('checks the first name after a root against the declared fields', () => {
    const scope: ExpressionScope = {
      ...ALL,
      knownFields: { customer: new Set(['age', 'address']), fields: new Set(['propensity', 'value']) },
    };
    expect(checkExpression('customer.age + customer.address.anything + action.whatever', scope)).toEqual([]);
    expect(checkExpression('customer.agee * 2 + fields.Propensity + customer.zzz', scope)).toEqual([
      { message: "customer field 'agee' is not declared; did you mean 'age'?", position: 9 },
      { message: "fields field 'Propensity' is not declared; did you mean 'propensity'?", position: 27 },
      { message: "customer field 'zzz' is not declared", position: 49 },
    ]);
  });

  describe('security', () => {
    it.each([
      ['customer.constructor', "'constructor' is a reserved name and cannot be read", 9],
      ['customer.__proto__', "'__proto__' is a reserved name and cannot be read", 9],
      ['customer.address.__proto__.x', "'__proto__' is a reserved name and cannot be read", 17],
      ['fields.prototype', "'prototype' is a reserved name and cannot be read", 7],
      ['action.toString', "'toString' is a reserved name and cannot be read", 7],
      ['context.valueOf', "'valueOf' is a reserved name and cannot be read", 8],
      ['this', "unknown name 'this'; start with customer., context., action. or fields.", 0],
      [
        'globalThis.process',
        "unknown name 'globalThis'; start with customer., context., action. or fields.",
        0,
      ],
      ['process', "unknown name 'process'; start with customer., context., action. or fields.", 0],
      ['constructor', "unknown name 'constructor'; start with customer., context., action. or fields.", 0],
      ['__proto__', "unknown name '__proto__'; start with customer., context., action. or fields.", 0],
    ])('rejects %s', (text, message, position) => {
      expect(checkExpression(text, ALL)).toEqual([{ message, position }]);
    });

    it('rejects reserved names even when they are declared', () => {
      const scope: ExpressionScope = { ...ALL, knownFields: { customer: new Set(['constructor']) } };
      expect(checkExpression('customer.constructor', scope)).toHaveLength(1);
    });

    it.each([
      ['require("fs")', /^unknown function 'require'/],
      ['eval("1")', /^unknown function 'eval'/],
      ['Function("x")', /^unknown function 'Function'/],
      ['customer.constructor("x")', /^unexpected '\(' at position 20/],
      ['customer["constructor"]', /^brackets are not supported/],
      ['`x`', /^unexpected character '`'/],
      ['x => x', /^use '==' to compare values/],
      ['('.repeat(100) + 'customer.age' + ')'.repeat(100), /^the expression is nested too deeply/],
      ['1+'.repeat(5000) + '1', /^the expression is too long \(10001 characters; the limit is 2000\)/],
    ])('rejects %s', (text, message) => {
      const problems = checkExpression(text, ALL);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toMatch(message);
    });
  });
});

describe('expressionReads', () => {
  it('lists each path once, in order of appearance', () => {
    const ast = parse(
      'customer.age > 1 ? min(fields.value, customer.age) : coalesce(customer.address.city, context.x, fields.value)',
    );
    expect(expressionReads(ast)).toEqual([
      { root: 'customer', path: ['age'] },
      { root: 'fields', path: ['value'] },
      { root: 'customer', path: ['address', 'city'] },
      { root: 'context', path: ['x'] },
    ]);
    expect(expressionReads(parse('1 + 2'))).toEqual([]);
  });

  it('returns copies that do not alias the tree', () => {
    const ast = parse('fields.value');
    expressionReads(ast)[0]!.path.push('x');
    expect(expressionReads(ast)).toEqual([{ root: 'fields', path: ['value'] }]);
  });
});
