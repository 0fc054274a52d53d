import type { ActionDefinition } from '../src/catalog/action';
import type { RootCondition } from '../src/conditions/types';
import type { StrategyDocument } from '../src/document/strategy-document';
import { seededRandom } from '../src/metrics/stable-hash';

/**
 * The benchmark workload, generated from a fixed seed so every engine sees the same input:
 * 50 actions, each eligible under its own 5 conditions on the customer, and synthetic customers.
 */
export interface EligibilityRule {
  minAge: number;
  minIncome: number;
  maxChurnRisk: number;
  segments: string[];
  minTenure: number;
}

export interface BenchCustomer {
  id: string;
  age: number;
  income: number;
  churnRisk: number;
  segment: string;
  tenure: number;
  monthlyBill: number;
}

export const SEGMENTS = ['bronze', 'silver', 'gold', 'platinum', 'student'];
export const COEFFICIENTS = {
  intercept: -2,
  age: 0.01,
  income: 0.00005,
  churnRisk: 1.5,
  tenure: -0.01,
  monthlyBill: 0.004,
};

const pick = <T>(xs: readonly T[], random: () => number) => xs[Math.floor(random() * xs.length)]!;

/** Action `i` of a workload: its id padded to `digits`, in one of `groups` groups. */
function benchAction(i: number, digits: number, groups: number, random: () => number): ActionDefinition {
  return {
    id: `action-${String(i).padStart(digits, '0')}`,
    name: `Action ${i}`,
    group: `group-${i % groups}`,
    value: 10 + Math.floor(random() * 190),
  };
}

function benchCustomer(i: number, random: () => number): BenchCustomer {
  return {
    id: `c${i}`,
    age: 16 + Math.floor(random() * 60),
    income: Math.floor(random() * 8000),
    churnRisk: random(),
    segment: pick(SEGMENTS, random),
    tenure: Math.floor(random() * 120),
    monthlyBill: 10 + random() * 140,
  };
}

export function makeWorkload(actionCount = 50, customerCount = 10_000, seed = 42) {
  const random = seededRandom(seed);
  const rules: EligibilityRule[] = [];
  const actions: ActionDefinition[] = [];
  for (let i = 0; i < actionCount; i++) {
    rules.push({
      minAge: 18 + Math.floor(random() * 30),
      minIncome: Math.floor(random() * 4000),
      maxChurnRisk: 0.4 + random() * 0.6,
      segments: SEGMENTS.filter(() => random() < 0.6),
      minTenure: Math.floor(random() * 24),
    });
    actions.push(benchAction(i, 2, 5, random));
  }
  const customers: BenchCustomer[] = [];
  for (let i = 0; i < customerCount; i++) customers.push(benchCustomer(i, random));
  return { rules, actions, customers };
}

/** The 5 eligibility conditions of one action in json-rules-engine's format. */
export function ruleCondition(rule: EligibilityRule): RootCondition {
  return {
    all: [
      { fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: rule.minAge },
      { fact: 'customer', path: '$.income', operator: 'greaterThan', value: rule.minIncome },
      { fact: 'customer', path: '$.churnRisk', operator: 'lessThan', value: rule.maxChurnRisk },
      { fact: 'customer', path: '$.segment', operator: 'in', value: rule.segments },
      { fact: 'customer', path: '$.tenure', operator: 'greaterThanInclusive', value: rule.minTenure },
    ],
  };
}

function strategy(actions: ActionDefinition[], rules: EligibilityRule[], full: boolean): StrategyDocument {
  const steps: [string, unknown][] = [
    ['actions', {}],
    ['filter', { byAction: Object.fromEntries(actions.map((a, i) => [a.id, ruleCondition(rules[i]!)])) }],
  ];
  if (full) {
    const c = COEFFICIENTS;
    steps.push(
      [
        'score',
        {
          model: {
            type: 'logistic',
            intercept: c.intercept,
            terms: [
              { input: 'customer.age', weight: c.age },
              { input: 'customer.income', weight: c.income },
              { input: 'customer.churnRisk', weight: c.churnRisk },
              { input: 'customer.tenure', weight: c.tenure },
              { input: 'customer.monthlyBill', weight: c.monthlyBill },
              { input: 'customer.segment', categories: { gold: 0.3, platinum: 0.5, student: -0.2 } },
            ],
          },
        },
      ],
      ['arbitrate', { propensityWeight: 1, valueWeight: 0.5 }],
      ['rank', { limit: 3 }],
    );
  }
  steps.push(['output', {}]);
  return {
    schemaVersion: 1,
    name: full ? 'bench: eligibility + score + arbitrate + top 3' : 'bench: eligibility only',
    nodes: steps.map(([type, config], i) => ({ id: `n${i}`, type, config })),
    edges: steps.slice(1).map((_, i) => ({ source: `n${i}`, target: `n${i + 1}` })),
  };
}

export const fullStrategy = (actions: ActionDefinition[], rules: EligibilityRule[]) =>
  strategy(actions, rules, true);
export const eligibilityStrategy = (actions: ActionDefinition[], rules: EligibilityRule[]) =>
  strategy(actions, rules, false);

/** The practical ceiling: the same rules and pipeline written by hand as plain closures. */
export function handWritten(actions: ActionDefinition[], rules: EligibilityRule[]) {
  const table = actions.map((action, i) => ({
    action,
    rule: rules[i]!,
    segments: new Set(rules[i]!.segments),
  }));
  const eligible = (c: BenchCustomer) =>
    table.filter(
      ({ rule, segments }) =>
        c.age >= rule.minAge &&
        c.income > rule.minIncome &&
        c.churnRisk < rule.maxChurnRisk &&
        segments.has(c.segment) &&
        c.tenure >= rule.minTenure,
    );
  const k = COEFFICIENTS;
  const segmentWeight: Record<string, number> = { gold: 0.3, platinum: 0.5, student: -0.2 };
  const decide = (c: BenchCustomer) => {
    const z =
      k.intercept +
      k.age * c.age +
      k.income * c.income +
      k.churnRisk * c.churnRisk +
      k.tenure * c.tenure +
      k.monthlyBill * c.monthlyBill +
      (segmentWeight[c.segment] ?? 0);
    const p = 1 / (1 + Math.exp(-z));
    return eligible(c)
      .map(({ action }) => ({ id: action.id, priority: p * Math.sqrt(action.value ?? 1) }))
      .sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1))
      .slice(0, 3);
  };
  return { eligible, decide };
}

/**
 * A GoRules JDM decision: request → one decision table (collect hit policy: every matching row's
 * `action`) → response. `fields` are the table's inputs (i0, i1, ...); each row holds its cells by
 * input id and the action as o0.
 */
function zenEligibilityTable(fields: readonly string[], rows: Record<string, string>[]) {
  return {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'eligibility',
        type: 'decisionTableNode',
        name: 'Eligibility',
        position: { x: 300, y: 0 },
        content: {
          hitPolicy: 'collect',
          inputs: fields.map((field, i) => ({ id: `i${i}`, name: field, field })),
          outputs: [{ id: 'o0', name: 'action', field: 'action' }],
          rules: rows,
        },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'eligibility', type: 'edge' },
      { id: 'e2', sourceId: 'eligibility', targetId: 'response', type: 'edge' },
    ],
  };
}

/** The same eligibility as a GoRules JDM decision table (one row per action). */
export function zenDecisionContent(actions: ActionDefinition[], rules: EligibilityRule[]) {
  return zenEligibilityTable(
    ['age', 'income', 'churnRisk', 'segment', 'tenure'],
    actions.map((a, i) => {
      const r = rules[i]!;
      return {
        _id: `r${i}`,
        i0: `>= ${r.minAge}`,
        i1: `> ${r.minIncome}`,
        i2: `< ${r.maxChurnRisk}`,
        i3: r.segments.length ? r.segments.map((s) => JSON.stringify(s)).join(', ') : 'false',
        i4: `>= ${r.minTenure}`,
        o0: JSON.stringify(a.id),
      };
    }),
  );
}

/** The scale case: many actions, each eligible under 5–10 of these conditions on the customer. */
export interface ScaleCustomer extends BenchCustomer {
  region: string;
  device: string;
  children: number;
  score: number;
}

export const REGIONS = ['north', 'south', 'east', 'west', 'centre'];
export const DEVICES = ['ios', 'android', 'web', 'tv'];

type ScaleField = { field: keyof ScaleCustomer; make: (random: () => number) => [string, unknown] };

const SCALE_CONDITIONS: ScaleField[] = [
  { field: 'age', make: (r) => ['greaterThanInclusive', 18 + Math.floor(r() * 40)] },
  { field: 'income', make: (r) => ['greaterThan', Math.floor(r() * 6000)] },
  { field: 'churnRisk', make: (r) => ['lessThan', Math.round((0.3 + r() * 0.7) * 100) / 100] },
  { field: 'segment', make: (r) => ['in', SEGMENTS.filter(() => r() < 0.6)] },
  { field: 'tenure', make: (r) => ['greaterThanInclusive', Math.floor(r() * 36)] },
  { field: 'monthlyBill', make: (r) => ['lessThanInclusive', 40 + Math.floor(r() * 110)] },
  { field: 'region', make: (r) => ['in', REGIONS.filter(() => r() < 0.7)] },
  { field: 'device', make: (r) => ['equal', DEVICES[Math.floor(r() * DEVICES.length)]] },
  { field: 'children', make: (r) => ['lessThanInclusive', Math.floor(r() * 4)] },
  { field: 'score', make: (r) => ['greaterThanInclusive', 300 + Math.floor(r() * 400)] },
];

export type ScaleRule = { field: string; operator: string; value: unknown }[];

/** `actionCount` actions with 5–10 conditions each and `customerCount` customers, from a fixed seed. */
export function makeScaleWorkload(actionCount = 10_000, customerCount = 2_000, seed = 7) {
  const random = seededRandom(seed);
  const rules: ScaleRule[] = [];
  const actions: ActionDefinition[] = [];
  for (let i = 0; i < actionCount; i++) {
    const count = 5 + Math.floor(random() * 6);
    const fields = [...SCALE_CONDITIONS].sort(() => random() - 0.5).slice(0, count);
    rules.push(
      fields.map((f) => {
        const [operator, value] = f.make(random);
        return { field: f.field, operator, value };
      }),
    );
    actions.push(benchAction(i, 5, 50, random));
  }
  const customers: ScaleCustomer[] = [];
  for (let i = 0; i < customerCount; i++) {
    customers.push({
      ...benchCustomer(i, random),
      region: pick(REGIONS, random),
      device: pick(DEVICES, random),
      children: Math.floor(random() * 5),
      score: 300 + Math.floor(random() * 550),
    });
  }
  return { rules, actions, customers };
}

export function scaleCondition(rule: ScaleRule): RootCondition {
  return {
    all: rule.map((c) => ({ fact: 'customer', path: `$.${c.field}`, operator: c.operator, value: c.value })),
  };
}

/** Eligibility by action, then the same logistic score, arbitration and top 3 as the peer bench. */
export function scaleStrategy(actions: ActionDefinition[], rules: ScaleRule[]): StrategyDocument {
  const doc = fullStrategy([], []);
  const filter = doc.nodes.find((n) => n.type === 'filter')!;
  filter.config = { byAction: Object.fromEntries(actions.map((a, i) => [a.id, scaleCondition(rules[i]!)])) };
  return { ...doc, name: `bench: ${actions.length} actions × 5–10 conditions` };
}

/** The scale rules as a zen-engine decision table (one row per action). */
export function zenScaleContent(actions: ActionDefinition[], rules: ScaleRule[]) {
  const fields = SCALE_CONDITIONS.map((c) => c.field as string);
  const cell = (operator: string, value: unknown): string => {
    switch (operator) {
      case 'greaterThanInclusive':
        return `>= ${value}`;
      case 'greaterThan':
        return `> ${value}`;
      case 'lessThan':
        return `< ${value}`;
      case 'lessThanInclusive':
        return `<= ${value}`;
      case 'equal':
        return JSON.stringify(value);
      default: {
        const list = value as string[];
        return list.length ? list.map((s) => JSON.stringify(s)).join(', ') : 'false';
      }
    }
  };
  return zenEligibilityTable(
    fields,
    actions.map((a, r) => {
      const row: Record<string, string> = { _id: `r${r}`, o0: JSON.stringify(a.id) };
      fields.forEach((field, i) => {
        const c = rules[r]!.find((x) => x.field === field);
        row[`i${i}`] = c ? cell(c.operator, c.value) : '';
      });
      return row;
    }),
  );
}
