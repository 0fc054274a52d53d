import { useCallback, useMemo, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { StrategyDocument, ValidationProblem } from '@arbiter/engine';
import type { RunOutcome } from '../test-panel/run-strategy';
import type { EditorStore } from '../editor-store';
import { problemsByNode } from '../problems';
import { hiddenSteps, useCollapsedBranches } from './collapsed-branches';
import { groupedSteps, useCollapsedGroups } from './collapsed-groups';
import type { CanvasDecorations } from './document-flow';
import { READABLE_ZOOM } from './readable-view';

/**
 * What the canvas shows over the document: folded branches and collapsed groups (kept per
 * strategy), each step's problems, and the live test's trace.
 */
export function useCanvasView(
  doc: StrategyDocument,
  strategyId: string,
  labels: CanvasDecorations['labels'],
  problems: readonly ValidationProblem[],
  outcome: RunOutcome | undefined,
  focusAction: string | undefined,
) {
  const folds = useCollapsedBranches(strategyId);
  const hidden = useMemo(() => hiddenSteps(doc, folds.collapsed), [doc, folds.collapsed]);
  const groups = useCollapsedGroups(strategyId);
  const grouped = useMemo(
    () => groupedSteps(doc, groups.groups, hidden.byStep),
    [doc, groups.groups, hidden.byStep],
  );
  const expandGroups = groups.expand;
  const expandGroup = useCallback((groupId: string) => expandGroups([groupId]), [expandGroups]);
  const decorations: CanvasDecorations = useMemo(() => {
    const trace = outcome?.ok ? outcome.result.trace : undefined;
    return {
      labels,
      folded: { branches: folds.collapsed, hidden: hidden },
      grouped,
      problemsByNode: problemsByNode(problems),
      problemEdges: new Set(problems.flatMap((p) => (p.edgeId ? [p.edgeId] : []))),
      trace: trace
        ? {
            nodes: new Map(trace.nodes.map((n) => [n.nodeId, n])),
            path: new Set(trace.path),
            focusAction,
          }
        : undefined,
    };
  }, [labels, problems, outcome, focusAction, folds.collapsed, hidden, grouped]);
  return { folds, hidden, groups, grouped, expandGroup, decorations };
}

/** Selects a step and brings it to the middle of the canvas at a readable zoom (unfolding its branch or group first). */
export function useSelectStep(store: EditorStore, view: ReturnType<typeof useCanvasView>) {
  const flow = useReactFlow();
  const { folds, groups } = view;
  const expandGroups = groups.expand;
  const shown = useRef(view);
  shown.current = view;
  const selectStep = useCallback(
    (nodeId: string) => {
      const { hidden, grouped } = shown.current;
      const folded = hidden.byStep.get(nodeId);
      const box = grouped.byStep.get(nodeId);
      const group = grouped.boxes.find((b) => b.id === box)?.groupId;
      if (folded || group) {
        if (folded) folds.expand([folded]);
        if (group) expandGroups([group]);
        // Once the canvas shows the step again, go to it.
        setTimeout(() => selectStep(nodeId), 50);
        return;
      }
      store.select({ nodes: [nodeId], edges: [] });
      const node = flow.getNode(nodeId);
      if (!node) return;
      const width = node.measured?.width ?? 240;
      const height = node.measured?.height ?? 100;
      void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
        zoom: Math.max(flow.getZoom(), READABLE_ZOOM, 1),
        duration: 300,
      });
    },
    [store, flow, folds, expandGroups],
  );
  return selectStep;
}
