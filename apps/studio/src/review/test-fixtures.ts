import type { StrategyDocument } from '@arbiter/engine';
import type { StrategyDiff } from './diff-model';

/** Small documents and a diff between them, for the review tests. */
export const FROM_DOC: StrategyDocument = {
  schemaVersion: 1,
  name: 'Retention',
  nodes: [
    { id: 'all', type: 'actions', config: {}, position: { x: 0, y: 0 } },
    {
      id: 'adults',
      type: 'filter',
      config: {
        condition: {
          all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 }],
        },
      },
      position: { x: 260, y: 0 },
    },
    { id: 'old-top', type: 'rank', config: { limit: 5 }, position: { x: 520, y: 120 } },
    { id: 'out', type: 'output', config: {}, position: { x: 780, y: 0 } },
  ],
  edges: [
    { source: 'all', target: 'adults' },
    { source: 'adults', target: 'old-top' },
    { source: 'old-top', target: 'out' },
  ],
};

export const TO_DOC: StrategyDocument = {
  schemaVersion: 1,
  name: 'Retention',
  nodes: [
    { id: 'all', type: 'actions', config: {}, position: { x: 0, y: 0 } },
    {
      id: 'adults',
      type: 'filter',
      config: {
        condition: {
          all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 21 }],
        },
      },
      position: { x: 260, y: 0 },
    },
    { id: 'top', type: 'rank', config: { limit: 3 }, position: { x: 520, y: 0 } },
    { id: 'out', type: 'output', config: {}, position: { x: 780, y: 0 } },
  ],
  edges: [
    { source: 'all', target: 'adults' },
    { source: 'adults', target: 'top' },
    { source: 'top', target: 'out' },
  ],
};

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
