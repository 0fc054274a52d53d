import {
  SCHEMA_VERSION,
  type ActionDefinition,
  type DataSchema,
  type StrategyDocument,
} from '@arbiter/engine';
import { at, coupon } from '@arbiter/engine/examples';
import { Role } from '../../auth/roles';

/** One demo user per role; all share the password printed when seeding. */
export const DEMO_USERS: { email: string; displayName: string; roles: Role[] }[] = [
  { email: 'designer@arbiter.local', displayName: 'Dana Designer', roles: [Role.designer] },
  { email: 'analyst@arbiter.local', displayName: 'Ari Analyst', roles: [Role.analyst] },
  { email: 'reviewer@arbiter.local', displayName: 'Rene Reviewer', roles: [Role.reviewer] },
  { email: 'publisher@arbiter.local', displayName: 'Pat Publisher', roles: [Role.publisher] },
  { email: 'admin@arbiter.local', displayName: 'Alex Admin', roles: [Role.admin] },
];

/** A strategy the seed creates and publishes (after a simulation on the coupon sample). */
export interface DemoStrategy {
  name: string;
  description: string;
  document: StrategyDocument;
}

const RETAIL_SCHEMA: Required<DataSchema> = {
  customer: [
    // `ageYears`, not `age`: the coupon sample's `age` is an age band ('below21', '26', '50plus').
    { name: 'ageYears', type: 'number', label: 'age', personal: true },
    { name: 'segment', type: 'string', allowedValues: ['gold', 'silver', 'bronze'] },
    { name: 'churnRisk', type: 'number', label: 'churn risk (0–1)' },
    { name: 'hasCard', type: 'boolean', label: 'has a credit card' },
  ],
  context: [{ name: 'channel', type: 'string', allowedValues: ['web', 'app', 'call-center'] }],
};

/** Both demos' fields: the retail ones, then every column of the coupon sample (see the coupon example). */
export const DEMO_SCHEMA: Required<DataSchema> = {
  customer: [
    ...RETAIL_SCHEMA.customer,
    ...(coupon.schema.customer ?? []).map((f) => (f.name === 'age' ? { ...f, label: 'age band' } : f)),
  ],
  context: [...RETAIL_SCHEMA.context, ...(coupon.schema.context ?? [])],
};

/**
 * The customer fields the seed marks protected for the fairness check: the coupon sample's age band
 * and gender, so every demo simulation reports how those groups are treated.
 */
export const DEMO_PROTECTED_FIELDS: readonly string[] = ['age', 'gender'];

const RETAIL_CHANNELS = ['web', 'app', 'call-center'];

const RETAIL_ACTIONS: ActionDefinition[] = [
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

/** The retail offers, then the coupon example's ten coupons (ids like `bar-1d`, channel `in-car`). */
export const DEMO_ACTIONS: ActionDefinition[] = [...RETAIL_ACTIONS, ...coupon.actions];

/** A small, valid strategy: retail offers, adults only, no card offer to card holders, propensity from churn risk, top 3. */
const RETAIL_STRATEGY: DemoStrategy = {
  name: 'Retail next best action (demo)',
  description: 'Demo strategy created by the seed: filter, score, arbitrate, rank.',
  document: {
    schemaVersion: SCHEMA_VERSION,
    name: 'Retail next best action (demo)',
    nodes: [
      {
        id: 'catalog',
        type: 'actions',
        label: 'Retail offers',
        position: at(0),
        config: { channels: RETAIL_CHANNELS },
      },
      {
        id: 'adults',
        type: 'filter',
        label: 'Adults only',
        position: at(1),
        config: {
          condition: {
            all: [{ fact: 'customer', path: '$.ageYears', operator: 'greaterThanInclusive', value: 18 }],
          },
        },
      },
      {
        id: 'no-second-card',
        type: 'filter',
        label: 'No second card',
        position: at(2),
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
        position: at(3),
        config: {
          field: 'propensity',
          model: { type: 'expression', expression: '0.1 + 0.5 * customer.churnRisk' },
        },
      },
      {
        id: 'arbitrate',
        type: 'arbitrate',
        label: 'Relevance vs. value',
        position: at(4),
        config: { propensityWeight: 1, valueWeight: 0.5 },
      },
      { id: 'top3', type: 'rank', label: 'Top 3', position: at(5), config: { limit: 3 } },
      { id: 'output', type: 'output', label: 'Recommendations', position: at(6), config: {} },
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

const COUPON_NAME = 'Vehicle coupons (demo)';

/**
 * The coupon example (acceptance models fitted on the coupon sample) on the shared catalog: its first
 * node keeps to the in-car coupons, so the retail offers never reach its per-venue models.
 */
const COUPON_STRATEGY: DemoStrategy = {
  name: COUPON_NAME,
  description:
    'Demo strategy created by the seed from the in-vehicle coupon example: the best three coupons for a driver.',
  document: {
    ...coupon.document,
    name: COUPON_NAME,
    nodes: coupon.document.nodes.map((node) =>
      node.type === 'actions' ? { ...node, label: 'In-car coupons', config: { channels: ['in-car'] } } : node,
    ),
  },
};

/** In list order (by name): tests and the README's tour take the retail strategy as the first one. */
export const DEMO_STRATEGIES: DemoStrategy[] = [RETAIL_STRATEGY, COUPON_STRATEGY];
