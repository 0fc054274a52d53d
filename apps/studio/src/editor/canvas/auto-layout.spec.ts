import { EXAMPLES } from '@arbiter/engine/examples';
import { autoLayout } from './auto-layout';

describe('autoLayout', () => {
  it('lays the telco example out left to right on a wide canvas, each step after the one feeding it', async () => {
    const doc = EXAMPLES[0]!.document;
    const positions = await autoLayout(doc, new Map(), 20);
    expect(positions.size).toBe(doc.nodes.length);
    for (const e of doc.edges) expect(positions.get(e.target)!.x).toBeGreaterThan(positions.get(e.source)!.x);
    // The two scoring branches of the split sit on different rows.
    expect(positions.get('score-at-risk')!.y).not.toBe(positions.get('score-standard')!.y);
  });

  it('wraps a long flow into rows on a canvas of ordinary shape instead of one long row', async () => {
    const doc = EXAMPLES[0]!.document;
    const positions = [...(await autoLayout(doc, new Map(), 1.4)).values()];
    const width = Math.max(...positions.map((p) => p.x)) - Math.min(...positions.map((p) => p.x));
    const oneRow = [...(await autoLayout(doc, new Map(), 20)).values()];
    const oneRowWidth = Math.max(...oneRow.map((p) => p.x)) - Math.min(...oneRow.map((p) => p.x));
    expect(width).toBeLessThan(oneRowWidth * 0.7);
    const at = await autoLayout(doc, new Map(), 1.4);
    // Every line goes right within its row, or down to a later row.
    for (const e of doc.edges) {
      const [from, to] = [at.get(e.source)!, at.get(e.target)!];
      expect(to.x > from.x || to.y > from.y).toBe(true);
    }
  });

  it('handles an empty strategy and nodes without edges', async () => {
    expect((await autoLayout({ schemaVersion: 1, nodes: [], edges: [] })).size).toBe(0);
    const loose = await autoLayout({
      schemaVersion: 1,
      nodes: [
        { id: 'a', type: 'actions', config: {} },
        { id: 'o', type: 'output', config: {} },
      ],
      edges: [],
    });
    expect(loose.size).toBe(2);
  });
});
