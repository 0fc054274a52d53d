import type { ExpressionNode } from './ast';
import { BINARY_PRECEDENCE, PREC } from './precedence';

/**
 * Prints an expression in its canonical form, with as few parentheses as the grammar allows:
 * `and`/`or`/`not` in words, strings in double quotes, one space around binary operators.
 * The output parses back to an equivalent tree.
 */
export function formatExpression(ast: ExpressionNode): string {
  switch (ast.kind) {
    case 'number':
      return formatNumber(ast.value);
    case 'string':
      return JSON.stringify(ast.value);
    case 'boolean':
      return String(ast.value);
    case 'null':
      return 'null';
    case 'member':
      return [ast.root, ...ast.path].join('.');
    case 'unary': {
      if (ast.op === 'not') return `not ${operand(ast.operand, PREC.not)}`;
      // `-(-x)` rather than `--x`, which reads like a decrement.
      const inner = isSigned(ast.operand)
        ? `(${formatExpression(ast.operand)})`
        : operand(ast.operand, PREC.sign);
      return `${ast.op}${inner}`;
    }
    case 'binary': {
      const { prec, assoc } = BINARY_PRECEDENCE[ast.op];
      const left = operand(ast.left, assoc === 'left' ? prec : prec + 1);
      // A sign is fine right of `^` (`2 ^ -1`): the parser reads it as the exponent.
      const right =
        ast.op === '^' && isSigned(ast.right)
          ? formatExpression(ast.right)
          : operand(ast.right, assoc === 'right' ? prec : prec + 1);
      return `${left} ${ast.op} ${right}`;
    }
    case 'conditional':
      return (
        `${operand(ast.test, PREC.ternary + 1)} ? ${formatExpression(ast.consequent)} : ` +
        operand(ast.alternate, PREC.ternary)
      );
    case 'call':
      return `${ast.name}(${ast.args.map(formatExpression).join(', ')})`;
  }
}

/** Formats `node`, in parentheses unless it binds at least as tightly as `minPrec`. */
function operand(node: ExpressionNode, minPrec: number): string {
  const text = formatExpression(node);
  return precedenceOf(node) < minPrec ? `(${text})` : text;
}

function precedenceOf(node: ExpressionNode): number {
  switch (node.kind) {
    case 'binary':
      return BINARY_PRECEDENCE[node.op].prec;
    case 'conditional':
      return PREC.ternary;
    case 'unary':
      return node.op === 'not' ? PREC.not : PREC.sign;
    case 'number':
      return isSigned(node) ? PREC.sign : PREC.atom;
    default:
      return PREC.atom;
  }
}

function isSigned(node: ExpressionNode): boolean {
  if (node.kind === 'unary') return node.op !== 'not';
  return (
    node.kind === 'number' && Number.isFinite(node.value) && (node.value < 0 || Object.is(node.value, -0))
  );
}

function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  // Only hand-built trees hold non-finite numbers; they evaluate as missing, and so does 0 / 0.
  if (!Number.isFinite(value)) return '(0 / 0)';
  return String(value);
}
