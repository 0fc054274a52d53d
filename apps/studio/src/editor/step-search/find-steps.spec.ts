import type { StrategyDocument } from '@arbiter/engine';
import { findSteps } from './find-steps';

const doc: StrategyDocument = {
  schemaVersion: 1,
  nodes: [
    { id: 'actions-1', type: 'actions', config: {} },
    { id: 'filter-1', type: 'filter', label: 'Young adults only', config: {} },
    { id: 'filter-2', type: 'filter', label: 'Adults with a balance', config: {} },
    { id: 'rank-1', type: 'rank', config: {} },
  ],
  edges: [],
};

describe('findSteps', () => {
  it('finds steps by every word of their name, names starting with the text first', () => {
    expect(findSteps(doc, 'adults').map((m) => m.id)).toEqual(['filter-2', 'filter-1']);
    expect(findSteps(doc, 'young ADULTS').map((m) => m.title)).toEqual(['Young adults only']);
  });

  it('finds an unnamed step by its kind, and nothing for an empty text', () => {
    expect(findSteps(doc, 'rank')).toEqual([{ id: 'rank-1', title: 'Rank', kind: 'Rank' }]);
    expect(findSteps(doc, '  ')).toEqual([]);
  });
});
