import { contentHash } from '../document/content-hash';
import { CATALOG, linearStrategy } from '../test-support/build-strategy';
import {
  action,
  all,
  caseBranchGraph,
  cmp,
  constantScores,
  decide,
  ENV,
  ids,
  interaction,
  NOW,
  nodeTrace,
  twoSourcesGraph,
} from '../test-support/engine.test-helpers';
import { compileCached, compileStrategy } from './compile-strategy';
import type { DecisionInput } from './types';

const STEPS: [string, unknown][] = [
  ['actions', {}],
  ['filter', { condition: all(cmp('action', 'value', 'greaterThanInclusive', 25)) }],
  [
    'score',
    constantScores({
      'loyalty-discount': 0.5,
      'retention-call': 0.2,
      'data-addon': 0.8,
      'fibre-upgrade': 0.1,
    }),
  ],
  ['arbitrate', {}],
  ['contactPolicy', { cooldowns: [{ scope: 'action', after: ['declined'], days: 30 }] }],
  ['rank', { limit: 2 }],
  ['output', {}],
];
const strategy = () => linearStrategy(STEPS);
const INPUT: Partial<DecisionInput> = {
  customer: { id: 'c1' },
  context: { now: NOW },
  history: [interaction('data-addon', 'declined', 3)],
};

describe('compileStrategy', () => {
  describe('trace', () => {
    it('is left out unless asked for', () => {
      expect(decide(strategy(), INPUT)).not.toHaveProperty('trace');
    });

    it('counts candidates in and out of every node, in evaluation order', () => {
      const { trace } = decide(strategy(), INPUT, { trace: true });
      expect(trace!.path).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']);
      expect(trace!.nodes.map((n) => [n.nodeId, n.type, n.in, n.out])).toEqual([
        ['n1', 'actions', 5, 5],
        ['n2', 'filter', 5, 4],
        ['n3', 'score', 4, 4],
        ['n4', 'arbitrate', 4, 4],
        ['n5', 'contactPolicy', 4, 3],
        ['n6', 'rank', 3, 2],
        ['n7', 'output', 2, 2],
      ]);
      expect(trace!.nodes.every((n) => n.reached)).toBe(true);
    });

    it('says why each dropped candidate was dropped, at the node that dropped it', () => {
      const { trace } = decide(strategy(), INPUT, { trace: true });
      const drops = trace!.nodes.flatMap((n) =>
        (n.dropped ?? []).map((d) => [n.nodeId, d.actionId, d.reason]),
      );
      expect(drops).toEqual([
        ['n2', 'bill-followup', 'action value 10 is not ≥ 25'],
        ['n5', 'data-addon', 'declined 3 days ago for this action (30 days rest after declined)'],
        ['n6', 'loyalty-discount', 'ranked #3 (priority 20), below the top 2'],
      ]);
    });

    it('shows the fields of each kept candidate as they were after the node, and the arbitration terms', () => {
      const result = decide(strategy(), INPUT, { trace: true });
      expect(nodeTrace(result, 'n3').kept!.find((k) => k.actionId === 'fibre-upgrade')).toEqual({
        actionId: 'fibre-upgrade',
        fields: { propensity: 0.1 },
      });
      expect(nodeTrace(result, 'n4').kept!.find((k) => k.actionId === 'fibre-upgrade')).toEqual({
        actionId: 'fibre-upgrade',
        fields: { propensity: 0.1, priority: 20 },
        details: {
          propensity: 0.1,
          value: 200,
          contextWeight: 1,
          lever: 1,
          priority: 20,
          propensityWeight: 1,
          valueWeight: 1,
        },
      });
    });

    it('carries node labels', () => {
      const doc = strategy();
      doc.nodes[1]!.label = 'Worth offering';
      expect(nodeTrace(decide(doc, INPUT, { trace: true }), 'n2').label).toBe('Worth offering');
    });

    it('marks the nodes of an untaken split branch as not reached', () => {
      const doc = caseBranchGraph('vip', all(cmp('customer', 'vip', 'equal', true)), [
        ['vip-filter', 'filter', { condition: all(cmp('action', 'group', 'equal', 'retention')) }],
        ['vip-rank', 'rank', { by: 'value', limit: 1 }],
      ]);
      const { trace } = decide(
        doc,
        { customer: { id: 'c1', vip: false }, context: { now: NOW } },
        { trace: true },
      );
      expect(trace!.path).toEqual(['start', 'seg', 'join', 'end']);
      const byId = Object.fromEntries(trace!.nodes.map((n) => [n.nodeId, n]));
      expect(byId['seg']).toMatchObject({ reached: true, branch: 'default', in: 5, out: 5 });
      expect(byId['vip-filter']).toEqual({
        nodeId: 'vip-filter',
        type: 'filter',
        reached: false,
        in: 0,
        out: 0,
      });
      expect(byId['vip-rank']).toMatchObject({ reached: false, in: 0, out: 0 });
      expect(byId['join']).toMatchObject({ reached: true, in: 5, out: 5 });
    });

    it("in 'counts' mode gives only the numbers: no reasons, fields or notes", () => {
      const { trace } = decide(strategy(), INPUT, { trace: 'counts' });
      expect(trace!.nodes.map((n) => [n.in, n.out])).toEqual([
        [5, 5],
        [5, 4],
        [4, 4],
        [4, 4],
        [4, 3],
        [3, 2],
        [2, 2],
      ]);
      for (const node of trace!.nodes) {
        expect(node).not.toHaveProperty('dropped');
        expect(node).not.toHaveProperty('kept');
        expect(node).not.toHaveProperty('notes');
      }
    });

    it('does not change the recommendations', () => {
      expect(decide(strategy(), INPUT, { trace: true }).recommendations).toEqual(
        decide(strategy(), INPUT).recommendations,
      );
    });
  });

  describe('decision time', () => {
    const validity = linearStrategy([
      ['actions', { groups: ['service'] }],
      ['output', {}],
    ]);
    const before = Date.parse('2026-06-01T00:00:00Z');
    const after = Date.parse('2026-08-01T00:00:00Z');

    it('is context.now when given, over options.now', () => {
      expect(ids(decide(validity, { context: { now: '2026-06-01T00:00:00Z' } }, { now: after }))).toEqual([
        'bill-followup',
      ]);
      expect(ids(decide(validity, { context: { now: '2026-08-01T00:00:00Z' } }, { now: before }))).toEqual(
        [],
      );
    });

    it('accepts context.now in milliseconds', () => {
      expect(ids(decide(validity, { context: { now: before } }))).toEqual(['bill-followup']);
    });

    it('is options.now when the context has no time', () => {
      expect(ids(decide(validity, { context: {} }, { now: before }))).toEqual(['bill-followup']);
      expect(ids(decide(validity, { context: {} }, { now: after }))).toEqual([]);
    });

    it('is the clock when neither is given', () => {
      jest.useFakeTimers({ now: after });
      try {
        expect(ids(decide(validity, { context: {} }))).toEqual([]);
        jest.setSystemTime(before);
        expect(ids(decide(validity, { context: {} }))).toEqual(['bill-followup']);
      } finally {
        jest.useRealTimers();
      }
    });
  });

  it('gives the same result for the same input, and leaves the input unchanged', () => {
    const compiled = compileStrategy(strategy(), ENV);
    const input = structuredClone(INPUT) as DecisionInput;
    const frozen = deepFreeze(structuredClone(input));
    const first = compiled.decide(frozen, { trace: true });
    expect(compiled.decide(frozen, { trace: true })).toEqual(first);
    expect(frozen).toEqual(input);
  });

  it('decideBatch gives the same results as deciding each input', () => {
    const compiled = compileStrategy(strategy(), ENV);
    const inputs: DecisionInput[] = [
      { customer: { id: 'a' }, context: { now: NOW } },
      {
        customer: { id: 'b' },
        context: { now: NOW },
        history: [interaction('loyalty-discount', 'declined', 1)],
      },
      {
        customer: { id: 'c' },
        context: { now: '2026-07-15T00:00:00Z' },
        history: [interaction('fibre-upgrade', 'declined', 1)],
      },
    ];
    for (const options of [{}, { trace: true }, { trace: 'counts' as const, limit: 1 }]) {
      expect(compiled.decideBatch(inputs, options)).toEqual(
        inputs.map((input) => compiled.decide(input, options)),
      );
    }
    expect(compiled.decideBatch([])).toEqual([]);
  });

  it('exposes the content hash of the document', () => {
    expect(compileStrategy(strategy(), ENV).hash).toBe(contentHash(strategy()));
  });
});

describe('content hash', () => {
  it('ignores node positions', () => {
    const moved = strategy();
    moved.nodes.forEach((n, i) => (n.position = { x: 17 * i, y: 300 }));
    const unplaced = strategy();
    unplaced.nodes.forEach((n) => delete n.position);
    expect(contentHash(moved)).toBe(contentHash(strategy()));
    expect(contentHash(unplaced)).toBe(contentHash(strategy()));
  });

  it('ignores the order of keys', () => {
    const reordered = strategy();
    reordered.nodes = reordered.nodes.map(({ config, type, id, position }) => ({
      config,
      position,
      type,
      id,
    }));
    expect(contentHash(reordered)).toBe(contentHash(strategy()));
  });

  it('changes with any setting', () => {
    const changed = strategy();
    changed.nodes[5]!.config = { limit: 3 };
    expect(contentHash(changed)).not.toBe(contentHash(strategy()));
  });

  it('changes with the order of edges into a merge, which decides which duplicate wins', () => {
    const doc = twoSourcesGraph([
      ['a', 'join'],
      ['b', 'join'],
      ['join', 'end'],
    ]);
    const swapped = structuredClone(doc);
    swapped.edges = [doc.edges[1]!, doc.edges[0]!, doc.edges[2]!];
    expect(contentHash(swapped)).not.toBe(contentHash(doc));
  });

  it('is a SHA-256 in hex', () => {
    expect(contentHash(strategy())).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('compileCached', () => {
  it('returns the same compiled strategy for an equal document and environment', () => {
    const first = compileCached(strategy(), { actions: CATALOG });
    expect(compileCached(structuredClone(strategy()), { actions: structuredClone(CATALOG) })).toBe(first);
  });

  it('returns the same compiled strategy when only positions differ', () => {
    const moved = strategy();
    moved.nodes[0]!.position = { x: -40, y: 999 };
    expect(compileCached(moved, { actions: CATALOG })).toBe(compileCached(strategy(), { actions: CATALOG }));
  });

  it('compiles again when the catalog changes, and decides with the new catalog', () => {
    const everything = linearStrategy([
      ['actions', {}],
      ['output', {}],
    ]);
    const first = compileCached(everything, { actions: CATALOG });
    const catalog = [...CATALOG, action('new-offer', { value: 1000 })];
    const second = compileCached(everything, { actions: catalog });
    expect(second).not.toBe(first);
    expect(ids(second.decide({ customer: { id: 'c1' }, context: { now: NOW } }))).toContain('new-offer');
    expect(ids(first.decide({ customer: { id: 'c1' }, context: { now: NOW } }))).not.toContain('new-offer');
  });

  it('compiles again when the document, the schema or a registry model changes', () => {
    const first = compileCached(strategy(), { actions: CATALOG });
    const changed = strategy();
    changed.nodes[5]!.config = { limit: 1 };
    expect(compileCached(changed, { actions: CATALOG })).not.toBe(first);
    expect(
      compileCached(strategy(), {
        actions: CATALOG,
        schema: { customer: [{ name: 'age', type: 'number' }] },
      }),
    ).not.toBe(first);
    expect(
      compileCached(strategy(), {
        actions: CATALOG,
        models: { m: { type: 'logistic', intercept: 0, terms: [] } },
      }),
    ).not.toBe(first);
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

describe('compiling a version approved before a check existed', () => {
  // "age" is a number: comparing it with the text "18" is an error today.
  const env = { actions: CATALOG, schema: { customer: [{ name: 'age', type: 'number' as const }] } };
  const document = linearStrategy([
    ['actions', {}],
    ['filter', { condition: all(cmp('customer', 'age', 'equal', '18')) }],
    ['output', {}],
  ]);

  it('is refused without tolerance, and compiles with it, deciding as before', () => {
    expect(() => compileStrategy(document, env)).toThrow(/compare with 18, not "18"/);
    const compiled = compileStrategy(document, env, { tolerate: ['type_mismatch', 'unknown_value'] });
    // json-rules-engine's `equal` is strict: 18 never equals "18", so nothing passes.
    expect(compiled.decide({ customer: { age: 18 }, context: { now: NOW } }).recommendations).toEqual([]);
    expect(compileCached(document, env, { tolerate: ['type_mismatch'] })).not.toBe(
      compileCached(document, env, { tolerate: ['type_mismatch', 'unknown_value'] }),
    );
  });
});
