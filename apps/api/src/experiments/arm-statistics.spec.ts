import { seededRandom } from '@arbiter/engine';
import fc from 'fast-check';
import {
  compareSequentially,
  DEFAULT_SEQUENTIAL,
  logMixtureRatio,
  wilsonInterval,
  type ArmTally,
  type Look,
} from './arm-statistics';

/**
 * One experiment run as a dashboard user sees it: customers arrive one by one, land in the
 * challenger with `share`, convert with their arm's rate; the user looks every 100 customers.
 * The p-value is the smallest over the looks so far, so the reading after the last look says
 * whether any look called a difference (and stopping there would have been wrong under equal rates).
 */
function peekingRun(seed: number, rates: [number, number], share: number, customers: number, every = 100) {
  const next = seededRandom(seed);
  const champion: ArmTally = { decisions: 0, positives: 0 };
  const challenger: ArmTally = { decisions: 0, positives: 0 };
  const looks: Look[] = [];
  for (let i = 1; i <= customers; i++) {
    const arm = next() < share ? challenger : champion;
    arm.decisions++;
    if (next() < (arm === challenger ? rates[1] : rates[0])) arm.positives++;
    if (i % every === 0) looks.push({ champion: { ...champion }, challenger: { ...challenger } });
  }
  return compareSequentially(looks);
}

describe('Wilson interval', () => {
  it('matches the textbook values', () => {
    // 81 of 263: 0.308 with [0.255, 0.366] (Wilson 1927; Newcombe 1998, table I).
    const i = wilsonInterval({ decisions: 263, positives: 81 });
    expect(i.low).toBeCloseTo(0.2553, 3);
    expect(i.high).toBeCloseTo(0.3662, 3);
    // No positives: starts at 0, still an honest upper bound (0 of 10: [0, 0.2775]).
    expect(wilsonInterval({ decisions: 10, positives: 0 })).toEqual({
      low: 0,
      high: expect.closeTo(0.2775, 3),
    });
    expect(wilsonInterval({ decisions: 0, positives: 0 })).toEqual({ low: 0, high: 1 });
  });

  it('always holds the observed rate, inside [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.round(share * n);
          const { low, high } = wilsonInterval({ decisions: n, positives: x });
          expect(low).toBeGreaterThanOrEqual(0);
          expect(high).toBeLessThanOrEqual(1);
          expect(low).toBeLessThanOrEqual(x / n + 1e-12);
          expect(high).toBeGreaterThanOrEqual(x / n - 1e-12);
        },
      ),
    );
  });
});

describe('always-valid sequential test (mSPRT)', () => {
  it('gives no evidence without a difference and more with a larger one', () => {
    const same = logMixtureRatio(
      { decisions: 1000, positives: 100 },
      { decisions: 1000, positives: 100 },
      0.05,
    );
    expect(same).toBeLessThan(0);
    const small = logMixtureRatio(
      { decisions: 1000, positives: 100 },
      { decisions: 1000, positives: 120 },
      0.05,
    );
    const large = logMixtureRatio(
      { decisions: 1000, positives: 100 },
      { decisions: 1000, positives: 160 },
      0.05,
    );
    expect(large).toBeGreaterThan(small);
    expect(Math.exp(-large)).toBeLessThan(0.01);
  });

  it('does not look before every arm has the minimum of decisions', () => {
    const looks = [
      { champion: { decisions: 99, positives: 0 }, challenger: { decisions: 99, positives: 99 } },
    ];
    expect(compareSequentially(looks)).toMatchObject({ pValue: 1, decided: false, interval: null });
  });

  it('keeps the p-value at its smallest so far, and its interval excludes 0 exactly when it has decided', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.15, noNaN: true }),
        (seed, base, lift) => {
          const next = seededRandom(seed);
          const champion = { decisions: 0, positives: 0 };
          const challenger = { decisions: 0, positives: 0 };
          const looks: Look[] = [];
          let previous = 1;
          for (let i = 1; i <= 3000; i++) {
            const arm = next() < 0.5 ? challenger : champion;
            arm.decisions++;
            if (next() < (arm === challenger ? base + lift : base)) arm.positives++;
            if (i % 250 === 0) {
              looks.push({ champion: { ...champion }, challenger: { ...challenger } });
              const result = compareSequentially(looks);
              expect(result.pValue).toBeLessThanOrEqual(previous);
              previous = result.pValue;
              if (result.interval)
                expect(result.interval.low > 0 || result.interval.high < 0).toBe(result.decided);
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('under equal rates, stays above alpha in at least 95% of runs when peeked at every 100 customers', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        fc.constantFrom(0.5, 0.3, 0.1),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (rate, share, seed) => {
          const runs = 200;
          let falseAlarms = 0;
          for (let r = 0; r < runs; r++)
            if (peekingRun(seed + r * 7919, [rate, rate], share, 5000).decided) falseAlarms++;
          expect(falseAlarms / runs).toBeLessThanOrEqual(DEFAULT_SEQUENTIAL.alpha);
        },
      ),
      // A fixed seed: the share of false alarms is itself random, and a test must not fail by chance.
      { numRuns: 6, seed: 18 },
    );
  });

  it('with a clear difference, crosses alpha and names the better arm', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<[number, number]>([0.1, 0.2], [0.3, 0.2], [0.05, 0.12]),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (rates, seed) => {
          const runs = 50;
          let crossed = 0;
          for (let r = 0; r < runs; r++) {
            const run = peekingRun(seed + r * 104_729, rates, 0.5, 5000);
            if (!run.decided) continue;
            crossed++;
            expect(run.direction).toBe(Math.sign(rates[1] - rates[0]));
          }
          expect(crossed / runs).toBeGreaterThanOrEqual(0.95);
        },
      ),
      // A fixed seed: the share of runs that cross is itself random.
      { numRuns: 6, seed: 18 },
    );
  });
});
