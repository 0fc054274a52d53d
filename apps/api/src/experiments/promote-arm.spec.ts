import { validateStrategy, type StrategyDocument } from '@arbiter/engine';
import { percentageSplit } from '../../test/support/documents';
import { promoteArm } from './promote-arm';

const mark = (id: string, value: number) => ({
  id,
  type: 'score',
  config: { field: 'branch', model: { type: 'expression', expression: String(value) } },
});

/** Champion and challenger branches that join again before the output; the challenger has a filter of its own. */
const CHAMPION_CHALLENGER: StrategyDocument = {
  schemaVersion: 1,
  nodes: [
    { id: 'candidates', type: 'actions', config: {} },
    percentageSplit('ab', 's', { champion: 80, challenger: 20 }),
    mark('old-scores', 1),
    mark('new-scores', 2),
    { id: 'top', type: 'rank', config: { by: 'branch', limit: 1 } },
    { id: 'join', type: 'merge', config: {} },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'candidates', target: 'ab' },
    { source: 'ab', sourceHandle: 'champion', target: 'old-scores' },
    { source: 'ab', sourceHandle: 'challenger', target: 'new-scores' },
    { source: 'new-scores', target: 'top' },
    { source: 'old-scores', target: 'join' },
    { source: 'top', target: 'join' },
    { source: 'join', target: 'out' },
  ],
};

const errors = (doc: unknown) => validateStrategy(doc).problems.filter((p) => p.severity === 'error');

describe('promoting a split arm', () => {
  it('connects the split’s input to the winning branch and removes the losing one', () => {
    const promoted = promoteArm(CHAMPION_CHALLENGER, 'ab', 'challenger');
    expect(promoted.nodes.map((n) => n.id)).toEqual(['candidates', 'new-scores', 'top', 'join', 'out']);
    expect(promoted.edges).toEqual([
      { source: 'new-scores', target: 'top' },
      { source: 'top', target: 'join' },
      { source: 'join', target: 'out' },
      { source: 'candidates', target: 'new-scores' },
    ]);
    expect(errors(promoted)).toEqual([]);
  });

  it('keeps the champion when it wins, and leaves the source document as it was', () => {
    const before = JSON.stringify(CHAMPION_CHALLENGER);
    const promoted = promoteArm(CHAMPION_CHALLENGER, 'ab', 'champion');
    expect(promoted.nodes.map((n) => n.id)).toEqual(['candidates', 'old-scores', 'join', 'out']);
    expect(errors(promoted)).toEqual([]);
    expect(JSON.stringify(CHAMPION_CHALLENGER)).toBe(before);
  });

  it('handles a branch that goes straight to the output and a split fed by a split branch', () => {
    const doc: StrategyDocument = {
      schemaVersion: 1,
      nodes: [
        { id: 'candidates', type: 'actions', config: {} },
        percentageSplit('first', 'a', { x: 50, y: 50 }),
        percentageSplit('second', 'b', { p: 50, q: 50 }),
        mark('q-scores', 3),
        { id: 'join', type: 'merge', config: {} },
        { id: 'out', type: 'output', config: {} },
      ],
      edges: [
        { source: 'candidates', target: 'first' },
        { source: 'first', sourceHandle: 'x', target: 'join' },
        { source: 'first', sourceHandle: 'y', target: 'second' },
        { source: 'second', sourceHandle: 'p', target: 'join' },
        { source: 'second', sourceHandle: 'q', target: 'q-scores' },
        { source: 'q-scores', target: 'join' },
        { source: 'join', target: 'out' },
      ],
    };
    const promoted = promoteArm(doc, 'second', 'q');
    expect(promoted.edges).toContainEqual({ source: 'first', sourceHandle: 'y', target: 'q-scores' });
    expect(promoted.nodes.map((n) => n.id)).toEqual(['candidates', 'first', 'q-scores', 'join', 'out']);
    expect(errors(promoted)).toEqual([]);
    const direct = promoteArm(doc, 'first', 'x');
    expect(direct.nodes.map((n) => n.id)).toEqual(['candidates', 'join', 'out']);
    expect(direct.edges).toEqual([
      { source: 'join', target: 'out' },
      { source: 'candidates', target: 'join' },
    ]);
    expect(errors(direct)).toEqual([]);
  });
});
