import type { ActionDefinition, DataSchema, ModelSpec, StrategyDocument } from '../src';
import { at, compare, flow, type ExampleStrategy } from './example-strategy';

type Bin = { label?: string; min?: number; max?: number; values?: string[]; points: number };
/** A scorecard characteristic: its bins, the points of a missing value and of a value in no bin. */
const characteristic = (input: string, bins: Bin[], missingPoints = 0, otherPoints = 0) => ({
  input,
  bins,
  missingPoints,
  otherPoints,
});
/** Points per action: a characteristic on the action id, one bin per action. */
const pointsPerAction = (points: Record<string, number>) =>
  characteristic(
    'action.id',
    Object.entries(points).map(([id, p]) => ({ values: [id], points: p })),
  );
/** A scorecard whose total points map to a probability along a logistic curve. */
const scorecard = (
  baseScore: number,
  characteristics: ReturnType<typeof characteristic>[],
  mapping: { intercept: number; slope: number },
): ModelSpec => ({
  type: 'scorecard',
  baseScore,
  characteristics,
  mapping: { type: 'logistic', ...mapping },
});

/**
 * A mobile and broadband operator deciding, for one subscriber, between keeping them (retention),
 * selling them more (upsell) and fixing what annoys them (service). The numbers are invented but
 * plausible: values are the expected 12-month margin of an accepted action, costs what it costs us.
 */

const actions: ActionDefinition[] = [
  {
    id: 'loyalty-discount',
    name: 'Loyalty discount: 15% off for 12 months',
    group: 'retention',
    channel: 'app',
    value: 220,
    cost: 120,
    tags: ['discount'],
  },
  {
    id: 'retention-call',
    name: 'Call from a loyalty specialist',
    group: 'retention',
    channel: 'call-center',
    value: 260,
    cost: 35,
    tags: ['personal'],
  },
  {
    id: 'contract-renewal-reminder',
    name: 'Contract renewal reminder with early-renewal bonus',
    group: 'retention',
    channel: 'email',
    value: 90,
    cost: 2,
  },
  {
    id: 'data-add-on',
    name: 'Data add-on: +20 GB per month',
    group: 'upsell',
    channel: 'app',
    value: 48,
    cost: 6,
    attributes: { extraGb: 20 },
  },
  {
    id: 'handset-upgrade',
    name: 'Handset upgrade with a 24-month plan',
    group: 'upsell',
    channel: 'email',
    value: 300,
    cost: 180,
    tags: ['device'],
  },
  {
    id: 'fibre-upgrade',
    name: 'Home fibre upgrade (1 Gbit/s)',
    group: 'upsell',
    channel: 'email',
    value: 320,
    cost: 90,
  },
  {
    id: 'roaming-pack',
    name: 'Summer roaming pack: 10 GB in Europe',
    group: 'upsell',
    channel: 'sms',
    value: 30,
    cost: 1,
    validFrom: '2026-05-01',
    validTo: '2026-09-30',
  },
  {
    id: 'family-plan',
    name: 'Family plan: up to 4 SIMs on one bill',
    group: 'upsell',
    channel: 'email',
    value: 180,
    cost: 30,
  },
  {
    id: 'bill-shock-follow-up',
    name: 'Bill-shock follow-up: explain the last bill and suggest a cap',
    group: 'service',
    channel: 'sms',
    value: 40,
    cost: 1,
  },
  {
    id: 'complaint-callback',
    name: 'Service recovery callback after a complaint',
    group: 'service',
    channel: 'call-center',
    value: 70,
    cost: 25,
    tags: ['personal'],
  },
];

const CHANNELS = ['call-center', 'email', 'app', 'sms', 'web'];
const SEGMENTS = ['consumer', 'family', 'youth', 'premium', 'business'];

const schema: DataSchema = {
  customer: [
    { name: 'id', type: 'string', label: 'customer id', personal: true },
    { name: 'age', type: 'number', personal: true },
    { name: 'tenureMonths', type: 'number', label: 'tenure (months)' },
    {
      name: 'churnRisk',
      type: 'number',
      label: 'churn risk',
      description: 'Probability of leaving within 90 days, 0..1',
    },
    { name: 'monthlyBill', type: 'number', label: 'monthly bill (€)' },
    {
      name: 'billChangePct',
      type: 'number',
      label: 'bill change (%)',
      description: 'Last bill vs. the 3-month average',
    },
    { name: 'dataUsageGb', type: 'number', label: 'data usage (GB/month)' },
    { name: 'contractMonthsLeft', type: 'number', label: 'months left on contract' },
    { name: 'handsetAgeMonths', type: 'number', label: 'handset age (months)' },
    { name: 'roamingDaysLast90d', type: 'number', label: 'roaming days (last 90 days)' },
    { name: 'segment', type: 'string', allowedValues: SEGMENTS },
    { name: 'complaintsLast90d', type: 'number', label: 'complaints (last 90 days)' },
    { name: 'hasFibreAvailable', type: 'boolean', label: 'fibre available at home' },
    { name: 'consentMarketing', type: 'boolean', label: 'marketing consent' },
  ],
  context: [
    { name: 'channel', type: 'string', label: 'calling channel', allowedValues: CHANNELS },
    { name: 'now', type: 'date', label: 'decision time' },
  ],
};

/** High churn risk: a logistic model per group, fitted (in this story) on last year's campaign outcomes. */
const atRiskModels: Record<string, ModelSpec> = {
  retention: {
    type: 'logistic',
    intercept: -1.4,
    terms: [
      { input: 'customer.churnRisk', weight: 1.6 },
      { input: 'customer.tenureMonths', weight: 0.012, ifMissing: 12 },
      { input: 'customer.complaintsLast90d', weight: -0.3 },
      { input: 'customer.segment', categories: { premium: 0.3, business: 0.2, family: 0.1, youth: -0.3 } },
      {
        input: 'action.id',
        categories: { 'retention-call': 0.5, 'loyalty-discount': 0.3, 'contract-renewal-reminder': -0.4 },
      },
    ],
  },
  upsell: {
    type: 'logistic',
    intercept: -2.6,
    terms: [
      { input: 'customer.dataUsageGb', weight: 0.02 },
      { input: 'customer.churnRisk', weight: -1.2 },
      { input: 'customer.segment', categories: { family: 0.3, premium: 0.2, youth: 0.1 } },
      {
        input: 'action.id',
        categories: { 'data-add-on': 0.5, 'roaming-pack': 0.4, 'handset-upgrade': -0.2 },
      },
    ],
  },
  service: {
    type: 'logistic',
    intercept: -0.8,
    terms: [
      { input: 'customer.complaintsLast90d', weight: 0.45 },
      { input: 'customer.billChangePct', weight: 0.015, ifMissing: 0 },
      { input: 'action.id', categories: { 'complaint-callback': 0.4, 'bill-shock-follow-up': 0.1 } },
    ],
  },
};

/** Everyone else: scorecards the marketing team maintains by hand, mapped to a probability. */
const standardModels: Record<string, ModelSpec> = {
  retention: scorecard(
    0,
    [
      characteristic('customer.churnRisk', [
        { label: 'low', max: 0.3, points: 0 },
        { label: 'medium', min: 0.3, max: 0.45, points: 15 },
        { label: 'elevated', min: 0.45, points: 30 },
      ]),
      characteristic(
        'customer.contractMonthsLeft',
        [
          { label: 'ending soon', max: 3, points: 25 },
          { label: 'this year', min: 3, max: 12, points: 10 },
          { label: 'later', min: 12, points: 0 },
        ],
        5,
      ),
      pointsPerAction({ 'loyalty-discount': 10, 'retention-call': 5, 'contract-renewal-reminder': 15 }),
    ],
    { intercept: -3, slope: 0.05 },
  ),
  upsell: scorecard(
    0,
    [
      characteristic('customer.dataUsageGb', [
        { label: 'light', max: 10, points: 0 },
        { label: 'regular', min: 10, max: 30, points: 10 },
        { label: 'heavy', min: 30, points: 20 },
      ]),
      characteristic('customer.tenureMonths', [
        { label: 'new', max: 6, points: 0 },
        { label: 'settled', min: 6, points: 10 },
      ]),
      characteristic(
        'customer.segment',
        [
          { values: ['family'], points: 15 },
          { values: ['premium', 'business'], points: 10 },
        ],
        0,
        5,
      ),
      pointsPerAction({
        'fibre-upgrade': 15,
        'data-add-on': 20,
        'family-plan': 5,
        'handset-upgrade': 0,
        'roaming-pack': 25,
      }),
    ],
    { intercept: -3.2, slope: 0.05 },
  ),
  service: scorecard(
    20,
    [
      characteristic('customer.complaintsLast90d', [
        { label: 'none', max: 1, points: 0 },
        { label: 'one', min: 1, max: 2, points: 15 },
        { label: 'several', min: 2, points: 30 },
      ]),
      characteristic('customer.billChangePct', [
        { label: 'usual', max: 25, points: 0 },
        { label: 'shock', min: 25, points: 20 },
      ]),
    ],
    { intercept: -2.5, slope: 0.04 },
  ),
};

const document: StrategyDocument = {
  schemaVersion: 1,
  name: 'Telco retention and next best offer',
  description:
    'Keeps customers at risk, sells more to happy ones and follows up on service problems. High churn risk ' +
    'customers are scored with the response model of the retention campaigns, everyone else with scorecards.',
  nodes: [
    { id: 'catalog', type: 'actions', label: 'All offers', position: at(0), config: {} },
    {
      id: 'eligibility',
      type: 'filter',
      label: 'Eligibility',
      position: at(1),
      config: {
        condition: {
          all: [
            compare('customer', 'age', 'greaterThanInclusive', 18),
            // Service messages are not marketing, so they do not need consent.
            {
              any: [
                compare('customer', 'consentMarketing', 'equal', true),
                compare('action', 'group', 'equal', 'service'),
              ],
            },
          ],
        },
        byGroup: {
          retention: { all: [compare('customer', 'churnRisk', 'greaterThan', 0.3)] },
          upsell: { all: [compare('customer', 'complaintsLast90d', 'equal', 0)] },
          service: {
            any: [
              compare('customer', 'complaintsLast90d', 'greaterThan', 0),
              compare('customer', 'billChangePct', 'greaterThanInclusive', 25),
            ],
          },
        },
        byAction: {
          'loyalty-discount': { all: [compare('customer', 'tenureMonths', 'greaterThanInclusive', 12)] },
          'contract-renewal-reminder': {
            all: [compare('customer', 'contractMonthsLeft', 'lessThanInclusive', 3)],
          },
          'data-add-on': { all: [compare('customer', 'dataUsageGb', 'greaterThanInclusive', 15)] },
          'handset-upgrade': { all: [compare('customer', 'handsetAgeMonths', 'greaterThanInclusive', 24)] },
          'fibre-upgrade': { all: [compare('customer', 'hasFibreAvailable', 'equal', true)] },
          'roaming-pack': { all: [compare('customer', 'roamingDaysLast90d', 'greaterThan', 0)] },
          'family-plan': { all: [compare('customer', 'segment', 'in', ['consumer', 'family'])] },
          'bill-shock-follow-up': { all: [compare('customer', 'billChangePct', 'greaterThanInclusive', 25)] },
          'complaint-callback': {
            all: [compare('customer', 'complaintsLast90d', 'greaterThanInclusive', 1)],
          },
        },
      },
    },
    {
      id: 'churn-split',
      type: 'split',
      label: 'Churn risk',
      position: at(2),
      config: {
        mode: 'condition',
        cases: [
          {
            id: 'high-risk',
            label: 'High churn risk',
            when: { all: [compare('customer', 'churnRisk', 'greaterThanInclusive', 0.6)] },
          },
        ],
      },
    },
    {
      id: 'score-at-risk',
      type: 'score',
      label: 'Retention response model',
      position: at(3, -1),
      config: { field: 'propensity', byGroup: atRiskModels },
    },
    {
      id: 'score-standard',
      type: 'score',
      label: 'Marketing scorecards',
      position: at(3, 1),
      config: { field: 'propensity', byGroup: standardModels },
    },
    { id: 'join', type: 'merge', label: 'Join', position: at(4), config: {} },
    {
      id: 'net-value',
      type: 'score',
      label: 'Net value',
      position: at(5),
      config: { field: 'value', model: { type: 'expression', expression: 'action.value - action.cost' } },
    },
    {
      id: 'arbitrate',
      type: 'arbitrate',
      label: 'Relevance vs. value',
      position: at(6),
      config: {
        propensityWeight: 1,
        valueWeight: 0.5,
        contextWeights: [
          {
            label: 'customer is on the phone with us',
            when: {
              all: [
                compare('context', 'channel', 'equal', 'call-center'),
                compare('action', 'channel', 'equal', 'call-center'),
              ],
            },
            weight: 1.5,
          },
        ],
        // Retention is this quarter's priority; handsets are short in stock.
        levers: { byGroup: { retention: 1.2 }, byAction: { 'handset-upgrade': 0.8 } },
      },
    },
    {
      id: 'contact-policy',
      type: 'contactPolicy',
      label: 'Contact policy',
      position: at(7),
      config: {
        limits: [{ scope: 'group', max: 2, windowDays: 7, count: ['shown'] }],
        cooldowns: [{ scope: 'action', after: ['declined'], days: 30 }],
      },
    },
    {
      id: 'top-3',
      type: 'rank',
      label: 'Best 3, one per group',
      position: at(8),
      config: { by: 'priority', order: 'desc', onePerGroup: true, limit: 3 },
    },
    { id: 'output', type: 'output', label: 'Recommendations', position: at(9), config: {} },
  ],
  edges: [
    ...flow('catalog', 'eligibility', 'churn-split'),
    { source: 'churn-split', sourceHandle: 'high-risk', target: 'score-at-risk' },
    { source: 'churn-split', sourceHandle: 'default', target: 'score-standard' },
    { source: 'score-at-risk', target: 'join' },
    { source: 'score-standard', target: 'join' },
    ...flow('join', 'net-value', 'arbitrate', 'contact-policy', 'top-3', 'output'),
  ],
};

const NOW = '2026-06-15T10:00:00Z';

/** Contract ends in two months, fibre at the door, no complaints: retention and upsell both apply. */
const moderateRiskFibreProspect = {
  id: 'C-1002',
  age: 38,
  tenureMonths: 30,
  churnRisk: 0.42,
  monthlyBill: 45,
  billChangePct: 3,
  dataUsageGb: 26,
  contractMonthsLeft: 2,
  handsetAgeMonths: 14,
  roamingDaysLast90d: 0,
  segment: 'consumer',
  complaintsLast90d: 0,
  hasFibreAvailable: true,
  consentMarketing: true,
};

export const telcoRetention: ExampleStrategy = {
  id: 'telco-retention',
  title: 'Telco retention and next best offer',
  description:
    'Ten retention, upsell and service actions across call center, email, app and SMS. Eligibility rules per ' +
    'group, a churn-risk split with a logistic response model for customers at risk and scorecards for the ' +
    'rest, net value × propensity arbitration with a call-center boost, a contact policy and the best three ' +
    'actions, one per group.',
  document,
  actions,
  schema,
  sampleInputs: [
    {
      name: 'Customer at high churn risk calls the call center after a complaint',
      input: {
        customer: {
          id: 'C-1001',
          age: 44,
          tenureMonths: 62,
          churnRisk: 0.78,
          monthlyBill: 65,
          billChangePct: 5,
          dataUsageGb: 12,
          contractMonthsLeft: 1,
          handsetAgeMonths: 30,
          roamingDaysLast90d: 0,
          segment: 'consumer',
          complaintsLast90d: 1,
          hasFibreAvailable: true,
          consentMarketing: true,
        },
        context: { channel: 'call-center', now: NOW },
      },
      expectedTopAction: 'retention-call',
    },
    {
      name: 'Moderate churn risk, contract ending, fibre available at home; in the app',
      input: { customer: moderateRiskFibreProspect, context: { channel: 'app', now: NOW } },
      expectedTopAction: 'retention-call',
    },
    {
      name: 'Same customer after two upsell offers this week and a declined retention call',
      input: {
        customer: moderateRiskFibreProspect,
        context: { channel: 'app', now: NOW },
        history: [
          { actionId: 'fibre-upgrade', outcome: 'shown', at: '2026-06-10T18:00:00Z', channel: 'email' },
          { actionId: 'data-add-on', outcome: 'shown', at: '2026-06-13T08:30:00Z', channel: 'app' },
          {
            actionId: 'retention-call',
            outcome: 'declined',
            at: '2026-06-01T14:00:00Z',
            channel: 'call-center',
          },
        ],
      },
      expectedTopAction: 'contract-renewal-reminder',
    },
    {
      name: 'Bill shock, no marketing consent: service only',
      input: {
        customer: {
          id: 'C-1003',
          age: 29,
          tenureMonths: 8,
          churnRisk: 0.35,
          monthlyBill: 82,
          billChangePct: 48,
          dataUsageGb: 40,
          contractMonthsLeft: 16,
          handsetAgeMonths: 8,
          roamingDaysLast90d: 6,
          segment: 'youth',
          complaintsLast90d: 0,
          hasFibreAvailable: false,
          consentMarketing: false,
        },
        context: { channel: 'sms', now: NOW },
      },
      expectedTopAction: 'bill-shock-follow-up',
    },
    {
      name: 'Young traveller before the summer holidays',
      input: {
        customer: {
          id: 'C-1004',
          age: 23,
          tenureMonths: 20,
          churnRisk: 0.18,
          monthlyBill: 25,
          billChangePct: 0,
          dataUsageGb: 9,
          contractMonthsLeft: 10,
          handsetAgeMonths: 11,
          roamingDaysLast90d: 12,
          segment: 'youth',
          complaintsLast90d: 0,
          hasFibreAvailable: false,
          consentMarketing: true,
        },
        context: { channel: 'app', now: NOW },
      },
      expectedTopAction: 'roaming-pack',
    },
    {
      name: 'Under 18: not eligible for anything',
      input: {
        customer: {
          id: 'C-1005',
          age: 17,
          tenureMonths: 14,
          churnRisk: 0.5,
          monthlyBill: 15,
          billChangePct: 30,
          dataUsageGb: 22,
          contractMonthsLeft: 2,
          handsetAgeMonths: 26,
          roamingDaysLast90d: 0,
          segment: 'youth',
          complaintsLast90d: 1,
          hasFibreAvailable: true,
          consentMarketing: true,
        },
        context: { channel: 'app', now: NOW },
      },
      expectedTopAction: null,
    },
  ],
};
