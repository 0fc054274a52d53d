import { DEFAULT_MAX_ROW_LENGTH } from './csv-parser';
import { escapeUnstorable, unstorableCharacter } from './storable-text';

/** JSON lines: one JSON object per LF-terminated line (a CR before the LF is allowed). */
export type JsonlProblemKind = 'invalid-json' | 'not-an-object' | 'too-long' | 'too-deep' | 'encoding';

/** Objects and lists nested deeper than this in one line reject the line (code after the parser recurses). */
export const MAX_ROW_DEPTH = 100;

/** Whether objects and lists nest more than `max` levels (a loop, so the check itself cannot overflow). */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > max) return true;
    for (const inner of Object.values(item))
      if (inner !== null && typeof inner === 'object') pending.push([inner, depth + 1]);
  }
  return false;
}

export interface JsonlRecord {
  line: number;
  object?: Record<string, unknown>;
  problem?: { kind: JsonlProblemKind; message: string };
}

export interface JsonlParserOptions {
  maxRowLength?: number;
}

export class JsonlParser {
  private readonly maxRowLength: number;
  private line = 1;
  private pending = '';
  private skipping = false;
  private records: JsonlRecord[] = [];

  blankLines = 0;

  constructor(options: JsonlParserOptions = {}) {
    this.maxRowLength = options.maxRowLength ?? DEFAULT_MAX_ROW_LENGTH;
  }

  push(text: string): JsonlRecord[] {
    let from = 0;
    for (;;) {
      const newline = text.indexOf('\n', from);
      if (newline < 0) break;
      this.take(text, from, newline);
      this.endLine();
      from = newline + 1;
    }
    this.take(text, from, text.length);
    return this.takeRecords();
  }

  end(): JsonlRecord[] {
    if (this.pending !== '' || this.skipping) this.endLine();
    return this.takeRecords();
  }

  private take(text: string, from: number, to: number): void {
    if (this.skipping || to <= from) return;
    this.pending += text.slice(from, to);
    if (this.pending.length > this.maxRowLength) {
      this.skipping = true;
      this.pending = '';
    }
  }

  private endLine(): void {
    const line = this.line++;
    if (this.skipping) {
      this.skipping = false;
      this.records.push({
        line,
        problem: {
          kind: 'too-long',
          message: `the line is longer than ${this.maxRowLength.toLocaleString('en-US')} characters; it was skipped`,
        },
      });
      return;
    }
    const text = this.pending;
    this.pending = '';
    if (text.trim() === '') {
      this.blankLines++;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // The engine's own message quotes the line, which may hold personal data: report only where it broke.
      const position = /position (\d+)/.exec((error as Error).message)?.[1];
      const where = position === undefined ? '' : ` (at character ${Number(position) + 1})`;
      this.records.push({
        line,
        problem: { kind: 'invalid-json', message: `the line is not valid JSON${where}` },
      });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
      this.records.push({
        line,
        problem: {
          kind: 'not-an-object',
          message: `the line holds ${what}, not a JSON object ({ "column": value, ... })`,
        },
      });
      return;
    }
    if (nestedDeeperThan(value, MAX_ROW_DEPTH)) {
      this.records.push({
        line,
        problem: {
          kind: 'too-deep',
          message: `the line nests objects or lists more than ${MAX_ROW_DEPTH} levels deep; flatten it`,
        },
      });
      return;
    }
    // A key becomes a column name, stored with the dataset: one PostgreSQL cannot keep rejects the row.
    const badKey = Object.keys(value).find((key) => unstorableCharacter(key));
    if (badKey !== undefined) {
      this.records.push({
        line,
        problem: {
          kind: 'encoding',
          message: `the key "${escapeUnstorable(badKey)}" holds a NUL character or half of a UTF-16 surrogate pair, which cannot be stored; rename it in the file`,
        },
      });
      return;
    }
    this.records.push({ line, object: value as Record<string, unknown> });
  }

  private takeRecords(): JsonlRecord[] {
    const out = this.records;
    this.records = [];
    return out;
  }
}
