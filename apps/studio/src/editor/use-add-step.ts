import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { READABLE_ZOOM } from './canvas/readable-view';
import { connectionProblem } from './canvas/connection-rules';
import { addNode, connect, nextNodeId, type Position } from './document-edits';
import type { EditorStore } from './editor-store';
import { nodeKind } from './nodes/registry';

/**
 * Adds a step of a kind: where it was dropped, or after the selected step (connected to it), or in
 * the middle of the view; announces where it went.
 */
export function useAddStep(
  store: EditorStore,
  readOnly: boolean,
  announce: (message: string) => void,
  showSettings: () => void,
): (type: string, position?: Position) => void {
  const flow = useReactFlow();
  return useCallback(
    (type: string, position?: Position) => {
      const kind = nodeKind(type);
      if (!kind || readOnly) return;
      const current = store.doc;
      const id = nextNodeId(current, type);
      const after = position
        ? undefined
        : current.nodes.find((n) => n.id === store.getState().selection.nodes[0]);
      let at = position;
      if (!at) {
        if (after?.position) at = { x: after.position.x + 260, y: after.position.y };
        else {
          const rect = document.querySelector('.canvas')?.getBoundingClientRect();
          const seen = rect
            ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
            : undefined;
          // A canvas that has not measured itself yet (no size, no zoom) has no middle: use the origin.
          const centre = seen && Number.isFinite(seen.x) && Number.isFinite(seen.y) ? seen : { x: 0, y: 0 };
          at = {
            x: centre.x - 120 + (current.nodes.length % 5) * 24,
            y: centre.y - 40 + (current.nodes.length % 5) * 24,
          };
        }
      }
      const node = kind.create(id, { x: Math.round(at.x), y: Math.round(at.y) });
      store.edit(
        (d) => {
          let next = addNode(d, node);
          if (after && !connectionProblem(next, { source: after.id, target: id }))
            next = connect(next, after.id, undefined, id);
          return next;
        },
        { select: { nodes: [id], edges: [] } },
      );
      showSettings();
      // Added from the keyboard: keep the new step in view.
      if (!position)
        setTimeout(
          () =>
            void flow.setCenter(node.position!.x + 105, node.position!.y + 48, {
              zoom: Math.max(flow.getZoom(), READABLE_ZOOM),
              duration: 200,
            }),
          80,
        );
      announce(
        after
          ? `${kind.displayName} added after ${after.label ?? nodeKind(after.type)?.displayName ?? after.id} and connected.`
          : `${kind.displayName} added. Its settings are on the right.`,
      );
    },
    [store, flow, readOnly, announce, showSettings],
  );
}
