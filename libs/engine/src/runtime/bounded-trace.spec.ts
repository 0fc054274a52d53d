import { performance } from 'node:perf_hooks';
import type { ActionDefinition } from '../catalog/action';
import type { ComparisonCondition } from '../conditions/types';
import { CATALOG, linearStrategy } from '../test-support/build-strategy';
import { DEFAULT_TRACE_LIMIT, FULL_TRACE_CANDIDATES, REASONS_COUNTED, TRACE_REASONS } from './bounded-trace';
import { compileStrategy } from './compile-strategy';
import type { DecisionInput, NodeTrace } from './types';

/** A seeded catalog of `count` actions, each eligible under its own 5–10 conditions on the customer. */
function largeCatalog(count: number) {
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const actions: ActionDefinition[] = [];
  const byAction: Record<string, { all: ComparisonCondition[] }> = {};
  for (let i = 0; i < count; i++) {
    const id = `action-${i}`;
    actions.push({ id, name: `Action ${i}`, group: `group-${i % 40}`, value: 10 + (i % 190) });
    const all: ComparisonCondition[] = [
      {
        fact: 'customer',
        path: '$.age',
        operator: 'greaterThanInclusive',
        value: 18 + Math.floor(random() * 30),
      },
      { fact: 'customer', path: '$.income', operator: 'greaterThan', value: Math.floor(random() * 4000) },
      { fact: 'customer', path: '$.churnRisk', operator: 'lessThan', value: 0.4 + random() * 0.6 },
      {
        fact: 'customer',
        path: '$.segment',
        operator: 'in',
        value: ['gold', 'silver', 'bronze'].slice(0, 1 + (i % 3)),
      },
      {
        fact: 'customer',
        path: '$.tenure',
        operator: 'greaterThanInclusive',
        value: Math.floor(random() * 24),
      },
    ];
    const extra = Math.floor(random() * 6);
    for (let k = 0; k < extra; k++) {
      all.push({
        fact: 'customer',
        path: '$.bill',
        operator: 'lessThan',
        value: 50 + Math.floor(random() * 150),
      });
    }
    byAction[id] = { all };
  }
  const strategy = linearStrategy([
    ['actions', {}],
    ['filter', { byAction }],
    [
      'score',
      {
        model: {
          type: 'logistic',
          intercept: -2,
          terms: [
            { input: 'customer.age', weight: 0.01 },
            { input: 'customer.churnRisk', weight: 1.5 },
          ],
        },
      },
    ],
    ['arbitrate', { propensityWeight: 1, valueWeight: 0.5 }],
    ['rank', { limit: 3 }],
    ['output', {}],
  ]);
  return { actions, strategy };
}

const CUSTOMER: DecisionInput = {
  customer: { age: 40, income: 3000, churnRisk: 0.3, segment: 'gold', tenure: 30, bill: 120 },
  context: { now: '2026-03-01T10:00:00Z' },
};

describe('bounded traces over a large catalog', () => {
  const { actions, strategy } = largeCatalog(10_000);
  const compiled = compileStrategy(strategy, { actions });

  it('a traced decision over 10,000 actions summarises each large node and stays under 100 KB', () => {
    const { trace, recommendations } = compiled.decide(CUSTOMER, { trace: true });
    const size = Buffer.byteLength(JSON.stringify(trace));
    if (process.env['ARBITER_PRINT_TRACE_FIGURES']) {
      // A measurement, printed on request and never asserted: the median of 30 warm runs.
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const started = performance.now();
        compiled.decide(CUSTOMER, { trace: true });
        times.push(performance.now() - started);
      }
      const warm = times.slice(10).sort((a, b) => a - b);
      const untraced = performance.now();
      for (let i = 0; i < 30; i++) compiled.decide(CUSTOMER);
      process.stdout.write(
        `traced decide over 10,000 actions: median ${warm[15]!.toFixed(1)} ms, p90 ${warm[27]!.toFixed(1)} ms ` +
          `(untraced ${((performance.now() - untraced) / 30).toFixed(1)} ms), trace ${(size / 1024).toFixed(1)} KB\n`,
      );
    }
    expect(size).toBeLessThanOrEqual(100 * 1024);
    const filter = trace!.nodes.find((n) => n.type === 'filter')!;
    expect(filter.in).toBe(10_000);
    expect(filter.summary).toBeDefined();
    const droppedCount = filter.in - filter.out;
    // Every drop is counted once: by its reason (listed or among the others) and by name or not.
    const byReason =
      filter.summary!.reasons.reduce((n, r) => n + r.count, 0) + (filter.summary!.otherReasons?.count ?? 0);
    expect(byReason).toBe(filter.summary!.reasonsCounted);
    expect(filter.summary!.reasonsCounted).toBeLessThanOrEqual(REASONS_COUNTED);
    expect(filter.summary!.reasonsCounted).toBeGreaterThan(REASONS_COUNTED / 2);
    expect(filter.summary!.reasons[0]!.reason).toMatch(/^action rule fails on \w+/);
    expect(filter.summary!.reasons.length).toBeLessThanOrEqual(TRACE_REASONS);
    expect(filter.dropped).toHaveLength(DEFAULT_TRACE_LIMIT);
    expect(filter.dropped!.length + filter.summary!.droppedNotListed).toBe(droppedCount);
    expect(filter.dropped![0]!.reason).toMatch(/is not|is missing/); // in words about this customer
    // Each listed drop also says which counted reason it is one of.
    expect(filter.dropped![0]!.category).toMatch(/^action rule fails on \w+/);
    const rank = trace!.nodes.find((n) => n.type === 'rank')!;
    expect(rank.summary!.reasons).toEqual([
      { reason: 'below the top 3 by priority', count: expect.any(Number) },
    ]);
    expect(new Set(rank.dropped!.map((d) => d.category))).toEqual(new Set(['below the top 3 by priority']));
    // The full story of each recommendation: kept, with its fields, at every summarised node.
    expect(recommendations).toHaveLength(3);
    for (const node of trace!.nodes.filter((n) => n.summary && n.out > 0)) {
      const keptIds = node.kept!.map((k) => k.actionId);
      for (const r of recommendations) expect(keptIds).toContain(r.actionId);
    }
    const arbitrate = trace!.nodes.find((n) => n.type === 'arbitrate')!;
    expect(arbitrate.kept!.find((k) => k.actionId === recommendations[0]!.actionId)!.details).toBeDefined();
  });

  it('tells the full story of an action asked about, dropped or kept', () => {
    const plain = compiled.decide(CUSTOMER, { trace: true });
    const filter = plain.trace!.nodes.find((n) => n.type === 'filter')!;
    const listed = new Set(filter.dropped!.map((d) => d.actionId));
    const kept = new Set(
      compiled.decide(CUSTOMER, { trace: 'funnel' }).trace!.nodes[1]!.candidatesOut!.map((c) => c.action.id),
    );
    const droppedLate = actions
      .map((a) => a.id)
      .reverse()
      .find((id) => !listed.has(id) && !kept.has(id))!;
    const keptButNotTop = [...kept].find((id) => !plain.recommendations.some((r) => r.actionId === id))!;

    const asked = compiled.decide(CUSTOMER, { trace: true, traceActions: [droppedLate, keptButNotTop] });
    const askedFilter = asked.trace!.nodes.find((n) => n.type === 'filter')!;
    expect(askedFilter.dropped!.find((d) => d.actionId === droppedLate)!.reason).toMatch(/is not|is missing/);
    expect(askedFilter.kept!.map((k) => k.actionId)).toContain(keptButNotTop);
    const score = asked.trace!.nodes.find((n) => n.type === 'score')!;
    expect(score.kept!.find((k) => k.actionId === keptButNotTop)!.fields.propensity).toBeGreaterThan(0);
  });

  it('lists as many dropped actions by name as asked', () => {
    const { trace } = compiled.decide(CUSTOMER, { trace: true, traceLimit: 5 });
    const filter = trace!.nodes.find((n) => n.type === 'filter')!;
    expect(filter.dropped).toHaveLength(5);
    expect(filter.kept!.length).toBeLessThanOrEqual(5);
  });
});

describe('full traces of small strategies', () => {
  it('lists every candidate of a node with at most 100 candidates, as before', () => {
    const strategy = linearStrategy([
      ['actions', {}],
      [
        'filter',
        { condition: { all: [{ fact: 'action', path: '$.group', operator: 'equal', value: 'retention' }] } },
      ],
      ['output', {}],
    ]);
    const { trace } = compileStrategy(strategy, { actions: CATALOG }).decide(
      { customer: {}, context: { now: '2026-03-01T10:00:00Z' } },
      { trace: true, traceLimit: 0 },
    );
    const filter = trace!.nodes.find((n) => n.type === 'filter') as NodeTrace;
    expect(CATALOG.length).toBeLessThanOrEqual(FULL_TRACE_CANDIDATES);
    expect(filter.summary).toBeUndefined();
    expect(filter.dropped!.length + filter.kept!.length).toBe(filter.in);
  });
});
