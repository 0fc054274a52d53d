import { EXAMPLES } from '@arbiter/engine/examples';
import { autoLayout } from './auto-layout';

describe('autoLayout', () => {
  it('lays the telco example out left to right, each step after the one feeding it', async () => {
    const doc = EXAMPLES[0]!.document;
    const positions = await autoLayout(doc);
    expect(positions.size).toBe(doc.nodes.length);
    for (const e of doc.edges) expect(positions.get(e.target)!.x).toBeGreaterThan(positions.get(e.source)!.x);
    // The two scoring branches of the split sit on different rows.
    expect(positions.get('score-at-risk')!.y).not.toBe(positions.get('score-standard')!.y);
  });

  it('handles an empty strategy and nodes without edges', async () => {
    expect((await autoLayout({ schemaVersion: 1, nodes: [], edges: [] })).size).toBe(0);
    const loose = await autoLayout({ schemaVersion: 1, nodes: [{ id: 'a', type: 'actions', config: {} }, { id: 'o', type: 'output', config: {} }], edges: [] });
    expect(loose.size).toBe(2);
  });
});
