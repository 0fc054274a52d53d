import type { StrategyDocument } from '@arbiter/engine';
import { connectionProblem } from './connection-rules';

const doc: StrategyDocument = {
  schemaVersion: 1,
  nodes: [
    { id: 'a', type: 'actions', config: {} },
    { id: 'f', type: 'filter', config: { condition: { all: [] } } },
    {
      id: 's',
      type: 'split',
      config: {
        mode: 'percentage',
        salt: 'x',
        branches: [
          { id: 'champion', percent: 50 },
          { id: 'challenger', percent: 50 },
        ],
      },
    },
    { id: 'm', type: 'merge', config: {} },
    { id: 'r', type: 'rank', config: {} },
    { id: 'o', type: 'output', config: {} },
  ],
  edges: [
    { source: 'a', target: 'f' },
    { source: 'f', target: 's' },
    { source: 's', sourceHandle: 'champion', target: 'm' },
  ],
};

describe('connectionProblem', () => {
  it('allows a fresh connection to a free input', () => {
    expect(connectionProblem(doc, { source: 'm', target: 'r' })).toBeUndefined();
    expect(connectionProblem(doc, { source: 's', sourceHandle: 'challenger', target: 'm' })).toBeUndefined();
    expect(connectionProblem(doc, { source: 's', sourceHandle: 'challenger', target: 'r' })).toBeUndefined();
  });

  it('keeps the output a dead end and sources without inputs', () => {
    expect(connectionProblem(doc, { source: 'o', target: 'r' })).toMatch(/end of the strategy/);
    expect(connectionProblem(doc, { source: 'r', target: 'a' })).toMatch(/starts a flow/);
  });

  it('accepts split branches only by their ids', () => {
    expect(connectionProblem(doc, { source: 's', sourceHandle: 'out', target: 'r' })).toMatch(
      /no exit "out"/,
    );
  });

  it('refuses duplicates, second inputs of single-input steps, self-loops and cycles', () => {
    expect(connectionProblem(doc, { source: 'a', target: 'f' })).toMatch(/already connected/);
    expect(connectionProblem(doc, { source: 'm', target: 'f' })).toMatch(/Merge step first/);
    expect(connectionProblem(doc, { source: 'r', target: 'r' })).toMatch(/itself/);
    const withRank = { ...doc, edges: [...doc.edges, { source: 'm', target: 'r' }] };
    expect(connectionProblem(withRank, { source: 'r', target: 'm' })).toMatch(/loop/);
  });
});
