import type { ActionDefinition } from '../src/catalog/action';
import type { RootCondition } from '../src/conditions/types';
import type { StrategyDocument } from '../src/document/strategy-document';

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

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeWorkload(actionCount = 50, customerCount = 10_000, seed = 42) {
  const random = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
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
    actions.push({
      id: `action-${String(i).padStart(2, '0')}`,
      name: `Action ${i}`,
      group: `group-${i % 5}`,
      value: 10 + Math.floor(random() * 190),
    });
  }
  const customers: BenchCustomer[] = [];
  for (let i = 0; i < customerCount; i++) {
    customers.push({
      id: `c${i}`,
      age: 16 + Math.floor(random() * 60),
      income: Math.floor(random() * 8000),
      churnRisk: random(),
      segment: pick(SEGMENTS),
      tenure: Math.floor(random() * 120),
      monthlyBill: 10 + random() * 140,
    });
  }
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

/** The same eligibility as a GoRules JDM decision table (collect hit policy, one row per action). */
export function zenDecisionContent(actions: ActionDefinition[], rules: EligibilityRule[]) {
  const inputs = ['age', 'income', 'churnRisk', 'segment', 'tenure'].map((field, i) => ({
    id: `i${i}`,
    name: field,
    field,
  }));
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
          inputs,
          outputs: [{ id: 'o0', name: 'action', field: 'action' }],
          rules: actions.map((a, i) => {
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
