import { NODE_TYPES, validateStrategy } from '@arbiter/engine';
import { EXAMPLES } from '@arbiter/engine/examples';
import { NODE_KINDS, PALETTE, nodeKind } from './registry';

describe('node kinds', () => {
  it('has one studio kind per engine node type, in palette order', () => {
    expect(PALETTE.map((k) => k.type)).toEqual(NODE_TYPES);
    expect(nodeKind('nonsense')).toBeUndefined();
    for (const kind of PALETTE) {
      expect(kind.displayName).toBeTruthy();
      expect(kind.description.length).toBeGreaterThan(10);
      expect(kind.colour).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('creates nodes whose default settings the engine accepts', () => {
    for (const kind of PALETTE) {
      const node = kind.create(`${kind.type}-1`, { x: 0, y: 0 });
      const { problems } = validateStrategy({ schemaVersion: 1, nodes: [node], edges: [] });
      expect(problems.filter((p) => p.code === 'invalid_config' && p.field?.startsWith('config.'))).toEqual(
        [],
      );
      expect(kind.parse(node)).toEqual({ ok: true });
      expect(kind.summarize(node, {})).toBeTruthy();
    }
  });

  it('names split branches and diffs two versions of a node in words', () => {
    const split = EXAMPLES[0]!.document.nodes.find((n) => n.id === 'churn-split')!;
    expect(NODE_KINDS.split.handles(split)).toEqual([
      { id: 'high-risk', label: 'High churn risk' },
      { id: 'default', label: 'default' },
    ]);
    const rank = EXAMPLES[0]!.document.nodes.find((n) => n.id === 'top-3')!;
    const changes = NODE_KINDS.rank.diff(rank, { ...rank, config: { ...(rank.config as object), limit: 5 } });
    expect(changes).toEqual([
      expect.objectContaining({ field: 'config.limit', beforeText: '3', afterText: '5' }),
    ]);
  });

  it('reports settings it cannot show instead of guessing', () => {
    expect(NODE_KINDS.rank.parse({ id: 'r', type: 'rank', config: { limit: 0 } })).toMatchObject({
      ok: false,
    });
    expect(NODE_KINDS.rank.summarize({ id: 'r', type: 'rank', config: { limit: 0 } }, {})).toBeUndefined();
  });
});
