import { DatasetError } from './dataset-error';
import { detectFormat } from './detect-format';
import type { FormatOptions } from './detect-format';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const detect = (text: string | Uint8Array, options?: FormatOptions) =>
  detectFormat(typeof text === 'string' ? bytes(text) : text, options, true);

function errorOf(fn: () => unknown): DatasetError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  throw new Error('expected a DatasetError');
}

const PEOPLE = ['id,name,age,score', '1,Ann,34,0.5', '2,Bob,41,1.25', '3,Cy,29,-3e2', ''].join('\n');

describe('detectFormat', () => {
  it('detects a comma-separated file with LF line endings', () => {
    expect(detect(PEOPLE)).toMatchObject({
      kind: 'csv',
      encoding: 'utf-8',
      bom: false,
      delimiter: ',',
      quote: '"',
      lineEnding: 'lf',
      header: true,
      notes: [],
    });
  });

  it.each([
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('detects %j (%s) as delimiter, even with commas in the values', (delimiter) => {
    const text = ['id;name;amount', '1;Ann;3,50', '2;Bob;12,00', '3;"Cy; Jr";1,5']
      .join('\r\n')
      .replaceAll(';', delimiter);
    expect(detect(text)).toMatchObject({ delimiter, lineEnding: 'crlf' });
  });

  it('detects quoted fields holding delimiters and line breaks', () => {
    const text = 'id,comment\n1,"fine, thanks"\n2,"two\nlines"\n3,"said ""no"""\n';
    expect(detect(text)).toMatchObject({ delimiter: ',', quote: '"' });
  });

  it("detects ' as the quote character when the file uses it", () => {
    const text = "id,comment\n1,'a, b'\n2,'c, d, e'\n3,'f'\n";
    expect(detect(text)).toMatchObject({ delimiter: ',', quote: "'" });
  });

  it('detects a UTF-8 byte-order mark', () => {
    expect(detect(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(PEOPLE)]))).toMatchObject({
      encoding: 'utf-8',
      bom: true,
      delimiter: ',',
    });
  });

  it('detects UTF-16 LE and BE byte-order marks', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PEOPLE, 'utf16le')]);
    expect(detect(le)).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: ',', header: true });
    const be = Buffer.from(le);
    be.swap16();
    expect(detect(be)).toMatchObject({ encoding: 'utf-16be', bom: true, delimiter: ',' });
  });

  it('recognises UTF-16 without a byte-order mark and says so', () => {
    const format = detect(Buffer.from(PEOPLE, 'utf16le'));
    expect(format.encoding).toBe('utf-16le');
    expect(format.notes[0]).toContain('UTF-16LE');
  });

  it('falls back to Windows-1252 (Latin-1) for text that is not valid UTF-8, and says so', () => {
    const latin1 = Buffer.from('id,city\n1,Malmö\n2,Zürich\n', 'latin1');
    const format = detect(latin1);
    expect(format.encoding).toBe('windows-1252');
    expect(format.notes[0]).toContain('not valid UTF-8');
  });

  it('refuses UTF-32', () => {
    expect(errorOf(() => detect(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))).code).toBe('encoding');
  });

  it.each([
    [
      'NUL bytes',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    ],
    [
      'control bytes',
      Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256).filter((b) => b !== 0)),
    ],
    ['a ZIP / xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes('rest')])],
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x61])],
  ])('rejects a binary file (%s) with a clear message', (_what, data) => {
    const error = errorOf(() => detect(data));
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/^This looks like .*not CSV or JSON lines/);
  });

  it('asks for a header when the first line looks like data', () => {
    const error = errorOf(() => detect('1,2.5,3\n4,5.5,6\n7,8.5,9\n'));
    expect(error.code).toBe('no-header');
    expect(error.message).toContain('Add a header line');
    const headerless = 'Home,Alone,Sunny,55,2PM\nWork,Friend(s),Rainy,80,7AM\n';
    expect(errorOf(() => detect(headerless)).code).toBe('no-header');
  });

  it('accepts a header of names over numeric data, and a first column without a name', () => {
    expect(
      detect(',timestamp,item_id,click\n0,2019-11-24 00:03:13+00:00,14,0\n1,2019-11-24 00:04:00+00:00,3,1\n')
        .header,
    ).toBe(true);
  });

  it('lets the user confirm a header that looks like data, or give the column names', () => {
    const years = 'country,2023,2024\nFR,1.5,2\nDE,2,3\n';
    expect(errorOf(() => detect(years)).code).toBe('no-header');
    expect(detect(years, { header: true }).header).toBe(true);
    expect(detect('1,2\n3,4\n', { columnNames: ['a', 'b'] }).header).toBe(false);
  });

  it('detects JSON lines', () => {
    expect(detect('{"id":1,"age":30}\n{"id":2,"age":41}\n')).toMatchObject({
      kind: 'jsonl',
      encoding: 'utf-8',
      lineEnding: 'lf',
    });
  });

  it('explains a JSON array or a pretty-printed JSON document is not JSON lines', () => {
    expect(errorOf(() => detect('[{"id":1},{"id":2}]')).message).toContain('JSON array');
    expect(errorOf(() => detect('[\n  {"id": 1}\n]')).code).toBe('not-json-lines');
    const pretty = errorOf(() => detect('{\n  "id": 1\n}\n'));
    expect(pretty.code).toBe('not-json-lines');
    expect(pretty.message).toContain('one complete object');
  });

  it('rejects an empty file and one of blank space only', () => {
    expect(errorOf(() => detect('')).code).toBe('empty');
    expect(errorOf(() => detect(Buffer.from([0xef, 0xbb, 0xbf]))).code).toBe('empty');
    expect(errorOf(() => detect(' \n\n')).code).toBe('empty');
  });

  it('accepts a file with only a header line', () => {
    expect(detect('id;name;age\n')).toMatchObject({ kind: 'csv', delimiter: ';', header: true });
    expect(detect('id,name,age')).toMatchObject({ delimiter: ',', lineEnding: 'none' });
  });

  it('reads a file without any delimiter as one column', () => {
    const format = detect('email\nann@example.com\nbob@example.com\n');
    expect(format.delimiter).toBe(',');
    expect(format.notes[0]).toContain('single column');
  });

  it('says which delimiter fits when the chosen one does not', () => {
    const error = errorOf(() => detect(PEOPLE, { delimiter: ';' }));
    expect(error.code).toBe('delimiter');
    expect(error.message).toContain('comma');
  });

  it('fails clearly when no delimiter gives consistent columns', () => {
    const error = errorOf(() => detect('a,b,c\n1;2\n3|4|5|6\nx\ty\n1,2\n'));
    expect(error.code).toBe('delimiter');
  });

  it('lets every detected value be chosen instead', () => {
    const text = 'a|b\n1|2\n';
    expect(detect(text, { delimiter: '|', quote: null, encoding: 'latin1' })).toMatchObject({
      delimiter: '|',
      quote: null,
      encoding: 'latin1',
    });
    expect(detect('{"a":1}\n', { kind: 'jsonl' }).kind).toBe('jsonl');
    expect(errorOf(() => detect(text, { delimiter: '"' })).code).toBe('invalid-options');
  });

  it('reports mixed and CR-only line endings', () => {
    expect(detect('a,b\r1,2\r').lineEnding).toBe('cr');
    expect(detect('a,b\r\n1,2\n3,4\n').lineEnding).toBe('mixed');
  });
});
