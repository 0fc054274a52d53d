/** The names an expression may use: the four facts, the whitelisted functions and the limits. */

export const ROOT_NAMES = ['customer', 'context', 'action', 'fields'] as const;
export type RootName = (typeof ROOT_NAMES)[number];

export const FUNCTION_NAMES = [
  'min',
  'max',
  'abs',
  'round',
  'floor',
  'ceil',
  'sqrt',
  'exp',
  'log',
  'pow',
  'clamp',
  'coalesce',
  'logistic',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export interface FunctionSignature {
  minArgs: number;
  maxArgs: number;
  /** How the function is written, for messages. */
  usage: string;
}

const SIGNATURES: Readonly<Record<FunctionName, FunctionSignature>> = {
  min: { minArgs: 2, maxArgs: Infinity, usage: 'min(a, b, ...)' },
  max: { minArgs: 2, maxArgs: Infinity, usage: 'max(a, b, ...)' },
  abs: { minArgs: 1, maxArgs: 1, usage: 'abs(x)' },
  round: { minArgs: 1, maxArgs: 2, usage: 'round(x) or round(x, digits)' },
  floor: { minArgs: 1, maxArgs: 1, usage: 'floor(x)' },
  ceil: { minArgs: 1, maxArgs: 1, usage: 'ceil(x)' },
  sqrt: { minArgs: 1, maxArgs: 1, usage: 'sqrt(x)' },
  exp: { minArgs: 1, maxArgs: 1, usage: 'exp(x)' },
  log: { minArgs: 1, maxArgs: 1, usage: 'log(x)' },
  pow: { minArgs: 2, maxArgs: 2, usage: 'pow(x, y)' },
  clamp: { minArgs: 3, maxArgs: 3, usage: 'clamp(x, lo, hi)' },
  coalesce: { minArgs: 2, maxArgs: Infinity, usage: 'coalesce(a, b, ...)' },
  logistic: { minArgs: 1, maxArgs: 1, usage: 'logistic(x)' },
};

// Lookups go through Object.hasOwn so that names like "constructor" never resolve through a prototype.
export function isRootName(name: string): name is RootName {
  return (ROOT_NAMES as readonly string[]).includes(name);
}

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(SIGNATURES, name);
}

export function functionSignature(name: FunctionName): FunctionSignature {
  return SIGNATURES[name];
}

/** The arity problem of a call, or undefined when the number of arguments is right. */
export function arityProblem(name: FunctionName, count: number): string | undefined {
  const { minArgs, maxArgs, usage } = SIGNATURES[name];
  if (count >= minArgs && count <= maxArgs) return undefined;
  const got = `got ${count}`;
  if (maxArgs === Infinity) return `${name} needs at least ${minArgs} arguments, ${got}: ${usage}`;
  if (minArgs === maxArgs) {
    return `${name} takes exactly ${minArgs} argument${minArgs === 1 ? '' : 's'}, ${got}: ${usage}`;
  }
  return `${name} takes ${minArgs} or ${maxArgs} arguments, ${got}: ${usage}`;
}

/**
 * Member names that would reach built-in object machinery (everything on Object.prototype, plus
 * `prototype`). They are rejected by the checker and read as missing by compiled expressions.
 */
export const RESERVED_MEMBER_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'prototype',
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

export const MAX_EXPRESSION_LENGTH = 2000;
export const MAX_EXPRESSION_DEPTH = 64;
