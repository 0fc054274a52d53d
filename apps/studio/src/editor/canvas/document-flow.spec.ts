import { validateStrategy } from '@arbiter/engine';
import { EXAMPLES, exampleEnvironment } from '@arbiter/engine/examples';
import { problemsByNode } from '../problems';
import { toFlowEdges, toFlowNodes, type CanvasDecorations } from './document-flow';

const example = EXAMPLES[0]!;
const deco = (): CanvasDecorations => ({
  labels: { schema: example.schema },
  problemsByNode: new Map(),
  problemEdges: new Set(),
});

describe('document ⇄ React Flow', () => {
  it('shows each node with its one-line summary and its exits', () => {
    const nodes = toFlowNodes(example.document, deco());
    const split = nodes.find((n) => n.id === 'churn-split')!;
    expect(split.data.handles.map((h) => h.id)).toEqual(['high-risk', 'default']);
    expect(split.data.handles[0]!.label).toBe('High churn risk');
    expect(nodes.find((n) => n.id === 'top-3')!.data.summary).toBe('top 3 by priority, one per group');
    expect(nodes.find((n) => n.id === 'catalog')!.data.hasInput).toBe(false);
    expect(nodes.find((n) => n.id === 'output')!.data.handles).toEqual([]);
  });

  it('keeps measured sizes and selection of unchanged nodes, and reuses them when nothing changed', () => {
    const first = toFlowNodes(example.document, deco()).map((n) => ({
      ...n,
      measured: { width: 240, height: 90 },
      selected: n.id === 'catalog',
    }));
    const again = toFlowNodes(example.document, deco(), first);
    expect(again[0]).toBe(first[0]);
    const moved = {
      ...example.document,
      nodes: example.document.nodes.map((n) => (n.id === 'catalog' ? { ...n, position: { x: 5, y: 5 } } : n)),
    };
    const after = toFlowNodes(moved, deco(), first);
    expect(after[0]).toMatchObject({
      position: { x: 5, y: 5 },
      measured: { width: 240, height: 90 },
      selected: true,
    });
  });

  it('marks nodes and edges with problems', () => {
    const broken = {
      ...example.document,
      edges: example.document.edges.filter((e) => e.target !== 'output'),
    };
    const { problems } = validateStrategy(broken, exampleEnvironment(example));
    const nodes = toFlowNodes(broken, { ...deco(), problemsByNode: problemsByNode(problems) });
    expect(nodes.find((n) => n.id === 'output')!.data.problems.map((p) => p.code)).toContain('missing_edge');
    const edges = toFlowEdges(example.document, {
      ...deco(),
      problemEdges: new Set(['catalog:out->eligibility']),
    });
    expect(edges[0]!.className).toContain('edge-invalid');
  });
});
