import fc from 'fast-check';
import { createAdaptiveModel } from './warm-start';
import { applyOutcomes, type AdaptiveOutcome } from './outcome-log';
import { restoreAdaptiveModel, snapshotAdaptiveModel } from './snapshot';

const config = {
  modelId: 'm',
  dedupWindow: 5,
  maxCategories: 3,
  predictors: [
    { name: 'age', input: 'customer.age', type: 'number' as const },
    { name: 'city', input: 'customer.city', type: 'string' as const },
  ],
};

const outcomeArb = fc.record({
  age: fc.option(fc.integer({ min: 18, max: 90 }), { nil: undefined }),
  city: fc.option(fc.constantFrom('Paris', 'Lyon', 'Nice', 'Rome', 'Oslo'), { nil: undefined }),
  label: fc.boolean(),
});
const streamArb = fc.array(outcomeArb, { minLength: 1, maxLength: 120 }).map((rows) =>
  rows.map((r, i): AdaptiveOutcome => ({
    id: `o${i}`,
    seq: i + 1,
    facts: { customer: { age: r.age, city: r.city } },
    label: r.label,
  })),
);
const hashOf = (outcomes: AdaptiveOutcome[]) =>
  snapshotAdaptiveModel(applyOutcomes(createAdaptiveModel(config), outcomes).state).hash;

describe('applying outcomes exactly once', () => {
  it('ends in the same state with redelivered duplicates as with the stream once', () => {
    fc.assert(
      fc.property(streamArb, fc.array(fc.nat(), { maxLength: 40 }), (stream, picks) => {
        // Redelivery: an outcome already consumed comes again later (same id, same sequence).
        const withDuplicates = [...stream];
        for (const pick of picks) {
          const at = pick % withDuplicates.length;
          withDuplicates.splice(at + 1, 0, withDuplicates[pick % (at + 1)]!);
        }
        expect(hashOf(withDuplicates)).toBe(hashOf(stream));
      }),
      { numRuns: 60 },
    );
  });

  it('ends in the same state after a crash: snapshot, restore, then the stream again from any earlier point', () => {
    fc.assert(
      fc.property(streamArb, fc.nat(), fc.nat(), (stream, a, b) => {
        const crashAt = a % (stream.length + 1);
        const resumeFrom = b % (crashAt + 1); // the consumer re-reads from its last acknowledged offset
        const before = applyOutcomes(createAdaptiveModel(config), stream.slice(0, crashAt)).state;
        const snapshot = snapshotAdaptiveModel(before);
        const restored = restoreAdaptiveModel(snapshot.json, snapshot.hash);
        const after = applyOutcomes(restored, stream.slice(resumeFrom));
        expect(snapshotAdaptiveModel(after.state).json).toBe(
          snapshotAdaptiveModel(applyOutcomes(createAdaptiveModel(config), stream).state).json,
        );
        expect(after.skipped).toBe(crashAt - resumeFrom);
      }),
      { numRuns: 60 },
    );
  });

  it('skips an outcome re-sent with a new sequence number within the window', () => {
    const stream: AdaptiveOutcome[] = [1, 2, 3].map((i) => ({
      id: `o${i}`,
      seq: i,
      facts: { customer: { age: 30 + i } },
      label: i === 2,
    }));
    const once = applyOutcomes(createAdaptiveModel(config), stream);
    const resent = applyOutcomes(once.state, [{ ...stream[1]!, seq: 9 }]);
    expect(resent.applied).toBe(0);
    expect(resent.state.means).toEqual(once.state.means);
    expect(resent.state.evidence).toBe(3);
  });

  it('refuses a snapshot whose hash does not match, and an outcome without a sequence number', () => {
    const snapshot = snapshotAdaptiveModel(createAdaptiveModel(config));
    expect(() =>
      restoreAdaptiveModel(snapshot.json.replace('"evidence":0', '"evidence":5'), snapshot.hash),
    ).toThrow(/does not match/);
    expect(() =>
      applyOutcomes(createAdaptiveModel(config), [{ id: 'x', seq: 0, facts: {}, label: true }]),
    ).toThrow(/seq: outcome "x" has sequence 0/);
  });
});
