import {
  SCHEMA_VERSION,
  type ActionDefinition,
  type DataSchema,
  type StrategyDocument,
} from '@arbiter/engine';
import { Role } from '../../auth/roles';

/** One demo user per role; all share the password printed when seeding. */
export const DEMO_USERS: { email: string; displayName: string; roles: Role[] }[] = [
  { email: 'designer@arbiter.local', displayName: 'Dana Designer', roles: [Role.designer] },
  { email: 'analyst@arbiter.local', displayName: 'Ari Analyst', roles: [Role.analyst] },
  { email: 'reviewer@arbiter.local', displayName: 'Rene Reviewer', roles: [Role.reviewer] },
  { email: 'publisher@arbiter.local', displayName: 'Pat Publisher', roles: [Role.publisher] },
  { email: 'admin@arbiter.local', displayName: 'Alex Admin', roles: [Role.admin] },
];

export const DEMO_SCHEMA: Required<DataSchema> = {
  customer: [
    { name: 'age', type: 'number', personal: true },
    { name: 'segment', type: 'string', allowedValues: ['gold', 'silver', 'bronze'] },
    { name: 'churnRisk', type: 'number', label: 'churn risk (0–1)' },
    { name: 'hasCard', type: 'boolean', label: 'has a credit card' },
  ],
  context: [{ name: 'channel', type: 'string', allowedValues: ['web', 'app', 'call-center'] }],
};

export const DEMO_ACTIONS: ActionDefinition[] = [
  {
    id: 'gold-card',
    name: 'Gold credit card',
    group: 'cards',
    channel: 'web',
    value: 120,
    cost: 10,
    tags: ['acquisition'],
  },
  {
    id: 'travel-insurance',
    name: 'Travel insurance',
    group: 'insurance',
    channel: 'web',
    value: 60,
    cost: 5,
  },
  {
    id: 'retention-call',
    name: 'Retention call',
    group: 'retention',
    channel: 'call-center',
    value: 200,
    cost: 25,
  },
  {
    id: 'savings-plan',
    name: 'Savings plan',
    group: 'savings',
    channel: 'app',
    value: 40,
    cost: 2,
    attributes: { minAge: 18 },
  },
];

/** A small, valid strategy: adults only, no card offer to card holders, propensity from churn risk, top 3. */
export const DEMO_STRATEGY: { name: string; description: string; document: StrategyDocument } = {
  name: 'Retail next best action (demo)',
  description: 'Demo strategy created by the seed: filter, score, arbitrate, rank.',
  document: {
    schemaVersion: SCHEMA_VERSION,
    name: 'Retail next best action (demo)',
    nodes: [
      { id: 'catalog', type: 'actions', label: 'All offers', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'adults',
        type: 'filter',
        label: 'Adults only',
        position: { x: 260, y: 0 },
        config: {
          condition: {
            all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 }],
          },
        },
      },
      {
        id: 'no-second-card',
        type: 'filter',
        label: 'No second card',
        position: { x: 520, y: 0 },
        config: {
          condition: {
            any: [
              { fact: 'action', path: '$.group', operator: 'notEqual', value: 'cards' },
              { fact: 'customer', path: '$.hasCard', operator: 'notEqual', value: true },
            ],
          },
        },
      },
      {
        id: 'propensity',
        type: 'score',
        label: 'Propensity',
        position: { x: 780, y: 0 },
        config: {
          field: 'propensity',
          model: { type: 'expression', expression: '0.1 + 0.5 * customer.churnRisk' },
        },
      },
      {
        id: 'arbitrate',
        type: 'arbitrate',
        label: 'Relevance vs. value',
        position: { x: 1040, y: 0 },
        config: { propensityWeight: 1, valueWeight: 0.5 },
      },
      { id: 'top3', type: 'rank', label: 'Top 3', position: { x: 1300, y: 0 }, config: { limit: 3 } },
      { id: 'output', type: 'output', label: 'Recommendations', position: { x: 1560, y: 0 }, config: {} },
    ],
    edges: [
      { source: 'catalog', target: 'adults' },
      { source: 'adults', target: 'no-second-card' },
      { source: 'no-second-card', target: 'propensity' },
      { source: 'propensity', target: 'arbitrate' },
      { source: 'arbitrate', target: 'top3' },
      { source: 'top3', target: 'output' },
    ],
  },
};
