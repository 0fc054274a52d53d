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
      { line: 2, message: expect.stringContaining('never closed') },
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

describe('formula injection (OWASP)', () => {
  const starts = ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '=HYPERLINK("http://x","y")'];

  it('writes text that a spreadsheet would run with a leading quote, in quotes', () => {
    expect(toCsv([starts]).trimEnd().split(',')).toEqual([
      `"'=1+1"`,
      `"'+cmd"`,
      `"'-2+3"`,
      `"'@SUM(A1)"`,
      `"'\tTAB"`,
      `"'\rCR"`,
      `"'=HYPERLINK(""http://x""`,
      `""y"")"`,
    ]);
  });

  it('leaves numbers as numbers, negative ones too, and text that no spreadsheet runs', () => {
    expect(toCsv([[-5, -0.25, 1e-7, '-5', '+1.5e3', 'a=b', 'x-1', "it's"]])).toBe(
      `-5,-0.25,1e-7,-5,+1.5e3,a=b,x-1,it's\r\n`,
    );
  });

  it('reads back exactly what was written, even text that starts with a quote', () => {
    const rows = [[...starts, "'=already quoted", "''-5", "'plain", '-5', "'"]];
    expect(parseCsv(toCsv(rows)).records.map((r) => r.cells)).toEqual(rows);
    expect(parseCsv(toCsv(rows, ';'), ';').records.map((r) => r.cells)).toEqual(rows);
  });
});
