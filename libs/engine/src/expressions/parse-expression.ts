import type { BinaryOperator, ExpressionError, ExpressionNode, MemberNode } from './ast';
import { BINARY_PRECEDENCE, PREC } from './precedence';
import { tokenizeExpression, type Token } from './tokenize-expression';
import {
  FUNCTION_NAMES,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  arityProblem,
  isFunctionName,
  isRootName,
} from './vocabulary';

export type {
  BinaryNode,
  BinaryOperator,
  BooleanNode,
  CallNode,
  ConditionalNode,
  ExpressionError,
  ExpressionNode,
  MemberNode,
  NullNode,
  NumberNode,
  StringNode,
  UnaryNode,
  UnaryOperator,
} from './ast';

export type ParseExpressionResult = { ok: true; ast: ExpressionNode } | { ok: false; error: ExpressionError };

/**
 * Parses a score expression such as `min(customer.age, 60) * 0.01 + coalesce(fields.propensity, 0.1)`.
 * Never throws: every problem comes back as a message with the 0-based offset it refers to.
 */
export function parseExpression(text: string): ParseExpressionResult {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return fail(
      `the expression is too long (${text.length} characters; the limit is ${MAX_EXPRESSION_LENGTH})`,
      MAX_EXPRESSION_LENGTH,
    );
  }
  try {
    const tokenized = tokenizeExpression(text);
    if (!tokenized.ok) return tokenized;
    return { ok: true, ast: new Parser(tokenized.tokens).parseAll() };
  } catch (failure) {
    if (failure instanceof ParseFailure) return fail(failure.message, failure.position);
    // The depth limit keeps recursion shallow; this only guards against an engine with a tiny stack.
    return fail('the expression is too complex to read', 0);
  }
}

function fail(message: string, position: number): ParseExpressionResult {
  return { ok: false, error: { message, position } };
}

class ParseFailure {
  constructor(
    readonly message: string,
    readonly position: number,
  ) {}
}

type Infix = { op: BinaryOperator | '?'; prec: number; assoc: 'left' | 'right' | 'none' };

const SYMBOL_OPERATORS: ReadonlyMap<string, BinaryOperator> = new Map<string, BinaryOperator>([
  ['^', '^'],
  ['*', '*'],
  ['/', '/'],
  ['%', '%'],
  ['+', '+'],
  ['-', '-'],
  ['<', '<'],
  ['<=', '<='],
  ['>', '>'],
  ['>=', '>='],
  ['==', '=='],
  ['!=', '!='],
  ['&&', 'and'],
  ['||', 'or'],
]);

function infixOf(token: Token): Infix | undefined {
  let op: BinaryOperator | undefined;
  if (token.kind === 'punct') {
    if (token.text === '?') return { op: '?', prec: PREC.ternary, assoc: 'right' };
    op = SYMBOL_OPERATORS.get(token.text);
  } else if (token.kind === 'name' && (token.text === 'and' || token.text === 'or')) {
    op = token.text;
  }
  return op === undefined ? undefined : { op, ...BINARY_PRECEDENCE[op] };
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the expression';
  const text = token.text.length > 24 ? `${token.text.slice(0, 20)}...` : token.text;
  return `'${text}'`;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): ExpressionNode {
    if (this.peek().kind === 'end') throw new ParseFailure('the expression is empty', 0);
    const ast = this.parseExpression(0);
    const rest = this.peek();
    if (rest.kind !== 'end') throw this.unexpected(rest);
    return ast;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.text === text;
  }

  private unexpected(token: Token): ParseFailure {
    if (token.kind === 'end') {
      const previous = this.tokens[this.index - 1];
      const after = previous ? ` after '${previous.text}'` : '';
      return new ParseFailure(`the expression ends too early: expected a value${after}`, token.position);
    }
    return new ParseFailure(`unexpected ${describe(token)} at position ${token.position}`, token.position);
  }

  /** Counts one level of nesting (parentheses, calls, signs, powers, branches) around `parse`. */
  private nested<T>(at: Token, parse: () => T): T {
    if (++this.depth > MAX_EXPRESSION_DEPTH) {
      throw new ParseFailure(
        `the expression is nested too deeply at position ${at.position} (more than ${MAX_EXPRESSION_DEPTH} levels)`,
        at.position,
      );
    }
    const result = parse();
    this.depth--;
    return result;
  }

  private parseExpression(minPrec: number): ExpressionNode {
    let left = this.parsePrefix();
    for (;;) {
      const token = this.peek();
      const infix = infixOf(token);
      if (!infix || infix.prec < minPrec) return left;
      this.next();
      if (infix.op === '?') {
        left = this.parseConditional(left, token);
        continue;
      }
      const op = infix.op;
      const right =
        infix.assoc === 'right'
          ? this.nested(token, () => this.parseExpression(infix.prec))
          : this.parseExpression(infix.prec + 1);
      left = { kind: 'binary', op, left, right, position: left.position };
      const following = infixOf(this.peek());
      if (infix.assoc === 'none' && following?.prec === infix.prec) {
        const position = this.peek().position;
        throw new ParseFailure(
          `comparisons can't be chained ('${this.peek().text}' at position ${position}); ` +
            "combine them with 'and', e.g. 1 < x and x < 3",
          position,
        );
      }
    }
  }

  private parseConditional(test: ExpressionNode, question: Token): ExpressionNode {
    const consequent = this.nested(question, () => this.parseExpression(0));
    if (!this.isPunct(':')) {
      const token = this.peek();
      throw new ParseFailure(
        `expected ':' after the value for 'yes' at position ${token.position} (write condition ? yes : no)`,
        token.position,
      );
    }
    const colon = this.next();
    const alternate = this.nested(colon, () => this.parseExpression(PREC.ternary));
    return { kind: 'conditional', test, consequent, alternate, position: test.position };
  }

  private parsePrefix(): ExpressionNode {
    const token = this.next();
    const position = token.position;
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value, position };
      case 'string':
        return { kind: 'string', value: token.value, position };
      case 'end':
        throw this.unexpected(token);
      case 'punct':
        if (token.text === '(') return this.nested(token, () => this.parseGroup(token));
        if (token.text === '-' || token.text === '+') {
          const op = token.text;
          const operand = this.nested(token, () => this.parseExpression(PREC.sign));
          return { kind: 'unary', op, operand, position };
        }
        if (token.text === '!') return this.parseNot(token);
        throw this.unexpected(token);
      case 'name':
        return this.parseName(token);
    }
  }

  private parseNot(token: Token): ExpressionNode {
    const operand = this.nested(token, () => this.parseExpression(PREC.not));
    return { kind: 'unary', op: 'not', operand, position: token.position };
  }

  private parseGroup(open: Token): ExpressionNode {
    const inner = this.parseExpression(0);
    if (!this.isPunct(')')) {
      const token = this.peek();
      throw new ParseFailure(
        `expected ')' to close the '(' at position ${open.position}, found ${describe(token)}`,
        token.position,
      );
    }
    this.next();
    return inner;
  }

  private parseName(token: Token & { kind: 'name' }): ExpressionNode {
    const { text: name, position } = token;
    switch (name) {
      case 'true':
      case 'false':
        return { kind: 'boolean', value: name === 'true', position };
      case 'null':
        return { kind: 'null', position };
      case 'not':
        return this.parseNot(token);
      case 'and':
      case 'or':
        throw this.unexpected(token);
    }
    if (this.isPunct('(')) {
      if (isFunctionName(name)) return this.nested(token, () => this.parseCall(token));
      if (isRootName(name))
        throw new ParseFailure(`${name} is not a function; write ${name}.<field>`, position);
      throw new ParseFailure(
        `unknown function '${name}'; the functions are ${FUNCTION_NAMES.join(', ')}`,
        position,
      );
    }
    if (isRootName(name)) return this.parseMember(token);
    if (isFunctionName(name)) throw new ParseFailure(`${name} is a function; write ${name}(...)`, position);
    throw new ParseFailure(
      `unknown name '${name}'; start with customer., context., action. or fields.`,
      position,
    );
  }

  private parseMember(rootToken: Token & { kind: 'name' }): MemberNode {
    const root = rootToken.text;
    if (!isRootName(root)) throw new ParseFailure(`unknown name '${root}'`, rootToken.position);
    const path: string[] = [];
    const pathPositions: number[] = [];
    if (!this.isPunct('.')) {
      throw new ParseFailure(
        `expected a field after '${root}' at position ${this.peek().position}, e.g. ${root}.name`,
        this.peek().position,
      );
    }
    while (this.isPunct('.')) {
      this.next();
      const name = this.peek();
      if (name.kind !== 'name') {
        const soFar = [root, ...path].join('.');
        throw new ParseFailure(
          `expected a field name after '${soFar}.' at position ${name.position}`,
          name.position,
        );
      }
      this.next();
      path.push(name.text);
      pathPositions.push(name.position);
    }
    return { kind: 'member', root, path, pathPositions, position: rootToken.position };
  }

  private parseCall(nameToken: Token & { kind: 'name' }): ExpressionNode {
    const name = nameToken.text;
    if (!isFunctionName(name)) throw new ParseFailure(`unknown function '${name}'`, nameToken.position);
    this.next(); // (
    const args: ExpressionNode[] = [];
    if (this.isPunct(')')) {
      this.next();
    } else {
      for (;;) {
        args.push(this.parseExpression(0));
        if (this.isPunct(',')) {
          this.next();
          continue;
        }
        if (this.isPunct(')')) {
          this.next();
          break;
        }
        const token = this.peek();
        throw new ParseFailure(
          token.kind === 'end'
            ? `expected ')' after the arguments of ${name}`
            : `expected ',' or ')' after an argument of ${name}, found ${describe(token)} at position ${token.position}`,
          token.position,
        );
      }
    }
    const problem = arityProblem(name, args.length);
    if (problem) throw new ParseFailure(problem, nameToken.position);
    return { kind: 'call', name, args, position: nameToken.position };
  }
}
