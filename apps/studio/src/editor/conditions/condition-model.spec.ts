import fc from 'fast-check';
import type { Condition, RootCondition } from '@arbiter/engine';
import {
  countRules,
  fieldPaths,
  fromCondition,
  fromRootCondition,
  toCondition,
  toRootCondition,
  updateTree,
  type RuleGroup,
} from './condition-model';

const telcoEligibility: RootCondition = {
  all: [
    { fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 },
    {
      any: [
        { fact: 'customer', path: '$.consentMarketing', operator: 'equal', value: true },
        { not: { fact: 'action', path: '$.group', operator: 'equal', value: 'service' } },
      ],
    },
  ],
};

describe('condition builder model', () => {
  it('shows simple comparisons as rows and keeps the structure', () => {
    const group = fromRootCondition(telcoEligibility);
    expect(group.combinator).toBe('all');
    expect(group.children[0]).toMatchObject({
      kind: 'rule',
      fact: 'customer',
      field: 'age',
      operator: 'greaterThanInclusive',
      value: 18,
    });
    expect(group.children[1]).toMatchObject({ kind: 'group', combinator: 'any' });
    expect(countRules(group)).toBe(3);
    expect(toRootCondition(group)).toEqual(telcoEligibility);
  });

  it('keeps what it cannot show as raw conditions, untouched', () => {
    const odd: Condition[] = [
      { fact: 'customer', path: '$.address.city', operator: 'equal', value: 'Berlin' },
      { fact: 'customer', path: '$.age', operator: 'someFact:greaterThan', value: 3 },
      {
        fact: 'fields',
        path: '$.propensity',
        operator: 'greaterThan',
        value: { fact: 'customer', path: '$.threshold' },
      },
      { fact: 'customer', path: '$.age', operator: 'equal', value: 3, name: 'adult', priority: 2 },
    ];
    for (const c of odd.slice(0, 3)) expect(fromCondition(c).kind).toBe('raw');
    expect(fromCondition(odd[3]!)).toMatchObject({ kind: 'rule', extra: { name: 'adult', priority: 2 } });
    const root: RootCondition = { any: odd };
    expect(toRootCondition(fromRootCondition(root))).toEqual(root);
  });

  it('round-trips a root "not"', () => {
    const root: RootCondition = {
      not: { all: [{ fact: 'customer', path: '$.age', operator: 'lessThan', value: 18 }] },
    };
    const group = fromRootCondition(root);
    expect(group.children[0]!.kind).toBe('not');
    expect(toRootCondition(group)).toEqual(root);
    expect(fieldPaths(group, 'config.condition').get(group.children[0]!.id)).toBe('config.condition');
  });

  it('round-trips any generated condition', () => {
    const comparison = fc.record(
      {
        fact: fc.constantFrom('customer', 'context', 'action', 'fields', 'other'),
        path: fc.constantFrom('$.age', '$.a.b', '$.segment', undefined),
        operator: fc.constantFrom('equal', 'in', 'greaterThan', 'not:equal', 'bogus'),
        value: fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 })),
      },
      { requiredKeys: ['fact', 'operator', 'value'] },
    );
    const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
      condition: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        comparison,
        fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
        fc.record({ any: fc.array(tie('condition'), { maxLength: 3 }) }),
        fc.record({ not: tie('condition') }),
      ),
    }));
    fc.assert(
      fc.property(condition, (c) => {
        expect(toCondition(fromCondition(c))).toEqual(c);
      }),
    );
  });

  it('edits the tree by id and maps rows to validation field paths', () => {
    const group = fromRootCondition(telcoEligibility);
    const inner = group.children[1] as RuleGroup;
    const paths = fieldPaths(group, 'config.condition');
    expect(paths.get(inner.children[1]!.id)).toBe('config.condition.all[1].any[1]');
    const removed = updateTree(group, inner.children[0]!.id, () => undefined);
    expect(countRules(removed)).toBe(2);
    expect(countRules(group)).toBe(3);
    const changed = updateTree(group, group.children[0]!.id, (n) =>
      n.kind === 'rule' ? { ...n, value: 21 } : n,
    );
    expect(toRootCondition(changed)).toMatchObject({ all: [{ value: 21 }, {}] });
  });
});
