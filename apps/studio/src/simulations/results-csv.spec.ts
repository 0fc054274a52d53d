import { csvField, resultsCsv } from './results-csv';
import { comparison, draftSummary } from './test-fixtures';

const lines = (csv: string) => csv.trimEnd().split('\r\n');

describe('results CSV', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('retention, "call"')).toBe('"retention, ""call"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(null)).toBe('');
  });

  it('has one row per action then per segment, without baseline columns when not compared', () => {
    const [header, first, , third, gold] = lines(resultsCsv(draftSummary));
    expect(header).toBe('kind,id,top_action,rows,top,top_share,eligible,expected_acceptances,expected_value');
    expect(first).toBe('action,travel-insurance,,,45,0.47368421052631576,75,17,100');
    expect(third).toBe('action,"retention, ""call""",,,10,0.10526315789473684,45,6,12');
    expect(gold).toBe('segment,gold,travel-insurance,40,,0.625,,12,60');
  });

  it('gives draft, baseline and delta columns with a comparison', () => {
    const csv = lines(resultsCsv(draftSummary, comparison));
    expect(csv[0]).toBe(
      'kind,id,top_action,top_action_baseline,rows_draft,rows_baseline,rows_delta,top_draft,top_baseline,top_delta,top_share_draft,top_share_baseline,top_share_delta,eligible_draft,eligible_baseline,eligible_delta,expected_acceptances_draft,expected_acceptances_baseline,expected_acceptances_delta,expected_value_draft,expected_value_baseline,expected_value_delta',
    );
    const gold = csv.find((l) => l.startsWith('action,gold-card,'))!.split(',');
    expect(gold.slice(7, 10)).toEqual(['40', '60', '-20']);
    expect(gold.slice(19, 22)).toEqual(['180', '200', '-20']);
    expect(csv.find((l) => l.startsWith('segment,gold,'))).toBe(
      'segment,gold,travel-insurance,gold-card,40,40,0,,,,0.625,,,,,,12,10,2,60,100,-40',
    );
    expect(csv).toHaveLength(1 + 4 + 2);
  });
});
