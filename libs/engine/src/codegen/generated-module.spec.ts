import { compileStrategy } from '../runtime/compile-strategy';
import { CATALOG, linearStrategy } from '../test-support/build-strategy';
import { GeneratedModule, literal } from './generated-module';

const NOW = '2026-03-01T09:00:00Z';
const ids = (r: { recommendations: { actionId: string }[] }) => r.recommendations.map((x) => x.actionId);

/** Values that would break out of a string literal or a line if they were pasted into the source. */
const HOSTILE = [
  '"); throw new Error("injected"); ("',
  "'; throw 1; '",
  '\u2028\u2029',
  '`${1}`',
  '\\',
  '*/ //',
];

describe('generated code', () => {
  it('takes values from the document only as literals: text that looks like code is compared as text', () => {
    const document = linearStrategy([
      ['actions', {}],
      [
        'filter',
        {
          byAction: Object.fromEntries(
            CATALOG.map((a, i) => [
              a.id,
              { all: [{ fact: 'customer', path: '$.note', operator: 'in', value: [HOSTILE[i]!, 'x'] }] },
            ]),
          ),
        },
      ],
      ['output', {}],
    ]);
    const generated = compileStrategy(document, { actions: CATALOG });
    const closures = compileStrategy(document, { actions: CATALOG }, { codegen: false });
    for (const note of [...HOSTILE, 'x', 'other']) {
      const input = { customer: { note }, context: { now: NOW } };
      expect(ids(generated.decide(input))).toEqual(ids(closures.decide(input)));
    }
    expect(ids(generated.decide({ customer: { note: HOSTILE[0] }, context: { now: NOW } }))).toEqual([
      'loyalty-discount',
    ]);
  });

  it('shares a generated function only between rules that decide alike (NaN is not null)', () => {
    const rule = (value: unknown) => ({
      any: [
        { fact: 'customer', path: '$.x', operator: 'equal', value },
        { fact: 'customer', path: '$.y', operator: 'equal', value: 1 },
      ],
    });
    const [first, second, third] = CATALOG;
    const document = linearStrategy([
      ['actions', { actionIds: [first!.id, second!.id, third!.id] }],
      [
        'filter',
        { byAction: { [first!.id]: rule(null), [second!.id]: rule(NaN), [third!.id]: rule(Infinity) } },
      ],
      ['output', {}],
    ]);
    const input = { customer: { x: null }, context: { now: NOW } };
    // The per-rule layout, where identical rules share one generated function.
    const generated = compileStrategy(document, { actions: CATALOG }, { indexConditions: true });
    expect(ids(generated.decide(input))).toEqual([first!.id]);
    expect(ids(generated.decide(input))).toEqual(
      ids(compileStrategy(document, { actions: CATALOG }, { codegen: false }).decide(input)),
    );
  });

  it('writes every number exactly, including -0, NaN and the infinities', () => {
    const module = new GeneratedModule();
    const values = [0, -0, 1.5, -2.25, 1e21, 5e-324, NaN, Infinity, -Infinity, 'a"b', null, true];
    const name = module.declare('v', `[${values.map((v) => literal(v)).join(', ')}]`);
    const read = module.instantiate<unknown[]>(name)!;
    values.forEach((v, i) => expect(Object.is(read[i], v)).toBe(true));
    expect(literal({ an: 'object' })).toBeUndefined(); // kept outside the source
  });

  it('falls back to the closures where new Function is refused (a strict Content Security Policy)', () => {
    const document = linearStrategy([
      ['actions', {}],
      [
        'filter',
        {
          byAction: Object.fromEntries(
            CATALOG.map((a) => [
              a.id,
              // An "or": not a plain conjunction, so only generated code or the closures can decide it.
              {
                any: [
                  { fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 },
                  { fact: 'customer', path: '$.segment', operator: 'equal', value: 'gold' },
                ],
              },
            ]),
          ),
        },
      ],
      ['output', {}],
    ]);
    const original = globalThis.Function;
    const refused: string[][] = [];
    jest.isolateModules(() => {
      globalThis.Function = function refuse(...args: string[]) {
        refused.push(args);
        throw new EvalError(
          "Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed",
        );
      } as unknown as FunctionConstructor;
      try {
        // A fresh copy of the engine, which has not yet found out whether new Function works.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const isolated: { compileStrategy: typeof compileStrategy } = require('../runtime/compile-strategy');
        const underCsp = isolated.compileStrategy(document, { actions: CATALOG });
        expect(ids(underCsp.decide({ customer: { age: 30 }, context: { now: NOW } })).length).toBeGreaterThan(
          0,
        );
        expect(ids(underCsp.decide({ customer: { age: 17 }, context: { now: NOW } }))).toEqual([]);
      } finally {
        globalThis.Function = original;
      }
    });
    // The engine asked once (zod may probe too), then used the closures without asking again.
    expect(refused.filter((args) => args.join() === 'return true')).toHaveLength(1);
    expect(refused.filter((args) => args[0] === 'E')).toHaveLength(0);
  });
});
