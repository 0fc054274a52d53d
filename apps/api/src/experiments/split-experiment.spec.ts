import {
  ExperimentVerdict,
  splitExperiment,
  type ArmHourTally,
  type SplitStepConfig,
} from './split-experiment';

const H1 = new Date('2026-12-01T10:00:00Z');
const H2 = new Date('2026-12-01T11:00:00Z');
const step = (...arms: string[]): SplitStepConfig => ({
  id: 'ab',
  label: 'Offer test',
  branches: arms.map((id) => ({ id, percent: 100 / arms.length })),
});
const tally = (arm: string, decisions: number, positives: number, hour = H1): ArmHourTally => ({
  arm,
  hour,
  decisions,
  outcomes: decisions,
  positives,
});

describe('a split read as an experiment', () => {
  it('is too early until every arm has the decisions the test needs, and says so in words', () => {
    const r = splitExperiment(step('a', 'b'), [tally('a', 150, 10), tally('b', 40, 30)]);
    expect(r).toMatchObject({ verdict: ExperimentVerdict.TOO_EARLY, winner: null });
    expect(r.summary).toBe(
      'Too early: keep running — the test looks once every arm has 100 decisions, 10 of them expected to succeed and 10 to fail (the fewest decisions so far: 40). The always-valid test allows looking at any time.',
    );
    expect(r.arms[1]).toMatchObject({
      verdict: ExperimentVerdict.TOO_EARLY,
      differenceInterval: null,
      pValue: 1,
    });
  });

  it('keeps running when the arms are alike', () => {
    const r = splitExperiment(step('a', 'b'), [tally('a', 1000, 100), tally('b', 1000, 104)]);
    expect(r).toMatchObject({ verdict: ExperimentVerdict.KEEP_RUNNING, winner: null });
    expect(r.summary).toMatch(/^No difference detectable yet: keep running/);
    const b = r.arms[1]!;
    expect(b.difference).toBeCloseTo(0.004, 10);
    expect(b.differenceInterval!.low).toBeLessThan(0);
    expect(b.differenceInterval!.high).toBeGreaterThan(0);
  });

  it('shares alpha among challengers and names the best of those that beat the champion', () => {
    const r = splitExperiment(step('a', 'b', 'c'), [
      tally('a', 500, 50),
      tally('b', 500, 150),
      tally('c', 500, 200),
    ]);
    expect(r.comparisonAlpha).toBeCloseTo(0.025, 12);
    expect(r.arms.map((a) => a.verdict)).toEqual([
      null,
      ExperimentVerdict.CHALLENGER_BETTER,
      ExperimentVerdict.CHALLENGER_BETTER,
    ]);
    expect(r).toMatchObject({ verdict: ExperimentVerdict.CHALLENGER_BETTER, winner: 'c' });
    expect(r.summary).toMatch(
      /^“c” is better than the champion “a”: 40\.0% against 10\.0% of decisions with a positive outcome \(always-valid p < 0\.001\)\. Promote it as a new draft\.$/,
    );
  });

  it('names the champion only when it beats every challenger', () => {
    const beatsBoth = splitExperiment(step('a', 'b', 'c'), [
      tally('a', 500, 200),
      tally('b', 500, 50),
      tally('c', 500, 60),
    ]);
    expect(beatsBoth).toMatchObject({ verdict: ExperimentVerdict.CHAMPION_BETTER, winner: 'a' });
    const beatsOne = splitExperiment(step('a', 'b', 'c'), [
      tally('a', 500, 200),
      tally('b', 500, 50),
      tally('c', 500, 195),
    ]);
    expect(beatsOne).toMatchObject({ verdict: ExperimentVerdict.KEEP_RUNNING, winner: null });
  });

  it('looks once per hour: a verdict reached at an earlier look holds', () => {
    const hours = [
      tally('a', 200, 20, H1),
      tally('b', 200, 80, H1),
      tally('a', 2000, 600, H2),
      tally('b', 2000, 540, H2),
    ];
    const r = splitExperiment(step('a', 'b'), hours);
    expect(r.arms[0]).toMatchObject({ decisions: 2200, positives: 620 });
    expect(r.arms[1]).toMatchObject({
      decisions: 2200,
      positives: 620,
      verdict: ExperimentVerdict.CHALLENGER_BETTER,
    });
    // Seen only as the last look, the same totals say nothing.
    const once = splitExperiment(step('a', 'b'), [tally('a', 2200, 620, H2), tally('b', 2200, 620, H2)]);
    expect(once.verdict).toBe(ExperimentVerdict.KEEP_RUNNING);
  });

  it('shows arms without decisions, and ignores arms the version does not have', () => {
    const r = splitExperiment(step('a', 'b'), [tally('old-arm', 300, 30)]);
    expect(r.arms).toEqual([
      expect.objectContaining({ arm: 'a', decisions: 0, rate: null, rateInterval: { low: 0, high: 1 } }),
      expect.objectContaining({ arm: 'b', decisions: 0, difference: null }),
    ]);
  });
});
