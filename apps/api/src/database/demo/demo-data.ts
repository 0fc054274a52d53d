import {
  SCHEMA_VERSION,
  type ActionDefinition,
  type DataSchema,
  type FieldDefinition,
  type StrategyDocument,
} from '@arbiter/engine';
import { at, coupon } from '@arbiter/engine/examples';
import { Role } from '../../auth/roles';
import { COUPON_SAMPLE, RETAIL_SAMPLE, RETAIL_SAMPLE_FIELDS } from '../../datasets/sample-datasets.service';

/** One demo user per role; all share the password printed when seeding. */
export const DEMO_USERS: { email: string; displayName: string; roles: Role[] }[] = [
  { email: 'designer@arbiter.local', displayName: 'Dana Designer', roles: [Role.designer] },
  { email: 'analyst@arbiter.local', displayName: 'Ari Analyst', roles: [Role.analyst] },
  { email: 'reviewer@arbiter.local', displayName: 'Rene Reviewer', roles: [Role.reviewer] },
  { email: 'publisher@arbiter.local', displayName: 'Pat Publisher', roles: [Role.publisher] },
  { email: 'admin@arbiter.local', displayName: 'Alex Admin', roles: [Role.admin] },
];

/** A strategy the seed creates and publishes after a simulation on the sample dataset of its business line. */
export interface DemoStrategy {
  name: string;
  description: string;
  document: StrategyDocument;
  /** The sample dataset (by name) it is simulated on before the seed's reviewer approves it. */
  dataset: string;
}

/** Each field says which demo it belongs to: the two business lines share one customer schema. */
const ofLine = (f: FieldDefinition, line: string): FieldDefinition => ({
  ...f,
  description: `${line} — ${f.description ?? f.label ?? f.name}`,
});
const RETAIL_LINE = 'Retail demo (bank customers)';
const COUPON_LINE = 'Coupon demo (drivers, UCI survey)';

const RETAIL_SCHEMA: Required<DataSchema> = {
  customer: RETAIL_SAMPLE_FIELDS.map((f) =>
    ofLine(f.name === 'ageYears' ? { ...f, personal: true } : f, RETAIL_LINE),
  ),
  context: [
    ofLine({ name: 'channel', type: 'string', allowedValues: ['web', 'app', 'call-center'] }, RETAIL_LINE),
  ],
};

/**
 * Both demos' fields, each described by its business line: the retail ones (the retail sample's
 * columns), then every column of the coupon sample (see the coupon example). No name is in both.
 */
export const DEMO_SCHEMA: Required<DataSchema> = {
  customer: [
    ...RETAIL_SCHEMA.customer,
    ...(coupon.schema.customer ?? []).map((f) =>
      ofLine(f.name === 'age' ? { ...f, label: 'age band' } : f, COUPON_LINE),
    ),
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

/** A small, valid strategy: retail offers, adults only, no card offer to card holders, propensity per offer, top 3. */
const RETAIL_STRATEGY: DemoStrategy = {
  name: 'Retail next best action (demo)',
  description:
    'Demo strategy created by the seed: retail offers for a bank customer (filter, score, arbitrate, rank), simulated on the generated retail sample.',
  dataset: RETAIL_SAMPLE,
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
        // Per offer, who tends to take it (the retail sample's campaign shows the same tendencies).
        config: {
          field: 'propensity',
          byGroup: {
            cards: { type: 'expression', expression: "customer.segment == 'gold' ? 0.14 : 0.07" },
            insurance: {
              type: 'expression',
              expression: 'customer.ageYears >= 25 and customer.ageYears <= 65 ? 0.09 : 0.04',
            },
            retention: { type: 'expression', expression: '0.02 + 0.3 * customer.churnRisk' },
            savings: { type: 'expression', expression: 'customer.ageYears < 30 ? 0.12 : 0.05' },
          },
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
  dataset: COUPON_SAMPLE,
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
