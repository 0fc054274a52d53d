import fc from 'fast-check';
import { CsvParser } from './csv-parser';
import type { CsvParserOptions, CsvRecord } from './csv-parser';

function parse(
  text: string | string[],
  options: Partial<CsvParserOptions> = {},
): { records: CsvRecord[]; parser: CsvParser } {
  const parser = new CsvParser({ delimiter: ',', quote: '"', ...options });
  const records: CsvRecord[] = [];
  for (const piece of typeof text === 'string' ? [text] : text) records.push(...parser.push(piece));
  records.push(...parser.end());
  return { records, parser };
}

const fieldsOf = (records: CsvRecord[]): string[][] => records.map((r) => r.fields);

describe('CsvParser', () => {
  it('splits records and fields, with or without a final newline', () => {
    expect(fieldsOf(parse('a,b,c\n1,2,3\n').records)).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(fieldsOf(parse('a,b\n1,2').records)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(fieldsOf(parse('a,,c,\n,,,\n').records)).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
  });

  it('reads quoted fields holding delimiters, doubled quotes and line breaks', () => {
    const { records } = parse('name,note\n"Smith, J.","said ""hi""\nthen left"\n"",x\n');
    expect(fieldsOf(records)).toEqual([
      ['name', 'note'],
      ['Smith, J.', 'said "hi"\nthen left'],
      ['', 'x'],
    ]);
  });

  it('numbers records by the physical line they start on, counting CR, LF and CRLF once each', () => {
    const { records } = parse('h1,h2\r\n"multi\r\nline",1\r\nnext,2\rcr,3\nlf,4');
    expect(records.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'h1'],
      [2, 'multi\r\nline'],
      [4, 'next'],
      [5, 'cr'],
      [6, 'lf'],
    ]);
  });

  it('skips blank lines and counts them', () => {
    const { records, parser } = parse('a,b\n\n1,2\r\n\r\n\r\n3,4\n');
    expect(records.map((r) => r.line)).toEqual([1, 3, 6]);
    expect(parser.blankLines).toBe(3);
  });

  it('keeps a quote inside an unquoted field as an ordinary character', () => {
    expect(fieldsOf(parse('size\n12" pizza\n').records)).toEqual([['size'], ['12" pizza']]);
  });

  it('flags text after a closing quote but goes on with the next record', () => {
    const { records } = parse('a,b\n"x"y,2\n3,4\n');
    expect(records[1]!.problem?.kind).toBe('quote');
    expect(records[1]!.problem?.message).toContain('column 1');
    expect(records[2]).toEqual({ line: 3, fields: ['3', '4'] });
  });

  it('reports an unterminated quote at the end for the record where it opened', () => {
    const { records } = parse('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(records).toHaveLength(3);
    expect(records[2]).toMatchObject({ line: 3, fields: [], problem: { kind: 'unterminated-quote' } });
    expect(records[2]!.problem!.message).toContain('line 3');
  });

  it('rejects over-long fields and rows without storing them, and recovers at the next record', () => {
    const long = 'x'.repeat(50);
    const { records } = parse(['a,b\n', `${long.slice(0, 20)}`, `${long.slice(20)},1\n`, 'ok,2\n'], {
      maxFieldLength: 30,
    });
    expect(records[1]).toMatchObject({ line: 2, fields: [], problem: { kind: 'too-long' } });
    expect(records[2]).toEqual({ line: 3, fields: ['ok', '2'] });
    const row = parse(`a,b\n${'y'.repeat(20)},${'z'.repeat(20)}\nok,2\n`, { maxRowLength: 30 }).records;
    expect(row[1]!.problem?.kind).toBe('too-long');
    expect(row[2]!.fields).toEqual(['ok', '2']);
  });

  it('skips a run-on quoted field past the limit instead of holding it', () => {
    const { records } = parse(['a\n"', 'x'.repeat(100), '\n'.repeat(10), 'y'.repeat(100)], {
      maxFieldLength: 50,
    });
    expect(records[1]).toMatchObject({ line: 2, fields: [], problem: { kind: 'unterminated-quote' } });
  });

  it('supports other delimiters, a single quote, and no quoting', () => {
    expect(fieldsOf(parse("a;b\n'x;y';2\n", { delimiter: ';', quote: "'" }).records)).toEqual([
      ['a', 'b'],
      ['x;y', '2'],
    ]);
    expect(fieldsOf(parse('a\tb\n"x\t2\n', { delimiter: '\t', quote: null }).records)).toEqual([
      ['a', 'b'],
      ['"x', '2'],
    ]);
  });

  it('gives the same records for any split of the text, down to one character at a time', () => {
    const text = 'h1,h2\r\n"a,\r\nb",""""\r\n\r\nc,d\re,"f"\n';
    const whole = parse(text).records;
    expect(parse([...text]).records).toEqual(whole);
    for (let cut = 0; cut <= text.length; cut++)
      expect(parse([text.slice(0, cut), text.slice(cut)]).records).toEqual(whole);
  });

  describe('property: serialise a random table with random quoting, parse it in random pieces, get the table back', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r', 'é', '😀', '1', '.'),
      maxLength: 8,
    });
    const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
      fc.array(fc.array(fc.tuple(cell, fc.boolean()), { minLength: width, maxLength: width }), {
        minLength: 1,
        maxLength: 15,
      }),
    );
    const newline = fc.constantFrom('\n', '\r\n', '\r');

    it('holds', () => {
      fc.assert(
        fc.property(
          table,
          fc.array(newline, { minLength: 15, maxLength: 15 }),
          fc.boolean(),
          fc.array(fc.nat(), { maxLength: 30 }),
          (rows, newlines, finalNewline, cuts) => {
            let text = '';
            const lines: number[] = [];
            let line = 1;
            rows.forEach((row, r) => {
              lines.push(line);
              const serialized = row
                .map(([value, quoteAnyway]) => {
                  const mustQuote = /[,"\r\n]/.test(value) || (row.length === 1 && value === '');
                  return mustQuote || quoteAnyway ? `"${value.replaceAll('"', '""')}"` : value;
                })
                .join(',');
              text += serialized;
              line += (serialized.match(/\r\n|\r|\n/g) ?? []).length;
              if (r < rows.length - 1 || finalNewline) {
                text += newlines[r]!;
                line++;
              }
            });
            const bounds = [0, ...new Set(cuts.map((c) => c % (text.length + 1))), text.length].sort(
              (a, b) => a - b,
            );
            const parts = bounds.slice(1).map((end, i) => text.slice(bounds[i], end));
            const { records } = parse(parts);
            expect(records.map((rec) => rec.fields)).toEqual(rows.map((row) => row.map(([value]) => value)));
            expect(records.map((rec) => rec.line)).toEqual(lines);
            expect(records.every((rec) => rec.problem === undefined)).toBe(true);
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
