/**
 * JavaScript source built at compile time and instantiated with `new Function`, as ajv does for
 * JSON Schema. Only the engine writes the source: values from a document reach it as literals
 * (strings through JSON.stringify, numbers through numberLiteral) or as references to values kept
 * outside the source (`externals`), never as text to run.
 */
export class GeneratedModule {
  private readonly externals: unknown[] = [];
  private readonly externalNames = new Map<unknown, string>();
  private readonly lines: string[] = [];
  private count = 0;

  /** A name in the source for a value kept outside it (a function, a list, a Set). */
  external(value: unknown): string {
    let name = this.externalNames.get(value);
    if (name === undefined) {
      name = `e${this.externals.length}`;
      this.lines.push(`const ${name} = E[${this.externals.length}];`);
      this.externals.push(value);
      this.externalNames.set(value, name);
    }
    return name;
  }

  /** Declares `const <name> = <source>;` and returns the new name. */
  declare(prefix: string, source: string): string {
    const name = `${prefix}${this.count++}`;
    this.lines.push(`const ${name} = ${source};`);
    return name;
  }

  get isEmpty(): boolean {
    return this.lines.length === 0;
  }

  /**
   * Runs the module and returns the value of `result` (an expression over the declared names).
   * Undefined where code generation is not allowed (a page whose Content Security Policy forbids
   * `new Function` throws EvalError): the caller keeps its closures. Any other error is a bug in the
   * generator and is thrown.
   */
  instantiate<T>(result: string): T | undefined {
    if (!codeGenerationAllowed()) return undefined;
    const source = `"use strict";\n${this.lines.join('\n')}\nreturn ${result};`;
    let factory: (externals: unknown[]) => T;
    try {
      // eslint-disable-next-line no-new-func -- the point of this module; the source is the engine's own
      factory = new Function('E', source) as (externals: unknown[]) => T;
    } catch (error) {
      if (error instanceof EvalError) return undefined;
      throw error;
    }
    return factory(this.externals);
  }
}

let allowed: boolean | undefined;

/** Whether `new Function` may run here (false under a Content Security Policy without 'unsafe-eval'). */
export function codeGenerationAllowed(): boolean {
  if (allowed === undefined) {
    try {
      // eslint-disable-next-line no-new-func -- a constant probe
      allowed = new Function('return true')() === true;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/** A primitive as a JavaScript literal; undefined for values that stay outside the source. */
export function literal(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      // JSON strings are JavaScript string literals (U+2028/9 included, since ES2019).
      return JSON.stringify(value);
    case 'number':
      return numberLiteral(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return '(void 0)';
    default:
      return value === null ? 'null' : undefined;
  }
}

/** Every number, including -0, NaN and the infinities that JSON.stringify would turn into 0 or null. */
function numberLiteral(n: number): string {
  if (Number.isNaN(n)) return '(0 / 0)';
  if (n === Infinity) return '(1 / 0)';
  if (n === -Infinity) return '(-1 / 0)';
  if (Object.is(n, -0)) return '(-0)';
  return n < 0 ? `(${JSON.stringify(n)})` : JSON.stringify(n);
}
