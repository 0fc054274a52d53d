import { resultNames } from './result-names';
import { resultsCsv } from './results-csv';
import { compareSimulations, type SimulationSummary } from '@arbiter/engine';
import { baselineSummary, comparison, draftSummary } from './test-fixtures';

const lines = (csv: string) => csv.trimEnd().split('\r\n');

describe('results CSV', () => {
  it('neutralises formulas in names from the data but keeps every figure, negative ones too, a number', () => {
    const hostile: SimulationSummary = {
      ...draftSummary,
      actions: draftSummary.actions.map((a) =>
        a.actionId === 'gold-card' ? { ...a, actionId: '=HYPERLINK("http://x","y")' } : a,
      ),
      segments: {
        ...draftSummary.segments!,
        groups: draftSummary.segments!.groups.map((g) =>
          g.segment === 'gold'
            ? { ...g, segment: '@SUM(1+1)', actions: g.actions.map((a) => ({ ...a, actionId: '-2+3' })) }
            : g,
        ),
      },
    };
    const csv = lines(resultsCsv(hostile, compareSimulations(baselineSummary, hostile)));
    expect(csv.find((l) => l.includes('HYPERLINK'))).toMatch(
      /^action,"'=HYPERLINK\(""http:\/\/x"",""y""\)","'=HYPERLINK\(""http:\/\/x"",""y""\)",/,
    );
    expect(csv.find((l) => l.includes('SUM'))).toMatch(/^segment,"'@SUM\(1\+1\)","'@SUM\(1\+1\)","'-2\+3",/);
    const quoted = '("[^"]*(""[^"]*)*"|[^,]*)';
    const figures = csv
      .slice(1)
      .flatMap((l) =>
        l.replace(new RegExp(`^[^,]+,${quoted},${quoted},${quoted},${quoted},`), '').split(','),
      );
    expect(figures.filter((f) => f.startsWith('-')).length).toBeGreaterThan(0);
    for (const figure of figures) expect(figure).toMatch(/^(-?\d+(\.\d+)?(e-?\d+)?)?$/);
  });

  it('has one row per action then per segment, without baseline columns when not compared', () => {
    const [header, first, , third, gold] = lines(resultsCsv(draftSummary));
    expect(header).toBe(
      'kind,id,name,top_action,rows,top,top_share,eligible,expected_acceptances,expected_value',
    );
    expect(first).toBe('action,travel-insurance,travel-insurance,,,45,0.47368421052631576,75,17,100');
    expect(third).toBe('action,"retention, ""call""","retention, ""call""",,,10,0.10526315789473684,45,6,12');
    expect(gold).toBe('segment,gold,gold,travel-insurance,40,,0.625,,12,60');
  });

  it('gives draft, baseline and delta columns with a comparison', () => {
    const csv = lines(resultsCsv(draftSummary, comparison));
    expect(csv[0]).toBe(
      'kind,id,name,top_action,top_action_baseline,rows_draft,rows_baseline,rows_delta,top_draft,top_baseline,top_delta,top_share_draft,top_share_baseline,top_share_delta,eligible_draft,eligible_baseline,eligible_delta,expected_acceptances_draft,expected_acceptances_baseline,expected_acceptances_delta,expected_value_draft,expected_value_baseline,expected_value_delta',
    );
    const gold = csv.find((l) => l.startsWith('action,gold-card,'))!.split(',');
    expect(gold.slice(8, 11)).toEqual(['40', '60', '-20']);
    expect(gold.slice(20, 23)).toEqual(['180', '200', '-20']);
    expect(csv.find((l) => l.startsWith('segment,gold,'))).toBe(
      'segment,gold,gold,travel-insurance,gold-card,40,40,0,,,,0.625,,,,,,12,10,2,60,100,-40',
    );
    expect(csv).toHaveLength(1 + 4 + 2);
  });

  it('names actions by their catalog names, keeping the id', () => {
    const names = resultNames({ actions: [{ id: 'gold-card', name: 'Gold card' }], steps: [] });
    const csv = lines(resultsCsv(draftSummary, comparison, names));
    expect(csv.find((l) => l.startsWith('action,gold-card,'))).toMatch(/^action,gold-card,Gold card,,,/);
    expect(csv.find((l) => l.startsWith('segment,gold,'))).toMatch(
      /^segment,gold,gold,travel-insurance,Gold card,/,
    );
  });
});
