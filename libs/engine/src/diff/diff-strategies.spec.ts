import type { Labels } from '../conditions/describe-condition';
import type { StrategyDocument } from '../document/strategy-document';
import { linearStrategy } from '../test-support/build-strategy';
import { all, cmp, graph } from '../test-support/engine.test-helpers';
import { canonicalJson } from '../document/canonical-json';
import { NODE_TYPES, nodeSpec } from '../nodes/registry';
import { diffStrategies } from './diff-strategies';

const BASE: [string, unknown][] = [
  ['actions', {}],
  ['filter', { condition: all(cmp('customer', 'age', 'greaterThanInclusive', 18)) }],
  ['arbitrate', { propensityWeight: 1, valueWeight: 1, levers: { byGroup: { retention: 1.5 } } }],
  ['rank', { limit: 3 }],
  ['output', {}],
];
const base = () => linearStrategy(BASE);
const edit = (change: (doc: StrategyDocument) => void) => {
  const doc = base();
  change(doc);
  return doc;
};
const node = (doc: StrategyDocument, id: string) => doc.nodes.find((n) => n.id === id)!;
/** The base strategy with its filter (n2) configured so. */
const withFilter = (config: object) =>
  edit((doc) => {
    node(doc, 'n2').config = config;
  });
/** What changed in the first changed node, field by field. */
const fieldChanges = (before: StrategyDocument, after: StrategyDocument, labels?: Labels) =>
  diffStrategies(before, after, labels).nodes.changed[0]!.changes;

describe('diffStrategies', () => {
  it('finds nothing between two copies of a version', () => {
    expect(diffStrategies(base(), structuredClone(base()))).toEqual({
      unchanged: true,
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [] },
    });
  });

  it('lists an added node with what it does, and the edges that now lead through it', () => {
    const after = edit((doc) => {
      doc.nodes.push({ id: 'policy', type: 'contactPolicy', config: { cooldowns: [{ days: 30 }] } });
      doc.edges = doc.edges.filter((e) => e.source !== 'n4');
      doc.edges.push({ source: 'n4', target: 'policy' }, { source: 'policy', target: 'n5' });
    });
    const diff = diffStrategies(base(), after);
    expect(diff.unchanged).toBe(false);
    expect(diff.nodes.added).toEqual([
      { id: 'policy', type: 'contactPolicy', summary: '30 days rest after declined' },
    ]);
    expect(diff.edges.added).toEqual([
      { source: 'n4', sourceHandle: 'out', target: 'policy' },
      { source: 'policy', sourceHandle: 'out', target: 'n5' },
    ]);
    expect(diff.edges.removed).toEqual([{ source: 'n4', sourceHandle: 'out', target: 'n5' }]);
  });

  it('lists a removed node with what it did', () => {
    const after = edit((doc) => {
      doc.nodes = doc.nodes.filter((n) => n.id !== 'n2');
      doc.edges = [
        { source: 'n1', target: 'n3' },
        ...doc.edges.filter((e) => e.source !== 'n1' && e.source !== 'n2'),
      ];
    });
    const diff = diffStrategies(base(), after);
    expect(diff.nodes.removed).toEqual([{ id: 'n2', type: 'filter', summary: 'age ≥ 18' }]);
    expect(diff.edges.removed).toEqual([
      { source: 'n1', sourceHandle: 'out', target: 'n2' },
      { source: 'n2', sourceHandle: 'out', target: 'n3' },
    ]);
    expect(diff.edges.added).toEqual([{ source: 'n1', sourceHandle: 'out', target: 'n3' }]);
  });

  it('words a changed condition before → after', () => {
    const after = withFilter({
      condition: all(
        cmp('customer', 'age', 'greaterThanInclusive', 21),
        cmp('customer', 'segment', 'in', ['gold', 'silver']),
      ),
    });
    const [change] = diffStrategies(base(), after).nodes.changed;
    expect(change).toMatchObject({
      id: 'n2',
      type: 'filter',
      before: 'age ≥ 18',
      summary: 'age ≥ 21 and segment is one of "gold", "silver"',
    });
    // One change per comparison: the changed value, and the added one.
    expect(change!.changes).toEqual([
      expect.objectContaining({
        field: 'config.condition.all[0]',
        beforeText: 'age ≥ 18',
        afterText: 'age ≥ 21',
      }),
      expect.objectContaining({
        field: 'config.condition.all[1]',
        before: undefined,
        beforeText: '(not set)',
        afterText: 'segment is one of "gold", "silver"',
      }),
    ]);
  });

  it('a long condition with 20 changed values gives 20 small changes, and finds removed and moved ones', () => {
    const fields = Array.from({ length: 300 }, (_, i) => `field${i}`);
    const long = (value: (i: number) => number) =>
      all(...fields.map((f, i) => cmp('customer', f, 'greaterThanInclusive', value(i))));
    const before = withFilter({ condition: long(() => 0) });
    const after = withFilter({ condition: long((i) => (i % 15 === 0 ? 5 : 0)) });
    const changes = fieldChanges(before, after);
    expect(changes).toHaveLength(20);
    expect(changes[0]).toMatchObject({
      field: 'config.condition.all[0]',
      beforeText: 'field0 ≥ 0',
      afterText: 'field0 ≥ 5',
    });
    expect(changes.every((c) => c.afterText.length < 40)).toBe(true);

    // The first comparison removed, the rest moved up one place: one removal, nothing else.
    const shorter = withFilter({
      condition: all(...fields.slice(1).map((f) => cmp('customer', f, 'greaterThanInclusive', 0))),
    });
    expect(fieldChanges(before, shorter)).toEqual([
      expect.objectContaining({
        field: 'config.condition.all[0]',
        beforeText: 'field0 ≥ 0',
        afterText: '(not set)',
      }),
    ]);
  });

  it('uses the labels of the customer schema', () => {
    const after = withFilter({ condition: all(cmp('customer', 'age', 'greaterThanInclusive', 21)) });
    const labels = {
      schema: { customer: [{ name: 'age', type: 'number' as const, label: 'Customer age' }] },
    };
    expect(fieldChanges(base(), after, labels)[0]).toMatchObject({
      beforeText: 'Customer age ≥ 18',
      afterText: 'Customer age ≥ 21',
    });
  });

  it('words a rule added for a group as new', () => {
    /** The base strategy with a retention rule on churn risk added to its filter. */
    const withRetentionRule = (minChurnRisk: number) =>
      withFilter({
        ...(node(base(), 'n2').config as object),
        byGroup: { retention: all(cmp('customer', 'churnRisk', 'greaterThan', minChurnRisk)) },
      });
    const after = withRetentionRule(0.3);
    expect(fieldChanges(base(), after)).toEqual([
      expect.objectContaining({ field: 'config.byGroup', beforeText: '(not set)' }),
    ]);
    const tightened = withRetentionRule(0.5);
    expect(fieldChanges(after, tightened)).toEqual([
      expect.objectContaining({
        field: 'config.byGroup.retention.all[0]',
        beforeText: 'churn risk > 0.3',
        afterText: 'churn risk > 0.5',
      }),
    ]);
  });

  it('shows changed weights and levers one by one, with the node summary before and after', () => {
    const after = edit((doc) => {
      node(doc, 'n3').config = { propensityWeight: 2, valueWeight: 1, levers: { byGroup: { retention: 2 } } };
    });
    const [change] = diffStrategies(base(), after).nodes.changed;
    expect(change).toMatchObject({
      id: 'n3',
      before: 'relevance × value, 1 lever',
      summary: 'relevance counts 2×, value 1×, 1 lever',
    });
    expect(change!.changes).toEqual([
      { field: 'config.propensityWeight', before: 1, after: 2, beforeText: '1', afterText: '2' },
      { field: 'config.levers.byGroup.retention', before: 1.5, after: 2, beforeText: '1.5', afterText: '2' },
    ]);
  });

  it('shows a changed label and limit', () => {
    const after = edit((doc) => {
      node(doc, 'n4').label = 'Best three';
      node(doc, 'n4').config = { limit: 5 };
    });
    const [change] = diffStrategies(base(), after).nodes.changed;
    expect(change).toMatchObject({
      id: 'n4',
      label: 'Best three',
      before: 'top 3 by priority',
      summary: 'top 5 by priority',
    });
    expect(change!.changes.map((c) => [c.field, c.beforeText, c.afterText])).toEqual([
      ['label', '(not set)', '"Best three"'],
      ['config.limit', '3', '5'],
    ]);
  });

  it('reports a node that only moved on the canvas, with no setting changed', () => {
    const after = edit((doc) => {
      node(doc, 'n4').position = { x: 610, y: 120 };
    });
    const diff = diffStrategies(base(), after);
    expect(diff.nodes.changed).toEqual([
      expect.objectContaining({
        id: 'n4',
        changes: [],
        moved: { from: { x: 600, y: 0 }, to: { x: 610, y: 120 } },
      }),
    ]);
    expect(diff.edges).toEqual({ added: [], removed: [] });
  });

  it('shows a new branch edge with its handle', () => {
    const split = (cases: unknown[]) => ({ mode: 'condition', cases });
    const young = { id: 'young', when: all(cmp('customer', 'age', 'lessThan', 25)) };
    const before = graph(
      [
        ['start', 'actions', {}],
        ['seg', 'split', split([young])],
        ['join', 'merge', {}],
        ['end', 'output', {}],
      ],
      [
        ['start', 'seg'],
        ['seg', 'join', 'young'],
        ['seg', 'join', 'default'],
        ['join', 'end'],
      ],
    );
    const after = structuredClone(before);
    after.edges = after.edges.filter((e) => e.sourceHandle !== 'default');
    after.edges.push({ source: 'seg', sourceHandle: 'default', target: 'end' });
    expect(diffStrategies(before, after).edges).toEqual({
      added: [{ source: 'seg', sourceHandle: 'default', target: 'end' }],
      removed: [{ source: 'seg', sourceHandle: 'default', target: 'join' }],
    });
  });

  it('reports the reordered inputs of a merge, since the first input wins a duplicate', () => {
    const before = graph(
      [
        ['a', 'actions', { groups: ['retention'] }],
        ['b', 'actions', { channels: ['email'] }],
        ['join', 'merge', {}],
        ['end', 'output', {}],
      ],
      [
        ['a', 'join'],
        ['b', 'join'],
        ['join', 'end'],
      ],
    );
    const after = structuredClone(before);
    after.edges = [after.edges[1]!, after.edges[0]!, after.edges[2]!];
    const diff = diffStrategies(before, after);
    expect(diff.unchanged).toBe(false);
    expect(diff.nodes.changed).toEqual([
      expect.objectContaining({
        id: 'join',
        changes: [
          expect.objectContaining({ field: 'inputs', beforeText: '"a", "b"', afterText: '"b", "a"' }),
        ],
      }),
    ]);
  });

  describe('defaults', () => {
    it('lists no change between a version that leaves defaults out and one that spells them out', () => {
      const spelled = edit((doc) => {
        node(doc, 'n3').config = {
          propensityWeight: 1,
          valueWeight: 1,
          contextWeights: [],
          levers: { byGroup: { retention: 1.5 } },
        };
        node(doc, 'n4').config = { limit: 3, by: 'priority', order: 'desc', onePerGroup: false };
      });
      const bare = edit((doc) => {
        node(doc, 'n3').config = { levers: { byGroup: { retention: 1.5 } } };
      });
      expect(diffStrategies(bare, spelled)).toMatchObject({ unchanged: true });
      expect(diffStrategies(spelled, bare)).toMatchObject({ unchanged: true });
    });

    it('does not show "levers: (not set) → {}" or "order: (not set) → desc" next to a real change', () => {
      const before = linearStrategy([
        ['actions', {}],
        ['arbitrate', {}],
        ['rank', { limit: 3 }],
        ['output', {}],
      ]);
      const after = linearStrategy([
        ['actions', {}],
        ['arbitrate', { levers: {}, valueWeight: 0.5 }],
        ['rank', { limit: 5, order: 'desc' }],
        ['output', {}],
      ]);
      const changes = diffStrategies(before, after).nodes.changed.flatMap((n) =>
        n.changes.map((c) => `${n.id} ${c.field}: ${c.beforeText} → ${c.afterText}`),
      );
      expect(changes).toEqual(['n2 config.valueWeight: 1 → 0.5', 'n3 config.limit: 3 → 5']);
    });

    it('normalises defaults inside nested settings too (a scorecard model)', () => {
      const scorecard = (extra: object) =>
        linearStrategy([
          ['actions', {}],
          [
            'score',
            {
              model: {
                type: 'scorecard',
                characteristics: [{ input: 'customer.age', bins: [{ min: 18, points: 5 }], ...extra }],
                ...extra,
              },
            },
          ],
          ['output', {}],
        ]);
      expect(diffStrategies(scorecard({}), scorecard({ missingPoints: 0, otherPoints: 0 }))).toMatchObject({
        unchanged: true,
      });
    });

    it('treats an empty list or map as not set (it selects and weighs nothing either way)', () => {
      const before = linearStrategy([
        ['actions', {}],
        ['filter', { condition: all(cmp('customer', 'age', 'greaterThan', 1)) }],
        ['output', {}],
      ]);
      const after = linearStrategy([
        ['actions', { groups: [], tags: [] }],
        ['filter', { condition: all(cmp('customer', 'age', 'greaterThan', 1)), byGroup: {} }],
        ['output', {}],
      ]);
      expect(diffStrategies(before, after)).toMatchObject({ unchanged: true });
    });

    // Every node type, every setting with a default: derived from the config schemas, not a list.
    const settingsWithDefaults = NODE_TYPES.flatMap((type) => {
      const spec = nodeSpec(type)!;
      const full = spec.configSchema.parse(spec.defaultConfig()) as Record<string, unknown>;
      return Object.keys(full)
        .filter((key) => {
          const { [key]: _left, ...without } = full;
          const reparsed = spec.configSchema.safeParse(without);
          return reparsed.success && canonicalJson(reparsed.data) === canonicalJson(full);
        })
        .map((key) => [type, key, full] as const);
    });

    it('finds settings with defaults in several node types', () => {
      expect(new Set(settingsWithDefaults.map(([type]) => type)).size).toBeGreaterThanOrEqual(3);
    });

    it.each(settingsWithDefaults)('%s: leaving out %s (a default) is no change', (type, key, full) => {
      const { [key]: _left, ...without } = full;
      const docWith = (config: unknown): StrategyDocument => ({
        schemaVersion: 1,
        nodes: [{ id: 'x', type, config }],
        edges: [],
      });
      expect(diffStrategies(docWith(without), docWith(full)).unchanged).toBe(true);
      expect(diffStrategies(docWith(full), docWith(without)).unchanged).toBe(true);
    });
  });
});
