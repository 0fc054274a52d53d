import { csvLine, readCsvFields, readCsvText, restoreFormulaText } from './csv';

describe('the CSV reader and writer', () => {
  it('reads back what the writer wrote: quotes, delimiters, line breaks and formula-like text', () => {
    const rows = [
      ['id', 'name', 'note'],
      ['a', 'Say "hi", please', 'two\r\nlines'],
      ['b', '=1+1', ''],
    ];
    const text = rows.map((row) => csvLine(row)).join('');
    const records = readCsvText(text, { delimiter: ',', quote: '"' });
    expect(records.map((r) => r.fields.map(restoreFormulaText))).toEqual(rows);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('names the problem of a record on the line it starts', () => {
    const [, broken] = readCsvText('id\n"open\n', { delimiter: ',', quote: '"' });
    expect(broken).toMatchObject({ line: 2, problem: { kind: 'unterminated-quote' } });
  });

  it('gives the fields of a comma-separated text, and refuses a malformed record with its line', () => {
    expect(readCsvFields('id,name\r\n1,"Smith, J"\n')).toEqual([
      ['id', 'name'],
      ['1', 'Smith, J'],
    ]);
    expect(() => readCsvFields('id\n"open\n')).toThrow(/CSV line 2: /);
  });
});
