import type { ExpressionError } from './ast';

export type Punctuation =
  | '^'
  | '*'
  | '/'
  | '%'
  | '+'
  | '-'
  | '<'
  | '<='
  | '>'
  | '>='
  | '=='
  | '!='
  | '&&'
  | '||'
  | '!'
  | '?'
  | ':'
  | '('
  | ')'
  | ','
  | '.';

export type Token =
  | { kind: 'number'; value: number; text: string; position: number }
  | { kind: 'string'; value: string; text: string; position: number }
  | { kind: 'name'; text: string; position: number }
  | { kind: 'punct'; text: Punctuation; position: number }
  | { kind: 'end'; text: ''; position: number };

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: ExpressionError };

const TWO_CHAR: readonly string[] = ['<=', '>=', '==', '!=', '&&', '||'];
const ONE_CHAR: readonly string[] = [
  '^',
  '*',
  '/',
  '%',
  '+',
  '-',
  '<',
  '>',
  '!',
  '?',
  ':',
  '(',
  ')',
  ',',
  '.',
];
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\'],
  ["'", "'"],
  ['"', '"'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['b', '\b'],
  ['f', '\f'],
]);

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isNamePart = (c: string | undefined) => isNameStart(c) || isDigit(c);
const isSpace = (c: string) => /\s/.test(c);

class TokenizeFailure {
  constructor(
    readonly message: string,
    readonly position: number,
  ) {}
}

export function tokenizeExpression(text: string): TokenizeResult {
  try {
    return { ok: true, tokens: tokenize(text) };
  } catch (failure) {
    if (failure instanceof TokenizeFailure) {
      return { ok: false, error: { message: failure.message, position: failure.position } };
    }
    throw failure;
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (isSpace(c)) {
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1]) && !followsValue(tokens))) {
      i = readNumber(text, i, tokens);
    } else if (c === '"' || c === "'") {
      i = readString(text, i, tokens);
    } else if (isNameStart(c)) {
      const start = i;
      while (isNamePart(text[i])) i++;
      tokens.push({ kind: 'name', text: text.slice(start, i), position: start });
    } else if (TWO_CHAR.includes(text.slice(i, i + 2))) {
      tokens.push({ kind: 'punct', text: text.slice(i, i + 2) as Punctuation, position: i });
      i += 2;
    } else if (ONE_CHAR.includes(c)) {
      tokens.push({ kind: 'punct', text: c as Punctuation, position: i });
      i++;
    } else {
      throw new TokenizeFailure(unexpectedCharacter(text, i), i);
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}

/** After a value, `.5` is a member step (`customer.5` is then a clear error), not a number. */
function followsValue(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && (last.kind !== 'punct' || last.text === ')');
}

function readNumber(text: string, start: number, tokens: Token[]): number {
  let i = start;
  while (isDigit(text[i])) i++;
  if (text[i] === '.' && isDigit(text[i + 1])) {
    i++;
    while (isDigit(text[i])) i++;
  }
  if (
    (text[i] === 'e' || text[i] === 'E') &&
    (isDigit(text[i + 1]) || ((text[i + 1] === '+' || text[i + 1] === '-') && isDigit(text[i + 2])))
  ) {
    i += 2;
    while (isDigit(text[i])) i++;
  }
  if (isNamePart(text[i]) || (text[i] === '.' && isDigit(text[i + 1]))) {
    let end = i;
    while (isNamePart(text[end]) || text[end] === '.') end++;
    throw new TokenizeFailure(
      `'${text.slice(start, end)}' at position ${start} is not a valid number`,
      start,
    );
  }
  const numberText = text.slice(start, i);
  const value = Number(numberText);
  if (!Number.isFinite(value)) {
    throw new TokenizeFailure(`the number ${numberText} at position ${start} is too large`, start);
  }
  tokens.push({ kind: 'number', value, text: numberText, position: start });
  return i;
}

function readString(text: string, start: number, tokens: Token[]): number {
  const quote = text[start]!;
  let value = '';
  let i = start + 1;
  for (;;) {
    const c = text[i];
    if (c === undefined) {
      throw new TokenizeFailure(
        `the text starting at position ${start} is missing its closing ${quote}`,
        start,
      );
    }
    if (c === quote) break;
    if (c === '\\') {
      const escaped = text[i + 1];
      const simple = escaped === undefined ? undefined : ESCAPES.get(escaped);
      if (simple !== undefined) {
        value += simple;
        i += 2;
      } else if (escaped === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        throw new TokenizeFailure(
          `unknown escape '\\${escaped ?? ''}' at position ${i}; write \\\\ for a backslash`,
          i,
        );
      }
    } else {
      value += c;
      i++;
    }
  }
  tokens.push({ kind: 'string', value, text: text.slice(start, i + 1), position: start });
  return i + 1;
}

function unexpectedCharacter(text: string, i: number): string {
  const c = text[i];
  if (c === '=') return `use '==' to compare values ('=' at position ${i})`;
  if (c === '&') return `use 'and' (or '&&') to combine conditions ('&' at position ${i})`;
  if (c === '|') return `use 'or' (or '||') to combine conditions ('|' at position ${i})`;
  if (c === '[' || c === ']') {
    return `brackets are not supported ('${c}' at position ${i}); write fields like customer.name`;
  }
  const char = String.fromCodePoint(text.codePointAt(i)!);
  return `unexpected character '${char}' at position ${i}`;
}
