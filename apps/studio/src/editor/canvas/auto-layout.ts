import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import { DEFAULT_HANDLE, type StrategyDocument } from '@arbiter/engine';
import type { Position } from '../document-edits';
import { STEP_WIDTH } from './step-size';

/** The size of a step nobody measured or estimated (in tests). */
export const DEFAULT_NODE_SIZE = { width: STEP_WIDTH, height: 96 };

/**
 * Left-to-right layered layout of the strategy (elkjs). Split branches are ports in their order,
 * so branches stay top-to-bottom as listed in the split's settings. A flow much wider than the
 * canvas is wrapped into rows (elk's graph wrapping) so that the whole of it is readable on the
 * canvas's shape (`aspect` = width / height) instead of one long row.
 */
export async function autoLayout(
  doc: StrategyDocument,
  sizes: ReadonlyMap<string, { width: number; height: number }> = new Map(),
  aspect = 1.6,
): Promise<Map<string, Position>> {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.semiInteractive': 'true',
      'elk.layered.wrapping.strategy': 'MULTI_EDGE',
      'elk.aspectRatio': String(aspect),
      'elk.layered.wrapping.additionalEdgeSpacing': '24',
    },
    children: doc.nodes.map((n) => {
      const size = sizes.get(n.id) ?? DEFAULT_NODE_SIZE;
      const handles = [
        ...new Set(doc.edges.filter((e) => e.source === n.id).map((e) => e.sourceHandle ?? DEFAULT_HANDLE)),
      ];
      return {
        id: n.id,
        width: size.width,
        height: size.height,
        layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
        ports: [
          { id: `${n.id}::in`, layoutOptions: { 'elk.port.side': 'WEST' } },
          ...handles.map((h, i) => ({
            id: `${n.id}::${h}`,
            layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(handles.length - i) },
          })),
        ],
      };
    }),
    edges: doc.edges.map((e, i) => ({
      id: `e${i}`,
      sources: [`${e.source}::${e.sourceHandle ?? DEFAULT_HANDLE}`],
      targets: [`${e.target}::in`],
    })),
  };
  // elkjs is large; load it the first time a designer tidies up.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const laid = await new ELK().layout(graph);
  return new Map(
    (laid.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]),
  );
}
