import fc from 'fast-check';
import type { BinaryOperator, ExpressionNode, UnaryOperator } from './ast';
import { checkExpression } from './check-expression';
import { compileExpression, type ExpressionEnv } from './compile-expression';
import { formatExpression } from './describe-expression';
import { parseExpression } from './parse-expression';
import type { FunctionName } from './vocabulary';

const ARITHMETIC_OPS = ['+', '-', '*', '/', '%', '^'] as const;
const FIELD_NAMES = ['a', 'b', 'c'] as const;

/** Independent tree-walking reference for the arithmetic subset. */
function reference(node: ExpressionNode, fields: Record<string, number>): number | undefined {
  const ok = (n: number) => (Number.isFinite(n) ? n : undefined);
  switch (node.kind) {
    case 'number':
      return ok(node.value);
    case 'member':
      return ok(fields[node.path[0]!]!);
    case 'unary': {
      const x = reference(node.operand, fields);
      return x === undefined ? undefined : -x;
    }
    case 'binary': {
      const a = reference(node.left, fields);
      const b = reference(node.right, fields);
      if (a === undefined || b === undefined) return undefined;
      const results: Record<string, () => number> = {
        '+': () => a + b,
        '-': () => a - b,
        '*': () => a * b,
        '/': () => (b === 0 ? NaN : a / b),
        '%': () => (b === 0 ? NaN : a % b),
        '^': () => Math.pow(a, b),
      };
      return ok(results[node.op]!());
    }
    default:
      throw new Error(`not in the arithmetic subset: ${node.kind}`);
  }
}

const numberNode = fc
  .oneof(fc.integer({ min: -20, max: 20 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .map((value): ExpressionNode => ({ kind: 'number', value, position: 0 }));
const fieldNode = fc
  .constantFrom(...FIELD_NAMES)
  .map((name): ExpressionNode => ({ kind: 'member', root: 'fields', path: [name], position: 0 }));

const { tree: arithmeticTree } = fc.letrec<{ tree: ExpressionNode }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 6, depthIdentifier: 'arith' },
    numberNode,
    fieldNode,
    tie('tree').map((operand): ExpressionNode => ({ kind: 'unary', op: '-', operand, position: 0 })),
    fc
      .record({
        op: fc.constantFrom<BinaryOperator>(...ARITHMETIC_OPS),
        left: tie('tree'),
        right: tie('tree'),
      })
      .map(({ op, left, right }): ExpressionNode => ({ kind: 'binary', op, left, right, position: 0 })),
  ),
}));

const fieldValues = fc.record({
  a: fc.integer({ min: -5, max: 5 }),
  b: fc.double({ noNaN: true, noDefaultInfinity: true }),
  c: fc.constantFrom(0, 0.5, -1, 2),
});

const envOf = (fields: unknown): ExpressionEnv => ({ customer: {}, context: {}, action: {}, fields });

describe('expression properties', () => {
  it('formatted arithmetic parses back to a tree with the same value', () => {
    fc.assert(
      fc.property(arithmeticTree, fieldValues, (ast, fields) => {
        const parsed = parseExpression(formatExpression(ast));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const expected = reference(ast, fields);
        expect(compileExpression(parsed.ast)(envOf(fields))).toBe(expected);
        expect(compileExpression(ast)(envOf(fields))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('formatting is stable: format(parse(format(ast))) == format(ast)', () => {
    fc.assert(
      fc.property(arithmeticTree, (ast) => {
        const text = formatExpression(ast);
        const parsed = parseExpression(text);
        return parsed.ok && formatExpression(parsed.ast) === text;
      }),
      { numRuns: 300 },
    );
  });

  const tokenSoup = fc
    .array(
      fc.constantFrom(
        'customer.age',
        'fields.propensity',
        'action.value',
        'context.x',
        'customer.constructor',
        '"42"',
        "'a'",
        '1',
        '0',
        '.5',
        '1e3',
        'true',
        'null',
        '(',
        ')',
        ',',
        '?',
        ':',
        '+',
        '-',
        '*',
        '/',
        '%',
        '^',
        '<',
        '>=',
        '==',
        '!=',
        'and',
        'or',
        'not',
        '!',
        'min(',
        'max(',
        'round(',
        'clamp(',
        'coalesce(',
        'log(',
        'pow(',
        'logistic(',
        'abs(',
      ),
      { maxLength: 40 },
    )
    .map((tokens) => tokens.join(' '));

  const anyValue = fc.oneof(fc.anything(), fc.double(), fc.string(), fc.constant(undefined));
  const anyEnv = fc.record({
    customer: fc.oneof(anyValue, fc.record({ age: anyValue, constructor: anyValue })),
    context: anyValue,
    action: fc.oneof(anyValue, fc.record({ value: anyValue })),
    fields: fc.oneof(anyValue, fc.record({ propensity: anyValue })),
  });

  it('never throws on any input, and errors point inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), tokenSoup), anyEnv, (text, env) => {
        const parsed = parseExpression(text);
        expect(() => checkExpression(text, { roots: ['customer', 'fields'] })).not.toThrow();
        if (!parsed.ok) {
          expect(parsed.error.position).toBeGreaterThanOrEqual(0);
          expect(parsed.error.position).toBeLessThanOrEqual(text.length);
          return;
        }
        const run = compileExpression(parsed.ast);
        expect(() => run(env)).not.toThrow();
        const again = parseExpression(formatExpression(parsed.ast));
        expect(again.ok && formatExpression(again.ast)).toBe(formatExpression(parsed.ast));
      }),
      { numRuns: 1000 },
    );
  });

  const ALL_OPS: readonly BinaryOperator[] = [
    ...ARITHMETIC_OPS,
    '<',
    '<=',
    '>',
    '>=',
    '==',
    '!=',
    'and',
    'or',
  ];
  const CALLS: readonly [FunctionName, number][] = [
    ['min', 2],
    ['max', 3],
    ['abs', 1],
    ['round', 1],
    ['round', 2],
    ['floor', 1],
    ['ceil', 1],
    ['sqrt', 1],
    ['exp', 1],
    ['log', 1],
    ['pow', 2],
    ['clamp', 3],
    ['coalesce', 2],
    ['logistic', 1],
  ];
  const leaf = fc.oneof(
    numberNode,
    fieldNode,
    fc.constantFrom<ExpressionNode>(
      { kind: 'string', value: '4', position: 0 },
      { kind: 'string', value: 'x"\\y', position: 0 },
      { kind: 'boolean', value: true, position: 0 },
      { kind: 'boolean', value: false, position: 0 },
      { kind: 'null', position: 0 },
      { kind: 'member', root: 'customer', path: ['missing'], position: 0 },
    ),
  );
  const { tree: anyTree } = fc.letrec<{ tree: ExpressionNode }>((tie) => ({
    tree: fc.oneof(
      { maxDepth: 5, depthIdentifier: 'any' },
      leaf,
      fc
        .record({ op: fc.constantFrom<UnaryOperator>('-', '+', 'not'), operand: tie('tree') })
        .map(({ op, operand }): ExpressionNode => ({ kind: 'unary', op, operand, position: 0 })),
      fc
        .record({ op: fc.constantFrom(...ALL_OPS), left: tie('tree'), right: tie('tree') })
        .map(({ op, left, right }): ExpressionNode => ({ kind: 'binary', op, left, right, position: 0 })),
      fc
        .tuple(tie('tree'), tie('tree'), tie('tree'))
        .map(([test, consequent, alternate]): ExpressionNode => ({
          kind: 'conditional',
          test,
          consequent,
          alternate,
          position: 0,
        })),
      fc
        .constantFrom(...CALLS)
        .chain(([name, arity]) =>
          fc
            .array(tie('tree'), { minLength: arity, maxLength: arity })
            .map((args): ExpressionNode => ({ kind: 'call', name, args, position: 0 })),
        ),
    ),
  }));

  it('any tree of the full language formats to text that parses back to the same meaning', () => {
    fc.assert(
      fc.property(anyTree, fieldValues, (ast, fields) => {
        const text = formatExpression(ast);
        const parsed = parseExpression(text);
        if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
        expect(formatExpression(parsed.ast)).toBe(text);
        expect(compileExpression(parsed.ast)(envOf(fields))).toStrictEqual(
          compileExpression(ast)(envOf(fields)),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
