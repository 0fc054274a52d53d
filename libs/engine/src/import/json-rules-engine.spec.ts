import { Engine, type RuleProperties } from 'json-rules-engine';
import { compileStrategy } from '../runtime/compile-strategy';
import { validateStrategy } from '../validation/validate-strategy';
import { importJsonRulesEngineRules, RulesFileError } from './json-rules-engine';

const RULES = [
  {
    name: 'Gold card',
    priority: 2,
    conditions: {
      all: [
        { fact: 'age', operator: 'greaterThanInclusive', value: 18, customId: 'age-check' },
        { fact: 'account', path: '$.tier', operator: 'in', value: ['gold', 'platinum'] },
      ],
    },
    event: { type: 'gold-card', params: { message: 'Offer the gold card', discount: 10 } },
  },
  {
    name: 'Big spender',
    conditions: {
      any: [
        { fact: 'orders', path: '$[*].total', operator: 'someFact:greaterThan', value: 500 },
        { fact: 'address', path: "$['dot.property']", operator: 'equal', value: 'x' },
      ],
    },
    event: { type: 'Premium Upgrade' },
  },
  {
    conditions: { all: [{ fact: 'age', operator: 'lessThan', value: 30 }] },
    event: { type: 'student-plan' },
  },
  {
    name: 'Second way to the gold card',
    conditions: { not: { fact: 'account', path: '$.blocked', operator: 'equal', value: true } },
    event: { type: 'gold-card' },
  },
];

const CUSTOMERS = [
  { age: 25, account: { tier: 'gold', blocked: false }, orders: [{ total: 700 }], address: {} },
  { age: 17, account: { tier: 'silver', blocked: true }, orders: [], address: { 'dot.property': 'x' } },
  { age: 45, account: { tier: 'platinum', blocked: true }, orders: [{ total: 20 }, { total: 900 }] },
  { age: 29, account: { blocked: true }, orders: [{ total: 10 }] },
];

/**
 * The events json-rules-engine emits for these facts, as action ids, by priority: it runs the rules of
 * one priority together, so their events come in the order their conditions finish (compared as sets).
 */
async function referenceEvents(rules: unknown[], facts: Record<string, unknown>, ids: Map<string, string>) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of rules) engine.addRule(structuredClone(rule) as RuleProperties);
  const { events } = await engine.run(facts);
  const priorityOf = (type: string) =>
    Math.max(
      ...rules
        .filter((r) => (r as { event: { type: string } }).event.type === type)
        .map((r) => (r as { priority?: number }).priority ?? 1),
    );
  return byPriority(events.map((e) => ({ id: ids.get(e.type) ?? e.type, priority: priorityOf(e.type) })));
}

function byPriority(items: { id: string; priority: number }[]): string[][] {
  const sets = new Map<number, Set<string>>();
  for (const { id, priority } of items) sets.set(priority, (sets.get(priority) ?? new Set()).add(id));
  return [...sets].sort((a, b) => b[0] - a[0]).map(([, ids]) => [...ids].sort());
}

describe('importing json-rules-engine rules', () => {
  it('turns rules into actions and a valid draft strategy that recommends what json-rules-engine fires', async () => {
    const imported = importJsonRulesEngineRules(RULES, 'Imported rules');
    expect(imported.imported).toBe(4);
    expect(imported.total).toBe(4);
    expect(imported.actions).toEqual([
      { id: 'gold-card', name: 'Gold card', attributes: { message: 'Offer the gold card', discount: 10 } },
      { id: 'premium-upgrade', name: 'Big spender' },
      { id: 'student-plan', name: 'student-plan' },
    ]);
    const validation = validateStrategy(imported.document, { actions: imported.actions });
    expect(validation.problems.filter((p) => p.severity === 'error')).toEqual([]);

    const compiled = compileStrategy(imported.document, { actions: imported.actions });
    const ids = new Map([['Premium Upgrade', 'premium-upgrade']]);
    for (const customer of CUSTOMERS) {
      const mine = compiled.decide({ customer, context: { now: '2026-03-01T00:00:00Z' } });
      const ranked = mine.recommendations.map((r) => ({ id: r.actionId, priority: Math.floor(r.priority!) }));
      expect(byPriority(ranked)).toEqual(await referenceEvents(RULES, customer, ids));
      // Within a priority, the order of the rules in the file.
      const order = ['gold-card', 'premium-upgrade', 'student-plan'];
      const ones = ranked.filter((r) => r.priority === 1).map((r) => r.id);
      expect(ones).toEqual([...ones].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    }
  });

  it('keeps conditions with their metadata, reading facts as customer fields', () => {
    const { document } = importJsonRulesEngineRules({ rules: RULES }, 'Imported');
    const filter = document.nodes.find((n) => n.type === 'filter')!.config as {
      byAction: Record<string, unknown>;
    };
    expect(filter.byAction['gold-card']).toEqual({
      any: [
        {
          all: [
            {
              fact: 'customer',
              path: '$.age',
              operator: 'greaterThanInclusive',
              value: 18,
              customId: 'age-check',
            },
            { fact: 'customer', path: '$.account.tier', operator: 'in', value: ['gold', 'platinum'] },
          ],
        },
        { not: { fact: 'customer', path: '$.account.blocked', operator: 'equal', value: true } },
      ],
    });
  });

  it('reports, per rule, what could not be carried over and what changed', () => {
    const rules = [
      ...RULES,
      {
        conditions: { all: [{ fact: 'x', operator: 'equal', value: 1, params: { id: 1 } }] },
        event: { type: 'a' },
      },
      { name: 'Shared', conditions: { all: [{ condition: 'isAdult' }] }, event: { type: 'b' } },
      { conditions: { all: [{ fact: 'x', operator: 'startsWith', value: 'a' }] }, event: { type: 'c' } },
      {
        conditions: { all: [{ fact: 'items', path: '$[?(@.price > 5)]', operator: 'equal', value: 1 }] },
        event: { type: 'd' },
      },
      { conditions: { all: [] } },
      'not a rule',
    ];
    const { report, imported, total } = importJsonRulesEngineRules(rules, 'With problems');
    expect(imported).toBe(4);
    expect(total).toBe(10);
    const dropped = report.filter((n) => !n.carriedOver);
    expect(dropped.map((n) => n.rule)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(dropped).toMatchObject([
      { field: 'conditions.all[0].params', message: expect.stringContaining('dynamic facts') },
      { name: 'Shared', message: expect.stringContaining('shared condition references') },
      {
        field: 'conditions.all[0].operator',
        message: expect.stringContaining('unknown operator "startsWith"'),
      },
      {
        field: 'conditions.all[0].path',
        message: expect.stringContaining('filters ([?(...)]) are not supported'),
      },
      { field: 'event.type' },
      { message: expect.stringContaining('must be an object') },
    ]);
    const changed = report.filter((n) => n.carriedOver);
    expect(changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 1,
          message: 'event type "Premium Upgrade" became the action id "premium-upgrade"',
        }),
        expect.objectContaining({ rule: 3, message: expect.stringContaining('same event type as rule 0') }),
      ]),
    );
  });

  it.each([
    [{ rule: [] }, 'a list of rules, or an object with a "rules" list'],
    ['[]', 'a list of rules'],
    [[], 'the file has no rules'],
  ])('refuses a file that is not a rules file: %j', (file, words) => {
    expect(() => importJsonRulesEngineRules(file, 'x')).toThrow(RulesFileError);
    expect(() => importJsonRulesEngineRules(file, 'x')).toThrow(words);
  });
});
