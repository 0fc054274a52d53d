import type { StrategyDocument } from '@arbiter/engine';
import type { StrategyDiff } from './diff-model';

/** A retention strategy: the adults (from `minAge`) ranked by `rank`, whose id and limit differ between versions. */
function retention(minAge: number, rank: { id: string; limit: number; y: number }): StrategyDocument {
  return {
    schemaVersion: 1,
    name: 'Retention',
    nodes: [
      { id: 'all', type: 'actions', config: {}, position: { x: 0, y: 0 } },
      {
        id: 'adults',
        type: 'filter',
        config: {
          condition: {
            all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: minAge }],
          },
        },
        position: { x: 260, y: 0 },
      },
      { id: rank.id, type: 'rank', config: { limit: rank.limit }, position: { x: 520, y: rank.y } },
      { id: 'out', type: 'output', config: {}, position: { x: 780, y: 0 } },
    ],
    edges: [
      { source: 'all', target: 'adults' },
      { source: 'adults', target: rank.id },
      { source: rank.id, target: 'out' },
    ],
  };
}

/** Small documents and a diff between them, for the review tests. */
export const FROM_DOC = retention(18, { id: 'old-top', limit: 5, y: 120 });
export const TO_DOC = retention(21, { id: 'top', limit: 3, y: 0 });

export const DIFF: StrategyDiff = {
  fromVersionId: 'v1',
  toVersionId: 'v2',
  unchanged: false,
  environment: ["action 'Gold card': value 120 → 150"],
  nodes: {
    added: [{ id: 'top', label: null, type: 'rank', summary: 'top 3 by priority' }],
    removed: [{ id: 'old-top', label: 'Old ranking', type: 'rank', summary: 'top 5 by priority' }],
    changed: [
      {
        id: 'adults',
        label: 'Adults',
        type: 'filter',
        summary: 'age ≥ 21',
        before: 'age ≥ 18',
        moved: null,
        changes: [{ field: 'config.condition', beforeText: 'age ≥ 18', afterText: 'age ≥ 21' }],
      },
      {
        id: 'out',
        label: null,
        type: 'output',
        summary: 'output',
        before: 'output',
        moved: { from: { x: 0, y: 0 }, to: { x: 780, y: 0 } },
        changes: [],
      },
    ],
  },
};
