/**
 * Differential test of the generated code: for random strategies (a filter with a common rule, rules
 * per group and per action) and random customers, the filter as one generated function, the
 * predicate index with generated functions per rule, and the closures (the reference) recommend
 * exactly the same actions, and those are the
 * actions whose every rule json-rules-engine passes. Each rule is also evaluated on its own: the
 * generated function and the closure give the same verdict or both throw, exactly where
 * json-rules-engine's run fails.
 */
import fc from 'fast-check';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { toActionFact, type ActionDefinition } from '../catalog/action';
import { checkCondition } from '../conditions/check-condition';
import { compileCondition } from '../conditions/compile-condition';
import { PathSlots } from '../conditions/path-slots';
import { FACT_NAMES, type ConditionFacts, type RootCondition } from '../conditions/types';
import type { StrategyDocument } from '../document/strategy-document';
import { compileStrategy, type CompiledStrategy } from '../runtime/compile-strategy';
import { JSON_RULES_ENGINE_OPERATORS } from '../test-support/json-rules-engine-operators';
import type { ProblemCode } from '../validation/problem';
import { ConditionGenerator } from './generate-condition';
import { GeneratedModule } from './generated-module';

type Outcome = boolean | 'error';

const GROUPS = ['retention', 'upsell'] as const;
const ACTIONS: ActionDefinition[] = Array.from({ length: 6 }, (_, i) => ({
  id: `a${i}`,
  name: `Action ${i}`,
  group: i < 5 ? GROUPS[i % 2] : undefined,
  value: [40, 120, 25, 200, 10, 0][i],
  tags: i % 3 === 0 ? ['fibre', 'vip'] : undefined,
}));
const NOW = '2026-11-01T12:00:00Z';
// Tolerated so that comparisons json-rules-engine accepts but our checks flag (a text compared with a
// number, a value outside a declared list) are decided too.
const TOLERATE: ProblemCode[] = ['type_mismatch', 'unknown_value', 'unknown_field'];

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const number = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 10, max: 70 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 18, 21, 0.5, -1) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY) },
);
const text = fc.constantFrom('gold', 'silver', 'bronze', 'vip', '18', ' 21', '3abc', '', 'fibre');
const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: number },
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const list = fc.array(scalar, { maxLength: 4 });
const longList = fc.array(fc.oneof(number, text), { minLength: 9, maxLength: 12 });

const customer = fc.record(
  {
    age: fc.oneof(number, text, fc.constant(null)),
    income: number,
    segment: fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: number }),
    tags: fc.oneof({ weight: 3, arbitrary: list }, { weight: 1, arbitrary: scalar }),
    flag: fc.boolean(),
    nested: fc.record({ age: number, segment: text }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const context = fc.record({ now: fc.constant(NOW), channel: fc.constantFrom('app', 'web', 'call') });

const PATHS: Record<string, string[]> = {
  customer: ['$.age', '$.income', '$.segment', '$.tags', '$.flag', '$.missing', '$.nested.age', '$.tags[0]'],
  context: ['$.channel', '$.now'],
  action: ['$.value', '$.group', '$.tags', '$.id'],
};
const factPath = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(...PATHS['customer']!).map((path) => ({ fact: 'customer', path })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...PATHS['context']!).map((path) => ({ fact: 'context', path })) },
  { weight: 3, arbitrary: fc.constantFrom(...PATHS['action']!).map((path) => ({ fact: 'action', path })) },
);

const operator = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...JSON_RULES_ENGINE_OPERATORS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('not', 'someFact', 'everyFact', 'swap', 'someValue'),
        fc.constantFrom(...JSON_RULES_ENGINE_OPERATORS),
      )
      .map(([d, b]) => `${d}:${b}`),
  },
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 4, arbitrary: fc.array(scalar, { minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: longList },
  // A reference to another fact: `in` then throws where that fact is a number (json-rules-engine too).
  { weight: 2, arbitrary: factPath },
);
/** `in` looks in a list (or a fact's value, which may not be one): a scalar there is refused by validation. */
const listValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: longList },
  { weight: 2, arbitrary: factPath },
);
const comparison = fc
  .tuple(factPath, operator, fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }))
  .chain(([fp, op, priority]) =>
    (/(^|:)(in|notIn)$/.test(op) ? listValue : value).map((v) => ({
      ...fp,
      operator: op,
      value: v,
      ...(priority ? { priority } : {}),
    })),
  );

function conditionArb(depth: number): fc.Arbitrary<unknown> {
  if (depth === 0) return comparison;
  const child = conditionArb(depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: comparison },
    { weight: 2, arbitrary: fc.array(child, { maxLength: 4 }).map((all) => ({ all })) },
    { weight: 2, arbitrary: fc.array(child, { maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: child.map((not) => ({ not })) },
  );
}
const rule: fc.Arbitrary<RootCondition> = fc.oneof(
  // Plain conjunctions of customer comparisons: what the predicate index takes.
  {
    weight: 3,
    arbitrary: fc.array(comparison, { minLength: 1, maxLength: 5 }).map((all) => ({ all })),
  },
  {
    weight: 2,
    arbitrary: fc.array(conditionArb(2), { maxLength: 4 }).map((all) => ({ all }) as RootCondition),
  },
  {
    weight: 1,
    arbitrary: fc.array(conditionArb(2), { maxLength: 3 }).map((any) => ({ any }) as RootCondition),
  },
  { weight: 1, arbitrary: conditionArb(1).map((not) => ({ not }) as RootCondition) },
);

const filterConfig = fc
  .record(
    {
      condition: rule,
      byGroup: fc.dictionary(fc.constantFrom(...GROUPS), rule, { maxKeys: 2 }),
      byAction: fc.dictionary(fc.constantFrom(...ACTIONS.map((a) => a.id)), rule, { maxKeys: 6 }),
    },
    { requiredKeys: ['byAction'] },
  )
  .map((config) =>
    config.condition || Object.keys(config.byAction).length ? config : { ...config, condition: { all: [] } },
  );

// ---------------------------------------------------------------------------------------------
// The three implementations and the reference
// ---------------------------------------------------------------------------------------------

const strategyOf = (filter: unknown): StrategyDocument => ({
  schemaVersion: 1,
  nodes: [
    { id: 'all', type: 'actions', config: {} },
    { id: 'eligible', type: 'filter', config: filter },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'all', target: 'eligible' },
    { source: 'eligible', target: 'out' },
  ],
});

function compileAll(document: StrategyDocument): CompiledStrategy[] | undefined {
  const env = { actions: ACTIONS };
  try {
    return [
      compileStrategy(document, env, { tolerate: TOLERATE, codegen: false }),
      // One generated function for the whole filter (what small catalogs get).
      compileStrategy(document, env, { tolerate: TOLERATE, indexConditions: false }),
      // The predicate index and one generated function per other rule (what big catalogs get).
      compileStrategy(document, env, { tolerate: TOLERATE, indexConditions: true }),
    ];
  } catch (error) {
    // Refused by validation: each implementation refuses alike.
    expect(() => compileStrategy(document, env, { tolerate: TOLERATE })).toThrow((error as Error).message);
    return undefined;
  }
}

/** One json-rules-engine per rule, run for every customer (it keeps no state between runs). */
function referenceEngine(condition: unknown): Engine {
  const engine = new Engine();
  engine.addRule({ conditions: structuredClone(condition) as TopLevelCondition, event: { type: 'hit' } });
  return engine;
}

async function reference(engine: Engine, facts: ConditionFacts): Promise<Outcome> {
  try {
    const { events } = await engine.run({ ...facts });
    return events.length > 0;
  } catch {
    return 'error';
  }
}

function outcome(test: (f: ConditionFacts) => boolean, facts: ConditionFacts): Outcome {
  try {
    return test(facts);
  } catch {
    return 'error';
  }
}

/** The rules of each action in the order the filter applies them (common, group, action). */
function rulesOf(config: {
  condition?: unknown;
  byGroup?: Record<string, unknown>;
  byAction?: Record<string, unknown>;
}) {
  return ACTIONS.map((a) =>
    [
      config.condition,
      a.group !== undefined ? config.byGroup?.[a.group] : undefined,
      config.byAction?.[a.id],
    ].filter((r) => r !== undefined),
  );
}

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

const STRATEGIES = 1_300;
const CUSTOMERS_PER_STRATEGY = 8;

describe('generated code: differential against the closures and json-rules-engine', () => {
  it(`recommends alike for ${STRATEGIES * CUSTOMERS_PER_STRATEGY} strategy × customer cases (≥ 10,000 decided), throwing rules included`, async () => {
    const counts = { cases: 0, refused: 0, recommended: 0, empty: 0, ruleErrors: 0, rules: 0 };
    const scope = { facts: FACT_NAMES, actionFields: new Set(['id', 'name', 'group', 'value', 'tags']) };
    await fc.assert(
      fc.asyncProperty(
        filterConfig,
        fc.array(fc.tuple(customer, context), {
          minLength: CUSTOMERS_PER_STRATEGY,
          maxLength: CUSTOMERS_PER_STRATEGY,
        }),
        async (config, inputs) => {
          counts.cases += inputs.length;
          const compiled = compileAll(strategyOf(config));
          if (!compiled) {
            counts.refused += inputs.length;
            return;
          }
          const rules = rulesOf(config);
          // Each distinct rule, generated on its own, next to its closure.
          const slots = new PathSlots();
          const module = new GeneratedModule();
          const generator = new ConditionGenerator(module, slots);
          const distinct = [...new Set(rules.flat())].filter((r) =>
            checkCondition(r, scope, { field: 'condition' }).every((p) => p.severity !== 'error'),
          );
          const names = distinct.map((r) => generator.test(r as RootCondition));
          const generated = module.instantiate<((f: ConditionFacts) => boolean)[]>(`[${names.join(', ')}]`)!;
          const closures = distinct.map((r) => compileCondition(r as RootCondition, {}, slots));

          const engines = new Map(rules.flat().map((r) => [r, referenceEngine(r)]));
          for (const [c, ctx] of inputs) {
            const results = compiled.map((s) =>
              s.decide({ customer: c, context: ctx }).recommendations.map((r) => r.actionId),
            );
            expect(results[1]).toEqual(results[0]);
            expect(results[2]).toEqual(results[0]);

            const expected: string[] = [];
            for (let i = 0; i < ACTIONS.length; i++) {
              const facts = {
                customer: c,
                context: ctx,
                action: { ...toActionFact(ACTIONS[i]!) },
                fields: {},
              };
              const withSlots = { ...facts, slots: slots.resolve(facts) };
              let eligible = true;
              for (const r of rules[i]!) {
                const ref = await reference(engines.get(r)!, facts);
                const k = distinct.indexOf(r);
                if (k >= 0) {
                  counts.rules++;
                  const mine = outcome(generated[k]!, withSlots);
                  expect(mine).toBe(outcome(closures[k]!.test, withSlots));
                  expect(mine).toBe(ref);
                  if (mine === 'error') counts.ruleErrors++;
                }
                if (ref !== true) eligible = false;
              }
              if (eligible) expected.push(ACTIONS[i]!.id);
            }
            expect(results[0]).toEqual(expected);
            if (expected.length) counts.recommended++;
            else counts.empty++;
          }
        },
      ),
      { numRuns: STRATEGIES },
    );
    const decided = counts.cases - counts.refused;
    expect(counts.cases).toBe(STRATEGIES * CUSTOMERS_PER_STRATEGY);
    // Most strategies are valid, and the run saw recommendations, empty lists and throwing rules.
    expect(decided).toBeGreaterThanOrEqual(10_000);
    expect(counts.recommended).toBeGreaterThan(decided * 0.1);
    expect(counts.empty).toBeGreaterThan(decided * 0.1);
    expect(counts.ruleErrors).toBeGreaterThan(50);
    if (process.env['ARBITER_PRINT_DISTRIBUTION']) process.stdout.write(`${JSON.stringify(counts)}\n`);
  }, 300_000); // about 45 s alone; a generous limit for loaded CI machines
});
