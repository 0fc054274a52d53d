/**
 * Incremental RFC 4180 parser: text goes in chunk by chunk (any split, even inside a quoted field
 * or between CR and LF), whole records come out with the physical line they start on.
 * A quote only opens a quoted field at the start of a field; elsewhere it is an ordinary character
 * (`12" pizza`). Blank lines between records are skipped and counted.
 */

export interface CsvParserOptions {
  delimiter: string;
  /** `null` turns quoting off: every character is literal. */
  quote: string | null;
  /** Longest field kept, in characters; longer makes the row bad (the rest of it is skipped, not stored). */
  maxFieldLength?: number;
  maxRowLength?: number;
}

export type CsvProblemKind = 'unterminated-quote' | 'quote' | 'too-long';

export interface CsvRecord {
  /** Physical line (1-based, CR, LF and CRLF each end one) on which the record starts. */
  line: number;
  /** Empty when the record has a `too-long` or `unterminated-quote` problem: its content was not kept. */
  fields: string[];
  problem?: { kind: CsvProblemKind; message: string };
}

export const DEFAULT_MAX_FIELD_LENGTH = 1 << 20;
export const DEFAULT_MAX_ROW_LENGTH = 4 << 20;

const CR = 13;
const LF = 10;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either the first of a doubled quote or the closing one. */
  QuoteInQuoted,
}

export class CsvParser {
  private readonly delimiter: number;
  private readonly quote: number;
  private readonly quoteChar: string;
  private readonly maxFieldLength: number;
  private readonly maxRowLength: number;

  private line = 1;
  private prevCR = false;
  private inRecord = false;
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private recordLine = 0;
  private quoteLine = 0;
  private rowLength = 0;
  private skipping = false;
  private problem: CsvRecord['problem'];
  private records: CsvRecord[] = [];

  /** Empty lines skipped between records. */
  blankLines = 0;

  constructor(options: CsvParserOptions) {
    if (options.delimiter.length !== 1) throw new Error('the CSV delimiter must be a single character');
    if (options.quote !== null && (options.quote.length !== 1 || options.quote === options.delimiter)) {
      throw new Error('the CSV quote must be a single character different from the delimiter');
    }
    this.delimiter = options.delimiter.charCodeAt(0);
    this.quote = options.quote === null ? -1 : options.quote.charCodeAt(0);
    this.quoteChar = options.quote ?? '"';
    this.maxFieldLength = options.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH;
    this.maxRowLength = options.maxRowLength ?? DEFAULT_MAX_ROW_LENGTH;
  }

  /** Parses the next piece of text and returns the records it completed. */
  push(text: string): CsvRecord[] {
    const n = text.length;
    let start = 0;
    for (let i = 0; i < n; i++) {
      if (this.state === State.Unquoted || this.state === State.Quoted) {
        // Fast path: ordinary characters inside a field change neither the state nor the line.
        const stop = this.state === State.Unquoted ? this.delimiter : this.quote;
        const from = i;
        for (
          let d = text.charCodeAt(i);
          d !== stop && d !== CR && d !== LF && i < n;
          d = text.charCodeAt(++i)
        );
        if (i > from) this.prevCR = false;
        if (i === n) break;
      }
      const c = text.charCodeAt(i);
      const isNewline = c === CR || c === LF;
      const lfOfCrlf = c === LF && this.prevCR;
      const line = this.line;
      if (c === CR) this.line++;
      else if (c === LF && !this.prevCR) this.line++;
      this.prevCR = c === CR;

      if (!this.inRecord) {
        if (isNewline) {
          if (!lfOfCrlf) this.blankLines++;
          continue;
        }
        this.inRecord = true;
        this.recordLine = line;
        this.state = State.FieldStart;
      }

      switch (this.state) {
        case State.FieldStart:
          if (c === this.quote) {
            this.state = State.Quoted;
            this.quoteLine = line;
            start = i + 1;
          } else if (c === this.delimiter) {
            this.endField();
          } else if (isNewline) {
            this.endField();
            this.endRecord();
          } else {
            this.state = State.Unquoted;
            start = i;
          }
          break;
        case State.Unquoted:
          if (c === this.delimiter) {
            this.append(text, start, i);
            this.endField();
            this.state = State.FieldStart;
          } else if (isNewline) {
            this.append(text, start, i);
            this.endField();
            this.endRecord();
          }
          break;
        case State.Quoted:
          if (c === this.quote) {
            this.append(text, start, i);
            this.state = State.QuoteInQuoted;
          }
          break;
        case State.QuoteInQuoted:
          if (c === this.quote) {
            // Doubled quote: the second one starts the next slice, so one quote is kept.
            this.state = State.Quoted;
            start = i;
          } else if (c === this.delimiter) {
            this.endField();
            this.state = State.FieldStart;
          } else if (isNewline) {
            this.endField();
            this.endRecord();
          } else {
            this.setProblem(
              'quote',
              `unexpected text after the closing quote in column ${this.fields.length + 1}; a ${this.quoteChar} inside a quoted field must be doubled (${this.quoteChar}${this.quoteChar})`,
            );
            this.state = State.Unquoted;
            start = i;
          }
          break;
      }
    }
    if (this.inRecord && (this.state === State.Unquoted || this.state === State.Quoted)) {
      this.append(text, start, n);
      this.checkLength();
    }
    return this.takeRecords();
  }

  /** Ends the input: completes the last record (one without a final newline is normal). */
  end(): CsvRecord[] {
    if (this.inRecord) {
      if (this.state === State.Quoted) {
        this.problem = {
          kind: 'unterminated-quote',
          message: `the quoted field opened on line ${this.quoteLine} is never closed, so everything after it was read as one value; add the missing closing quote (${this.quoteChar}) or double a quote that is part of the text (${this.quoteChar}${this.quoteChar})`,
        };
        this.skipping = true;
      }
      this.endField();
      this.endRecord();
    }
    return this.takeRecords();
  }

  private append(text: string, from: number, to: number): void {
    if (!this.skipping && to > from) this.field += text.slice(from, to);
  }

  private endField(): void {
    if (!this.skipping) {
      this.checkLength();
      if (!this.skipping) {
        this.rowLength += this.field.length;
        this.fields.push(this.field);
      }
    }
    this.field = '';
  }

  private checkLength(): void {
    if (this.skipping) return;
    if (this.field.length > this.maxFieldLength) {
      this.skip(
        `a value in column ${this.fields.length + 1} is longer than ${this.maxFieldLength.toLocaleString('en-US')} characters`,
      );
    } else if (this.rowLength + this.field.length > this.maxRowLength) {
      this.skip(`the row is longer than ${this.maxRowLength.toLocaleString('en-US')} characters`);
    }
  }

  private skip(what: string): void {
    this.setProblem(
      'too-long',
      `${what}; it was skipped (a missing closing quote can make a row run on — check the quotes near its start)`,
    );
    this.skipping = true;
    this.field = '';
    this.fields = [];
  }

  private setProblem(kind: CsvProblemKind, message: string): void {
    if (kind === 'too-long' || !this.problem) this.problem = { kind, message };
  }

  private endRecord(): void {
    const record: CsvRecord = { line: this.recordLine, fields: this.skipping ? [] : this.fields };
    if (this.problem) record.problem = this.problem;
    this.records.push(record);
    this.fields = [];
    this.field = '';
    this.rowLength = 0;
    this.skipping = false;
    this.problem = undefined;
    this.inRecord = false;
    this.state = State.FieldStart;
  }

  private takeRecords(): CsvRecord[] {
    const out = this.records;
    this.records = [];
    return out;
  }
}
