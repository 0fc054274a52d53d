import fc from 'fast-check';
import * as engine from '../index';
import {
  FairnessTally,
  fairnessFindingWords,
  fairnessSummaryWords,
  judgeFairness,
  MISSING_VALUE,
  OTHER_VALUES,
  type FairnessNames,
} from './fairness';
import { chunksOf, decision, mergeInRandomOrder } from './metrics.test-helpers';
import { SimulationAccumulator, type SimulationRow } from './simulation-accumulator';

const NAMES: FairnessNames = {
  field: (name) => ({ ageBand: 'age band', gender: 'gender' })[name] ?? name,
  action: (id) => ({ gold: 'Gold card', loan: 'Loan' })[id] ?? id,
};
const THRESHOLDS = { ratioFloor: 0.8, minGroupSize: 30 };

/** `n` rows of one age band; the first `gold` get Gold card first, then Loan; every row has Loan somewhere. */
function band(ageBand: unknown, n: number, gold: number): SimulationRow[] {
  return Array.from({ length: n }, (_, i) => ({
    result: decision(i < gold ? [['gold'], ['loan']] : [['loan']]),
    protectedValues: { ageBand },
  }));
}

// 18–25: Gold card first for 4 of 100; 40–60: 9 of 100; 26–39: 2 of 10 (too small to judge).
const ROWS = [...band('18–25', 100, 4), ...band('40–60', 100, 9), ...band('26–39', 10, 2)];

const summaryOf = (rows: readonly SimulationRow[]) => {
  const acc = new SimulationAccumulator();
  rows.forEach((r) => acc.add(r));
  return acc.summary();
};

describe('fairness check', () => {
  it('is part of the engine API', () => {
    expect(engine.judgeFairness).toBe(judgeFairness);
    expect(engine.FairnessTally).toBe(FairnessTally);
  });

  it('tallies each group: rows, recommended first and at any rank', () => {
    const fairness = summaryOf(ROWS).fairness!;
    expect(fairness.fields).toHaveLength(1);
    const [field] = fairness.fields;
    expect(field).toMatchObject({ field: 'ageBand', rowsWithValue: 210, otherValues: null, complete: true });
    expect(field!.groups).toEqual([
      {
        group: '18–25',
        rows: 100,
        actions: [
          { actionId: 'gold', first: 4, anyRank: 4 },
          { actionId: 'loan', first: 96, anyRank: 100 },
        ],
      },
      {
        group: '26–39',
        rows: 10,
        actions: [
          { actionId: 'gold', first: 2, anyRank: 2 },
          { actionId: 'loan', first: 8, anyRank: 10 },
        ],
      },
      {
        group: '40–60',
        rows: 100,
        actions: [
          { actionId: 'gold', first: 9, anyRank: 9 },
          { actionId: 'loan', first: 91, anyRank: 100 },
        ],
      },
    ]);
  });

  it('applies the four-fifths rule to the groups large enough, and says it in words', () => {
    const judgement = judgeFairness(summaryOf(ROWS).fairness!, THRESHOLDS);
    expect(judgement.passed).toBe(false);
    const field = judgement.fields[0]!;
    expect(field.groups.map((g) => [g.group, g.judged])).toEqual([
      ['18–25', true],
      ['26–39', false],
      ['40–60', true],
    ]);
    const gold = field.actions.find((a) => a.actionId === 'gold')!;
    expect(gold.belowFloor).toBe(true);
    expect(gold.first!.ratio).toBeCloseTo(4 / 9, 12);
    // Loan: 96% vs 91% first (ratio 0.95), 100% vs 100% at any rank.
    const loan = field.actions.find((a) => a.actionId === 'loan')!;
    expect(loan.belowFloor).toBe(false);
    expect(loan.first!.ratio).toBeCloseTo(0.91 / 0.96, 12);
    expect(loan.anyRank!.ratio).toBe(1);
    expect(judgement.findings).toHaveLength(1);
    expect(fairnessFindingWords(judgement.findings[0]!, 0.8, NAMES)).toBe(
      "age band 18–25 gets 'Gold card' first at 4.0% vs 9.0% for 40–60: ratio 0.44, below 0.80",
    );
    expect(fairnessSummaryWords(judgement, NAMES)).toMatch(/^1 case below the ratio floor of 0\.80/);
  });

  it('passes when the thresholds allow it, and judges nothing with fewer than two large groups', () => {
    const figures = summaryOf(ROWS).fairness!;
    expect(judgeFairness(figures, { ratioFloor: 0.4, minGroupSize: 30 }).passed).toBe(true);
    const lenient = judgeFairness(figures, { ratioFloor: 0.8, minGroupSize: 101 });
    expect(lenient.passed).toBe(true);
    expect(lenient.fields[0]!.actions.every((a) => a.first === null)).toBe(true);
    expect(fairnessSummaryWords(lenient, NAMES)).toMatch(/two groups of at least 101 customers/);
  });

  it('shows rows without a value and values beyond the kept ones, but never judges them', () => {
    const tally = new FairnessTally(2);
    const add = (value: unknown, rec: string, times: number) => {
      for (let i = 0; i < times; i++) tally.add({ gender: value }, decision([[rec]]));
    };
    add(undefined, 'gold', 50);
    add('', 'gold', 10);
    add('f', 'loan', 40);
    add('m', 'loan', 40);
    add('x', 'loan', 40);
    const figures = tally.figures();
    const field = figures.fields[0]!;
    expect(field.rowsWithValue).toBe(120);
    expect(field.complete).toBe(false);
    const shown = [...field.groups, field.otherValues!];
    expect(shown.reduce((n, g) => n + g.rows, 0)).toBe(180);
    expect(shown.map((g) => g.group)).toContain(OTHER_VALUES);
    const judged = judgeFairness(figures, THRESHOLDS).fields[0]!.groups;
    expect(
      judged.filter((g) => g.group === MISSING_VALUE || g.group === OTHER_VALUES).every((g) => !g.judged),
    ).toBe(true);
    // Gold went only to rows without a value: nothing to judge there.
    expect(judgeFairness(figures, THRESHOLDS).findings.map((f) => f.actionId)).not.toContain('gold');
  });

  it('leaves out a protected field the data has no value for, and reports nothing without protected fields', () => {
    const s = summaryOf([
      ...band('18–25', 5, 1),
      { result: decision([['gold']]), protectedValues: { gender: null } },
    ]);
    expect(s.fairness!.fields.map((f) => f.field)).toEqual(['ageBand']);
    expect(summaryOf([{ result: decision([['gold']]) }]).fairness).toBeUndefined();
    expect(judgeFairness({ fields: [] }, THRESHOLDS).passed).toBe(true);
  });

  it('gives the same figures for any split into chunks merged in any order, through JSON', () => {
    const whole = summaryOf(ROWS).fairness;
    fc.assert(
      fc.property(fc.array(fc.nat(ROWS.length), { maxLength: 6 }), fc.nat(), (cuts, seed) => {
        const parts = chunksOf(ROWS, cuts).map((chunk) => {
          const acc = new SimulationAccumulator();
          chunk.forEach((r) => acc.add(r));
          return SimulationAccumulator.fromJSON(JSON.parse(JSON.stringify(acc.toJSON())));
        });
        expect(mergeInRandomOrder(parts, seed).summary().fairness).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  });
});
