import { csvCell, csvLine, neutraliseFormula, restoreFormulaText } from './csv-cell';

describe('CSV cells', () => {
  it('writes text a spreadsheet would run as a formula as text, and reads it back unchanged', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', "'=already"]) {
      const cell = neutraliseFormula(text);
      expect(cell.startsWith("'")).toBe(true);
      expect(restoreFormulaText(cell)).toBe(text);
    }
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('keeps numbers, plain text and empty cells as they are, quoting only what needs it', () => {
    expect(csvLine(['c-1', -5, 0.25, null, undefined, Number.NaN, 'a,b', 'say "hi"'])).toBe(
      'c-1,-5,0.25,,,,"a,b","say ""hi"""\r\n',
    );
    expect(csvCell('-5')).toBe('-5');
  });
});
