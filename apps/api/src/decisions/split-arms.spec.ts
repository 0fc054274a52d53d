import { compileStrategy } from '@arbiter/engine';
import { percentageSplit } from '../../test/support/documents';
import { hasSplit, splitArms, traceFor } from './split-arms';

/** A split whose second arm leads to another split: a customer of the first arm never reaches the second split. */
const NESTED = {
  schemaVersion: 1,
  nodes: [
    { id: 'offers', type: 'actions', config: {} },
    percentageSplit('outer', 'o', { keep: 50, test: 50 }),
    percentageSplit('inner', 'i', { a: 50, b: 50 }),
    { id: 'join', type: 'merge', config: {} },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'offers', target: 'outer' },
    { source: 'outer', sourceHandle: 'keep', target: 'join' },
    { source: 'outer', sourceHandle: 'test', target: 'inner' },
    { source: 'inner', sourceHandle: 'a', target: 'join' },
    { source: 'inner', sourceHandle: 'b', target: 'join' },
    { source: 'join', target: 'out' },
  ],
};

describe('the split arms a decision logs', () => {
  const compiled = compileStrategy(NESTED, { actions: [{ id: 'offer', name: 'Offer' }] });
  const armsOf = (customerId: string, withTrace = false) =>
    splitArms(
      compiled.decide({ customer: { id: customerId } }, { trace: traceFor(withTrace, hasSplit(NESTED)) })
        .trace,
    );

  it('names the arm of every split step reached, in order, from the cheapest trace or the full one', () => {
    const all = Array.from({ length: 200 }, (_, i) => armsOf(`c-${i}`)!);
    const outerOnly = all.filter((a) => a.length === 1);
    const both = all.filter((a) => a.length === 2);
    expect(outerOnly.length).toBeGreaterThan(50);
    expect(both.length).toBeGreaterThan(50);
    for (const a of outerOnly) expect(a).toEqual([{ splitStepId: 'outer', arm: 'keep' }]);
    for (const a of both)
      expect(a).toEqual([
        { splitStepId: 'outer', arm: 'test' },
        { splitStepId: 'inner', arm: expect.stringMatching(/^[ab]$/) },
      ]);
    for (let i = 0; i < 20; i++) expect(armsOf(`c-${i}`, true)).toEqual(all[i]);
  });

  it('asks for no trace and logs nothing for a strategy without a split', () => {
    const plain = {
      schemaVersion: 1,
      nodes: [NESTED.nodes[0], NESTED.nodes[4]],
      edges: [{ source: 'offers', target: 'out' }],
    };
    expect(hasSplit(plain)).toBe(false);
    expect(traceFor(false, false)).toBe(false);
    expect(traceFor(false, true)).toBe('counts');
    expect(traceFor(true, false)).toBe(true);
    expect(
      splitArms(
        compileStrategy(plain, { actions: [{ id: 'offer', name: 'Offer' }] }).decide({
          customer: { id: 'c' },
        }).trace,
      ),
    ).toBeUndefined();
  });
});
