import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import type { StrategyDocument } from '@arbiter/engine';
import { Button } from '../../shared/ui';
import { connect, moveNodes, removeElements, edgeKey, type Position } from '../document-edits';
import type { EditorStore } from '../editor-store';
import { nodeKind } from '../nodes/registry';
import { connectionProblem } from './connection-rules';
import { useShowReadable } from './readable-view';
import {
  isStepNode,
  toCanvasNodes,
  toFlowEdges,
  type CanvasDecorations,
  type CanvasNode,
} from './document-flow';
import { GroupBoxView } from './GroupBoxView';
import { StepNodeView } from './StepNodeView';
import { StepLine } from './step-line';
import { estimatedStepSize, STEP_WIDTH } from './step-size';

export const PALETTE_MIME = 'application/x-arbiter-node-type';

const nodeTypes = { step: StepNodeView, 'group-box': GroupBoxView };
const edgeTypes = { 'step-line': StepLine };

// React Flow's settings, made once: a new array or object at each render is a change React Flow
// copies into its store, which makes every step and line on the canvas check itself again.
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECTION_KEYS = ['Meta', 'Control', 'Shift'];
const SNAP_GRID: [number, number] = [8, 8];
const EDGE_OPTIONS = { type: 'step-line' };
const ARIA_LABELS = {
  'node.a11yDescription.default':
    'Press Enter or Space to select this step, Delete to remove it, arrow keys to move it.',
};

interface StrategyCanvasProps {
  store: EditorStore;
  doc: StrategyDocument;
  generation: number;
  decorations: CanvasDecorations;
  readOnly: boolean;
  onAddNode(type: string, position: Position): void;
  onHint(message: string): void;
  /** A step was clicked: show its settings. */
  onStepClick(): void;
  /** Registers the canvas' measured node sizes for auto-layout. */
  sizesRef: React.MutableRefObject<() => Map<string, { width: number; height: number }>>;
  /** Collapse these steps into one box on the canvas. */
  onCollapseGroup(stepIds: string[]): void;
}

export function StrategyCanvas({
  store,
  doc: latestDoc,
  generation: latestGeneration,
  decorations: latestDecorations,
  readOnly,
  onAddNode,
  onHint,
  onStepClick,
  sizesRef,
  onCollapseGroup,
}: StrategyCanvasProps) {
  // The canvas follows the draft in a render of its own, after an edit's keystroke is painted:
  // typing into a step of a large strategy does not wait for every step on the canvas.
  const doc = useDeferredValue(latestDoc);
  const decorations = useDeferredValue(latestDecorations);
  const generation = useDeferredValue(latestGeneration);
  const flow = useReactFlow<CanvasNode, Edge>();
  const [nodes, setNodes] = useState<CanvasNode[]>(() => toCanvasNodes(doc, decorations));
  const [edges, setEdges] = useState<Edge[]>(() => toFlowEdges(doc, decorations));
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;

  useEffect(() => {
    setNodes((previous) => toCanvasNodes(doc, decorations, previous));
    setEdges((previous) => toFlowEdges(doc, decorations, previous));
  }, [doc, decorations]);

  // The selection lives in the store too (for the settings panel); mirror it onto the nodes.
  const selection = store.getState().selection;
  useEffect(() => {
    const ids = new Set(selection.nodes);
    setNodes((ns) =>
      ns.some((n) => !!n.selected !== ids.has(n.id))
        ? ns.map((n) => (!!n.selected !== ids.has(n.id) ? { ...n, selected: ids.has(n.id) } : n))
        : ns,
    );
  }, [selection]);

  useEffect(() => {
    sizesRef.current = () =>
      new Map(
        nodesRef.current
          .filter(isStepNode)
          .map((n) => [
            n.id,
            n.measured?.width && n.measured.height
              ? { width: n.measured.width, height: n.measured.height }
              : estimatedStepSize(n.data),
          ]),
      );
  }, [sizesRef]);

  // Fit the view when a version is (re)loaded, not on every edit.
  const showReadable = useShowReadable();
  const showReadableRef = useRef(showReadable);
  showReadableRef.current = showReadable;
  const hasNodes = useRef(doc.nodes.length > 0);
  hasNodes.current = doc.nodes.length > 0;
  useEffect(() => {
    // React Flow queues a fit of an empty canvas until the first node appears; an empty canvas needs none.
    if (!hasNodes.current) return;
    const t = setTimeout(() => showReadableRef.current(), 60);
    return () => clearTimeout(t);
  }, [generation]);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    setNodes((ns) =>
      applyNodeChanges(
        changes.filter((c) => c.type !== 'remove'),
        ns,
      ),
    );
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setEdges((es) =>
      applyEdgeChanges(
        changes.filter((c) => c.type !== 'remove'),
        es,
      ),
    );
  }, []);

  const onSelectionChange = useCallback(
    ({ nodes: selected, edges: selectedEdges }: OnSelectionChangeParams) =>
      store.select({
        nodes: (selected as CanvasNode[]).filter(isStepNode).map((n) => n.id),
        edges: selectedEdges.map((e) => e.id),
      }),
    [store],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (c) =>
      !connectionProblem(store.doc, { source: c.source, sourceHandle: c.sourceHandle, target: c.target }),
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => store.edit((d) => connect(d, c.source, c.sourceHandle, c.target)),
    [store],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.toNode) return;
      const reason = connectionProblem(store.doc, {
        source: state.fromNode.id,
        sourceHandle: state.fromHandle?.id,
        target: state.toNode.id,
      });
      if (reason) onHint(`Cannot connect: ${reason}.`);
    },
    [store, onHint],
  );

  const onNodeDragStop = useCallback(
    (_e: unknown, _node: CanvasNode, dragged: CanvasNode[]) =>
      store.edit((d) => moveNodes(d, new Map(dragged.filter(isStepNode).map((n) => [n.id, n.position])))),
    [store],
  );

  const onDelete = useCallback(
    ({ nodes: deletedNodes, edges: deletedEdges }: { nodes: CanvasNode[]; edges: Edge[] }) =>
      store.edit((d) =>
        removeElements(
          d,
          deletedNodes.filter(isStepNode).map((n) => n.id),
          deletedEdges.map((e) => e.id),
        ),
      ),
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type || !nodeKind(type)) return;
      event.preventDefault();
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      onAddNode(type, { x: p.x - STEP_WIDTH / 2, y: p.y - 30 });
    },
    [flow, onAddNode],
  );

  const minimapColour = useCallback(
    (n: CanvasNode) => (isStepNode(n) && nodeKind(n.data.strategyNode.type)?.colour) || '#94a3b8',
    [],
  );
  // Only the document's edges (one just deleted may linger in React Flow's state for a render); the
  // same list while nothing changed, so React Flow does not rebuild its connection lookup at each key.
  const shownEdges = useMemo(() => {
    const ids = new Set([...doc.edges.map(edgeKey), ...(decorations.grouped?.lines.map((l) => l.id) ?? [])]);
    return edges.every((e) => ids.has(e.id)) ? edges : edges.filter((e) => ids.has(e.id));
  }, [doc.edges, decorations.grouped, edges]);

  // Two or more steps selected (Shift+click, or Shift+drag a box around them) can be collapsed into one box.
  const grouped = decorations.grouped?.byStep;
  const groupable = useMemo(
    () => selection.nodes.filter((id) => !grouped?.has(id) && doc.nodes.some((n) => n.id === id)),
    [selection.nodes, grouped, doc.nodes],
  );

  return (
    <div
      className="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      aria-label="Strategy canvas"
      role="region"
    >
      <ReactFlow<CanvasNode, Edge>
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={onSelectionChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onStepClick}
        onDelete={onDelete}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        deleteKeyCode={readOnly ? null : DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        selectionOnDrag={false}
        panOnDrag
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={SNAP_GRID}
        defaultEdgeOptions={EDGE_OPTIONS}
        connectionRadius={30}
        ariaLabelConfig={ARIA_LABELS}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="#cbd5e1" />
        {doc.nodes.length > 0 && (
          <MiniMap pannable zoomable nodeColor={minimapColour} ariaLabel="Overview of the whole strategy" />
        )}
        <Controls showInteractive={false} position="bottom-left" />
        {groupable.length > 1 && (
          <Panel position="top-center">
            <Button
              className="canvas-collapse-group"
              title="Show the selected steps as one box (only on this canvas: the strategy does not change)"
              onClick={() => {
                onCollapseGroup(groupable);
                store.select({ nodes: [], edges: [] });
              }}
            >
              Collapse group ({groupable.length} steps)
            </Button>
          </Panel>
        )}
      </ReactFlow>
      {doc.nodes.length === 0 && (
        <div className="canvas-empty" role="note">
          <strong>Start your strategy</strong>
          <p>
            Drag <em>Actions</em> from the left onto the canvas (or select it and press Enter), then add the
            steps that decide what to offer, and finish with an <em>Output</em>.
          </p>
        </div>
      )}
    </div>
  );
}
