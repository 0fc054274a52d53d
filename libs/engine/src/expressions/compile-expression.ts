import type { BinaryNode, CallNode, ExpressionNode, MemberNode } from './ast';
import { equals, finite, roundTo, toNumber, truthy } from './values';
import { RESERVED_MEMBER_NAMES, arityProblem, isFunctionName } from './vocabulary';

/** The facts an expression reads. */
export interface ExpressionEnv {
  customer: unknown;
  context: unknown;
  action: unknown;
  fields: unknown;
}

/** Returns the value, or `undefined` when it is missing; never throws. */
export type CompiledExpression = (env: ExpressionEnv) => unknown;

type Evaluator = (env: ExpressionEnv) => unknown;
type NumberOrMissing = number | undefined;

/**
 * Turns a tree into nested closures, built once, so evaluation does no dispatch on node kinds.
 * Evaluation never throws and never reads a prototype. Compiling throws only for a malformed
 * hand-built tree (unknown kind, operator, root or function, wrong number of arguments).
 *
 * Semantics: arithmetic and math functions take finite numbers or numeric strings and give a finite
 * number or missing (division by zero, sqrt(-1), overflow, any missing or non-numeric input);
 * `< <= > >=` are false unless both sides are numbers; `==`/`!=` are described at `equals`;
 * `and`/`or`/`not` and `? :` use truthiness (missing is false) and `and`/`or` return booleans;
 * `coalesce` returns the first argument that is neither missing nor null.
 */
export function compileExpression(ast: ExpressionNode): CompiledExpression {
  const evaluate = compileNode(ast);
  return (env) => {
    try {
      return evaluate(env);
    } catch {
      // Only exotic inputs get here (a throwing getter or proxy in the facts); they read as missing.
      return undefined;
    }
  };
}

function compileNode(node: ExpressionNode): Evaluator {
  switch (node.kind) {
    case 'number': {
      const value = finite(node.value);
      return () => value;
    }
    case 'string':
    case 'boolean': {
      const value = node.value;
      return () => value;
    }
    case 'null':
      return () => null;
    case 'member':
      return compileMember(node);
    case 'unary': {
      const operand = compileNode(node.operand);
      switch (node.op) {
        case '-':
          return (env) => {
            const n = toNumber(operand(env));
            return n === undefined ? undefined : -n;
          };
        case '+':
          return (env) => toNumber(operand(env));
        case 'not':
          return (env) => !truthy(operand(env));
      }
      return malformed(`unknown unary operator '${String((node as { op: unknown }).op)}'`);
    }
    case 'binary':
      return compileBinary(node);
    case 'conditional': {
      const test = compileNode(node.test);
      const consequent = compileNode(node.consequent);
      const alternate = compileNode(node.alternate);
      return (env) => (truthy(test(env)) ? consequent(env) : alternate(env));
    }
    case 'call':
      return compileCall(node);
  }
  return malformed(`unknown node kind '${String((node as { kind: unknown }).kind)}'`);
}

function malformed(message: string): never {
  throw new Error(`Invalid expression tree: ${message}`);
}

const ROOT_READERS: ReadonlyMap<string, Evaluator> = new Map<string, Evaluator>([
  ['customer', (env) => env.customer],
  ['context', (env) => env.context],
  ['action', (env) => env.action],
  ['fields', (env) => env.fields],
]);

function compileMember(node: MemberNode): Evaluator {
  const readRoot = ROOT_READERS.get(node.root) ?? malformed(`unknown root '${String(node.root)}'`);
  const keys = [...node.path];
  // Checked again here so that a tree that skipped checkExpression still cannot reach built-ins.
  if (keys.some((key) => typeof key !== 'string' || RESERVED_MEMBER_NAMES.has(key))) return () => undefined;
  return (env) => {
    let value = readRoot(env);
    for (const key of keys) {
      if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return typeof value === 'number' && !Number.isFinite(value) ? undefined : value;
  };
}

type Arithmetic = (a: number, b: number) => NumberOrMissing;

const ARITHMETIC: ReadonlyMap<string, Arithmetic> = new Map<string, Arithmetic>([
  ['+', (a, b) => a + b],
  ['-', (a, b) => a - b],
  ['*', (a, b) => a * b],
  ['/', (a, b) => (b === 0 ? undefined : a / b)],
  ['%', (a, b) => (b === 0 ? undefined : a % b)],
  ['^', (a, b) => a ** b],
]);

const COMPARISONS: ReadonlyMap<string, (a: number, b: number) => boolean> = new Map([
  ['<', (a: number, b: number) => a < b],
  ['<=', (a: number, b: number) => a <= b],
  ['>', (a: number, b: number) => a > b],
  ['>=', (a: number, b: number) => a >= b],
]);

function compileBinary(node: BinaryNode): Evaluator {
  const left = compileNode(node.left);
  const right = compileNode(node.right);
  switch (node.op) {
    case 'and':
      return (env) => truthy(left(env)) && truthy(right(env));
    case 'or':
      return (env) => truthy(left(env)) || truthy(right(env));
    case '==':
      return (env) => equals(left(env), right(env));
    case '!=':
      return (env) => !equals(left(env), right(env));
  }
  const compare = COMPARISONS.get(node.op);
  if (compare) {
    return (env) => {
      const a = toNumber(left(env));
      const b = toNumber(right(env));
      return a !== undefined && b !== undefined && compare(a, b);
    };
  }
  const operate = ARITHMETIC.get(node.op) ?? malformed(`unknown operator '${String(node.op)}'`);
  return (env) => {
    const a = toNumber(left(env));
    const b = toNumber(right(env));
    if (a === undefined || b === undefined) return undefined;
    const result = operate(a, b);
    return result === undefined ? undefined : finite(result);
  };
}

/** A function of numbers: any missing or non-numeric argument, or a non-finite result, is missing. */
function numeric(args: readonly Evaluator[], fn: (xs: number[]) => NumberOrMissing): Evaluator {
  return (env) => {
    const xs: number[] = [];
    for (const arg of args) {
      const n = toNumber(arg(env));
      if (n === undefined) return undefined;
      xs.push(n);
    }
    const result = fn(xs);
    return result === undefined ? undefined : finite(result);
  };
}

function numeric1(args: readonly Evaluator[], fn: (x: number) => NumberOrMissing): Evaluator {
  const [arg] = args as [Evaluator];
  return (env) => {
    const x = toNumber(arg(env));
    if (x === undefined) return undefined;
    const result = fn(x);
    return result === undefined ? undefined : finite(result);
  };
}

function compileCall(node: CallNode): Evaluator {
  const name: string = node.name;
  if (!isFunctionName(name)) return malformed(`unknown function '${name}'`);
  const problem = arityProblem(name, node.args.length);
  if (problem) return malformed(problem);
  const args = node.args.map(compileNode);
  switch (name) {
    case 'min':
      return numeric(args, (xs) => Math.min(...xs));
    case 'max':
      return numeric(args, (xs) => Math.max(...xs));
    case 'abs':
      return numeric1(args, Math.abs);
    case 'round':
      return args.length === 1
        ? numeric1(args, (x) => roundTo(x, 0))
        : numeric(args, ([x, digits]) => roundTo(x!, digits!));
    case 'floor':
      return numeric1(args, Math.floor);
    case 'ceil':
      return numeric1(args, Math.ceil);
    case 'sqrt':
      return numeric1(args, Math.sqrt);
    case 'exp':
      return numeric1(args, Math.exp);
    case 'log':
      return numeric1(args, Math.log);
    case 'pow':
      return numeric(args, ([x, y]) => x! ** y!);
    case 'clamp':
      return numeric(args, ([x, lo, hi]) => (lo! > hi! ? undefined : Math.min(Math.max(x!, lo!), hi!)));
    case 'logistic':
      return numeric1(args, (x) => 1 / (1 + Math.exp(-x)));
    case 'coalesce':
      return (env) => {
        for (const arg of args) {
          const value = arg(env);
          if (value !== undefined && value !== null) return value;
        }
        return undefined;
      };
  }
}
