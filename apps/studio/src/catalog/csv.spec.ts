import { detectDelimiter, parseCsv, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted cells with escaped quotes, delimiters and line breaks', () => {
    const table = parseCsv('id,name\r\na,"Say ""hi"", please"\r\nb,"two\r\nlines"\r\n');
    expect(table.problems).toEqual([]);
    expect(table.records).toEqual([
      { line: 1, cells: ['id', 'name'] },
      { line: 2, cells: ['a', 'Say "hi", please'] },
      { line: 3, cells: ['b', 'two\r\nlines'] },
    ]);
  });

  it('numbers records by the line where they start, skipping blank lines', () => {
    const table = parseCsv('id\n"x\ny"\n\nz');
    expect(table.records.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'id'],
      [2, 'x\ny'],
      [5, 'z'],
    ]);
  });

  it('drops a byte order mark and detects a semicolon delimiter', () => {
    const table = parseCsv('\uFEFFid;name;tags\ngold;"Gold; card";a,b\n');
    expect(table.delimiter).toBe(';');
    expect(table.records[0]!.cells).toEqual(['id', 'name', 'tags']);
    expect(table.records[1]!.cells).toEqual(['gold', 'Gold; card', 'a,b']);
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
  });

  it('keeps empty cells and quoted empty lines', () => {
    expect(parseCsv('a,,c\n""\n').records.map((r) => r.cells)).toEqual([['a', '', 'c'], ['']]);
  });

  it('reports an unclosed quote and text after a closing quote with their lines', () => {
    expect(parseCsv('id\n"open\n').problems).toEqual([
      { line: 2, message: expect.stringContaining('not closed') },
    ]);
    expect(parseCsv('id,name\nx,"a"b\n').problems).toEqual([
      { line: 2, message: expect.stringContaining('closing quote') },
    ]);
  });
});

describe('toCsv', () => {
  it('quotes only the cells that need it and reads back the same', () => {
    const rows = [
      ['plain', 'with,comma', 'with "quote"', 'two\nlines', ' padded ', ''],
      ['a;b', '', 'x', 'y', 'z', 'w'],
    ];
    const text = toCsv(rows);
    expect(text.split('\r\n')[0]).toBe('plain,"with,comma","with ""quote""","two\nlines"," padded ",');
    expect(parseCsv(text).records.map((r) => r.cells)).toEqual(rows);
    expect(parseCsv(toCsv(rows, ';'), ';').records.map((r) => r.cells)).toEqual(rows);
  });
});
