import fc from 'fast-check';
import type { ConditionFacts } from '../conditions/types';
import { compileModel, compileStagedModel, inlineModelSchema } from './model-spec';
import type { LogisticParams } from './logistic-model';

// Generated code, the closures (codegen off) and the two stages (customer part once per decision)
// must give the very same double: a last-bit difference can reorder a ranking.
const INPUTS = ['customer.a', 'customer.b', 'customer.toString', 'context.c', 'action.value', 'fields.p'];
const CATEGORIES = ['x', 'y', '1', 'true'];
const weightArb = fc.oneof(
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.integer({ min: -5000, max: 5000 }).map((k) => k / 1000),
);
const termArb = fc.oneof(
  fc.record(
    {
      input: fc.constantFrom(...INPUTS),
      weight: weightArb,
      ifMissing: weightArb,
      missingWeight: weightArb,
    },
    { requiredKeys: ['input', 'weight'] },
  ),
  fc.record(
    {
      input: fc.constantFrom(...INPUTS),
      categories: fc.dictionary(fc.constantFrom(...CATEGORIES), weightArb),
      otherwise: weightArb,
      ifMissing: weightArb,
    },
    { requiredKeys: ['input', 'categories'] },
  ),
);
const modelArb = fc.record({
  type: fc.constant('logistic' as const),
  intercept: weightArb,
  terms: fc.array(termArb, { maxLength: 12 }),
});
const valueArb = fc.oneof(
  fc.constantFrom(...CATEGORIES, '', ' 2 ', 'nope', null, undefined, true, Number.NaN),
  fc.double({ min: -10, max: 10, noNaN: true }),
);
const objectArb = fc.oneof(
  fc.record({ a: valueArb, b: valueArb, c: valueArb, value: valueArb, p: valueArb }, { requiredKeys: [] }),
  // Inherited values are not inputs; neither are the keys Object.prototype has. Own ones of an
  // object that is not plain (another prototype, another realm) are.
  fc.record({ a: valueArb }).map((inherited) => Object.create(inherited) as Record<string, unknown>),
  fc
    .record({ a: valueArb, b: valueArb }, { requiredKeys: [] })
    .map((own) => Object.assign(Object.create({ a: 'x', c: 'y' }), own) as Record<string, unknown>),
  fc.record({ a: valueArb, c: valueArb }).map((own) => structuredClone(own)),
  fc.constantFrom(null, 'text', 3),
);
const factsArb = fc.record({
  customer: objectArb,
  context: objectArb,
  candidates: fc.array(fc.record({ action: objectArb, fields: objectArb }), { minLength: 1, maxLength: 4 }),
});

describe('logistic model, generated and staged', () => {
  it('scores every candidate bit for bit as the closures do', () => {
    fc.assert(
      fc.property(modelArb, factsArb, (model, { customer, context, candidates }) => {
        const spec = inlineModelSchema.parse(model) as LogisticParams;
        const generated = compileModel(spec);
        const closures = compileModel(spec, { codegen: false });
        const staged = [compileStagedModel(spec), compileStagedModel(spec, { codegen: false })];
        const states = staged.map((s) =>
          s?.perDecision({ customer, context, action: {}, fields: {} } as ConditionFacts),
        );
        for (const { action, fields } of candidates) {
          const facts = { customer, context, action, fields } as ConditionFacts;
          const expected = closures(facts);
          expect(Object.is(generated(facts), expected)).toBe(true);
          staged.forEach((s, i) => {
            if (s) expect(Object.is(s.perCandidate(states[i], facts), expected)).toBe(true);
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('splits only a model that reads both the candidate and the customer or context', () => {
    const model = (inputs: string[]) =>
      inlineModelSchema.parse({
        type: 'logistic',
        intercept: 0,
        terms: inputs.map((input) => ({ input, weight: 1 })),
      });
    expect(compileStagedModel(model(['customer.a', 'context.c']))).toBeUndefined();
    expect(compileStagedModel(model(['action.value', 'fields.p']))).toBeUndefined();
    expect(compileStagedModel(model(['customer.a', 'action.value']))).toBeDefined();
    expect(compileStagedModel(model(['action.value', 'customer.a']))).toBeDefined();
  });
});
