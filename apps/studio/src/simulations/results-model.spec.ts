import {
  changeTone,
  actionRows,
  asComparison,
  asSummary,
  comparisonTotals,
  describeUplift,
  failureSentence,
  formatChange,
  formatDuration,
  funnelRows,
  offPolicyRows,
  progressView,
  segmentRows,
  totals,
  upliftRows,
} from './results-model';
import type { DatasetChoice } from './simulations-api';
import { baselineSummary, choices, comparison, draftSummary } from './test-fixtures';
import {
  chooseDataset,
  chooseStrategy,
  chooseVersion,
  EMPTY_START_FORM,
  preselect,
  startProblem,
  runInput,
} from './start-form';

describe('results model', () => {
  it('accepts stored summaries and refuses anything else', () => {
    expect(asSummary(draftSummary)?.rows).toBe(100);
    expect(asSummary({})).toBeUndefined();
    expect(asSummary(null)).toBeUndefined();
    expect(asComparison(comparison)?.actions.length).toBe(4);
    expect(asComparison({ actions: [] })).toBeUndefined();
  });

  it('lists actions most often on top first, with the baseline beside them when compared', () => {
    expect(actionRows(draftSummary).map((a) => a.actionId)).toEqual([
      'travel-insurance',
      'gold-card',
      'retention, "call"',
    ]);
    const compared = actionRows(draftSummary, comparison);
    expect(compared.map((a) => a.actionId)).toEqual([
      'travel-insurance',
      'gold-card',
      'retention, "call"',
      'savings-plan',
    ]);
    const savings = compared.find((a) => a.actionId === 'savings-plan')!;
    expect(savings).toMatchObject({
      top: 0,
      eligible: 0,
      baseline: { top: 0, eligible: 50, expectedAcceptances: 5 },
    });
  });

  it('sums totals for the draft and, from the comparison, for the baseline', () => {
    expect(totals(draftSummary)).toEqual({
      rows: 100,
      withoutRecommendation: 5,
      recommendations: 190,
      expectedAcceptances: 41,
      expectedValue: 292,
    });
    const both = comparisonTotals(comparison);
    expect(both.baseline).toEqual({
      rows: 100,
      withoutRecommendation: 10,
      recommendations: 200,
      expectedAcceptances: 40,
      expectedValue: 300,
    });
    expect(both.draft.expectedAcceptances).toBe(41);
  });

  it('shapes the funnel with drops and the top reasons in words', () => {
    const [catalog, adults] = funnelRows(draftSummary, comparison);
    expect(catalog).toMatchObject({ nodeId: 'catalog', in: 0, out: 300, reasons: [] });
    expect(adults).toMatchObject({
      dropped: 45,
      reasons: ['age 17 is not ≥ 18 (30)', 'age 16 is not ≥ 18 (15)'],
      baseline: { in: 300, out: 270 },
    });
  });

  it('names the leading action of each segment, and what it was in the baseline', () => {
    const [gold, silver] = segmentRows(draftSummary, comparison);
    expect(gold).toMatchObject({
      segment: 'gold',
      rows: 40,
      topAction: 'travel-insurance',
      baseline: { topAction: 'gold-card', expectedAcceptances: 10 },
    });
    expect(silver!.topShare).toBeCloseTo(20 / 55);
    expect(segmentRows({ ...draftSummary, segments: undefined })).toEqual([]);
  });

  it('turns estimates into rows with error bars around the value', () => {
    const rows = offPolicyRows(draftSummary.offPolicy!.top);
    expect(rows.map((r) => r.name)).toEqual(['Logged policy (observed)', 'Replay', 'IPS', 'SNIPS']);
    expect(rows[1]!.error![0]).toBeCloseTo(0.06);
    expect(rows[1]!.low).toBeCloseTo(0.24);
  });

  it('says whether an uplift interval excludes zero', () => {
    const rows = upliftRows(comparison.uplift!.top);
    expect(rows[0]!.value).toBeCloseTo(0.05);
    expect(describeUplift(rows[0]!)).toBe(
      'Replay: +5.0 pts (interval −3.5 pts to +13.5 pts): not distinguishable from no change.',
    );
    expect(describeUplift({ name: 'IPS', value: 0.1, low: 0.02, high: 0.18, error: null })).toMatch(
      /better than the baseline/,
    );
    expect(describeUplift({ name: 'IPS', value: null, low: null, high: null, error: null })).toBe(
      'IPS: no estimate (too few rows where the strategy chose the logged action).',
    );
    // Without logging propensities only IPS and SNIPS are missing, and for that reason.
    const empty = { value: null, low: null, high: null, error: null };
    expect(describeUplift({ name: 'IPS', ...empty }, false)).toBe(
      'IPS: no estimate (the dataset has no logging propensities).',
    );
    expect(describeUplift({ name: 'Replay', ...empty }, false)).toMatch(/too few rows/);
  });

  it('formats changes with their sign and durations in words', () => {
    expect(formatChange(1234, 'count')).toBe('+1,234');
    expect(formatChange(-0.0123, 'share')).toBe('−1.2 pts');
    expect(formatChange(0, 'number')).toBe('0');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(3900)).toBe('1 h 5 min');
  });

  it('describes progress, before and after the rate is known', () => {
    const p = {
      status: 'RUNNING' as const,
      rowsDone: 2500,
      rowsTotal: 10000,
      rowsPerSecond: 812.4,
      etaSeconds: 9.2,
      chunksDone: 1,
      chunkCount: 4,
    };
    expect(progressView(p)).toEqual({
      percent: 25,
      rows: '2,500 of 10,000 rows',
      rate: '812 rows/s',
      eta: 'about 9 s left',
      chunks: 'chunk 1 of 4 done',
    });
    expect(
      progressView({ ...p, status: 'QUEUED', rowsDone: 0, rowsPerSecond: null, etaSeconds: null }),
    ).toMatchObject({ percent: 0, rate: 'waiting for a worker', eta: '' });
  });

  it('turns a stored error into one sentence', () => {
    expect(failureSentence('Error: dataset d1 has no rows\n    at Worker.run (x.js:1)')).toBe(
      'Dataset d1 has no rows.',
    );
    expect(failureSentence(null)).toMatch(/failed without saying why/);
  });
});

describe('start form', () => {
  const strategy = choices.strategies[0]!;
  const { datasets } = choices;

  it('defaults the baseline to the published version when another version is simulated', () => {
    const form = chooseStrategy(EMPTY_START_FORM, strategy);
    expect(form).toMatchObject({ versionId: 'v2', baselineVersionId: 'v1' });
    expect(chooseVersion(form, strategy, 'v1').baselineVersionId).toBe('');
  });

  it('preselects the version of ?version= and the first ready dataset', () => {
    expect(preselect([strategy], datasets, 'v1')).toEqual({
      strategyId: 's1',
      versionId: 'v1',
      datasetId: 'd1',
      baselineVersionId: '',
      force: false,
      learning: false,
      orderBy: '',
    });
    expect(preselect([strategy], datasets, 'unknown').strategyId).toBe('');
  });

  it('says what is missing, and sends the baseline only when chosen', () => {
    const empty = EMPTY_START_FORM;
    expect(startProblem(empty)).toBe('Choose a strategy.');
    const full = { ...EMPTY_START_FORM, strategyId: 's1', versionId: 'v2', datasetId: 'd1', force: true };
    expect(startProblem(full)).toBeUndefined();
    expect(runInput(full)).toEqual({ versionId: 'v2', datasetId: 'd1', force: true });
    expect(runInput({ ...full, baselineVersionId: 'v1' }).baselineVersionId).toBe('v1');
  });

  it('offers learning for a logged dataset, proposes its time column, and sends it only when switched on', () => {
    const logged: DatasetChoice = {
      id: 'd9',
      name: 'log',
      status: 'READY',
      rowCount: 10,
      logged: true,
      orderColumns: ['age', 'timestamp'],
    };
    const form = chooseDataset({ ...EMPTY_START_FORM, strategyId: 's1', versionId: 'v2' }, logged);
    expect(form).toMatchObject({ datasetId: 'd9', orderBy: 'timestamp', learning: false });
    expect(runInput(form).learning).toBeUndefined();
    expect(runInput({ ...form, learning: true }).learning).toEqual({ orderBy: 'timestamp' });
    expect(startProblem({ ...form, learning: true, orderBy: '' })).toBe(
      'Choose the column that orders the rows in time.',
    );
    // A dataset without a log switches learning off.
    expect(chooseDataset({ ...form, learning: true }, { ...logged, logged: false }).learning).toBe(false);
  });
});

describe('fixtures', () => {
  it('compares the baseline with the draft like the worker does', () => {
    expect(comparison.topActions).toMatchObject({
      compared: 3,
      changed: 1,
      examples: [{ customerId: 'c1', before: 'gold-card', after: 'travel-insurance' }],
    });
    expect(baselineSummary.rows).toBe(draftSummary.rows);
  });
});

describe('changeTone: colour by meaning, not by sign', () => {
  it('calls more customers without a recommendation worse, and more expected acceptances better', () => {
    expect(changeTone(+12, 'down')).toBe('worse');
    expect(changeTone(-12, 'down')).toBe('better');
    expect(changeTone(+3.5, 'up')).toBe('better');
    expect(changeTone(-3.5, 'up')).toBe('worse');
  });
  it('leaves a change that is neither good nor bad plain, and no change as the same', () => {
    expect(changeTone(-20, 'neither')).toBe('changed');
    expect(changeTone(0, 'up')).toBe('same');
    expect(changeTone(null, 'down')).toBe('same');
  });
});
