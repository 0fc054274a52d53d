import * as fs from 'node:fs';
import type { Estimate } from './confidence-interval';
import { chunksOf, mergeInRandomOrder } from './metrics.test-helpers';
import { evaluateOpenBandit, highestAffinityItem, openBanditSimulationRow } from './open-bandit';
import { CAMPAIGNS, OPEN_BANDIT_DIR, openBanditFile, readOpenBandit } from './open-bandit.test-helpers';
import { SimulationAccumulator } from './simulation-accumulator';

const available = CAMPAIGNS.every((c) => fs.existsSync(openBanditFile(c)));
const width = (e: Estimate) => e.interval!.high - e.interval!.low;
const ESTIMATORS = ['replay', 'ips', 'snips'] as const;

it('picks the item of highest affinity, the lowest id among ties', () => {
  expect(highestAffinityItem([0, 0, 0])).toBe(0);
  expect(highestAffinityItem([0, 1, 1, 0.5])).toBe(1);
});

(available ? describe : describe.skip)(
  available
    ? 'Open Bandit Dataset validation (random logging policy)'
    : `Open Bandit Dataset validation — skipped: ${OPEN_BANDIT_DIR}/random/{men,women} not found`,
  () => {
    describe.each(CAMPAIGNS)('%s campaign', (campaign) => {
      const rows = available ? readOpenBandit(openBanditFile(campaign)) : [];
      const figures = evaluateOpenBandit(rows);

      it('reads the 10,000 logged impressions and their 46 clicks', () => {
        expect(figures.rows).toBe(10_000);
        expect(figures.clicks).toBe(46);
        expect(figures.observed.value).toBeCloseTo(0.0046, 15);
        expect(figures.observed.interval!.low).toBeGreaterThan(0);
      });

      it('estimates the logging policy at exactly its observed click rate', () => {
        const logging = figures.loggingPolicy;
        expect(logging.meanWeight).toBe(1);
        expect(logging.effectiveSampleSize).toBe(10_000);
        expect(logging.ips).toEqual(figures.observed);
        // SNIPS reaches the same variance by the delta method: equal up to rounding.
        expect(logging.snips.value).toBe(figures.observed.value);
        expect(logging.snips.interval!.low).toBeCloseTo(figures.observed.interval!.low, 15);
        expect(logging.snips.interval!.high).toBeCloseTo(figures.observed.interval!.high, 15);
      });

      it('gives sane intervals for a deterministic strategy, narrowing with more rows', () => {
        const policy = figures.affinityPolicy;
        const K = rows[0]!.affinity.length;
        expect(policy.matches).toBeGreaterThan(150);
        // Uniform logging: SNIPS reduces to replay, and the mean weight to matches·K / rows ≈ 1.
        expect(policy.snips.value).toBe(policy.replay.value);
        expect(policy.meanWeight).toBeCloseTo((policy.matches * K) / policy.rows, 12);
        const quarter = evaluateOpenBandit(rows.slice(0, 2_500)).affinityPolicy;
        const half = evaluateOpenBandit(rows.slice(0, 5_000)).affinityPolicy;
        for (const name of ESTIMATORS) {
          const e = policy[name];
          expect(e.interval!.low).toBeLessThan(e.value!);
          expect(e.interval!.high).toBeGreaterThan(e.value!);
          expect(e.interval!.high).toBeLessThan(0.1);
          expect(width(half[name])).toBeLessThan(width(quarter[name]));
          expect(width(e)).toBeLessThan(width(half[name]));
        }
      });

      it('merges worker chunks of the real rows into exactly the one-pass figures', () => {
        const parts = chunksOf(rows, [1234, 5000, 5001, 8999]).map((chunk) => {
          const acc = new SimulationAccumulator();
          chunk.forEach((row) => acc.add(openBanditSimulationRow(row)));
          return SimulationAccumulator.fromJSON(JSON.parse(JSON.stringify(acc.toJSON())));
        });
        expect(mergeInRandomOrder(parts, 17).summary().offPolicy!.top).toEqual(figures.affinityPolicy);
      });
    });
  },
);
