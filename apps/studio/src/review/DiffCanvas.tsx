import { useEffect, useRef, useState } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type Node,
  type ReactFlowInstance,
} from '@xyflow/react';
import { StepNodeView } from '../editor/canvas/StepNodeView';
import { StepLine } from '../editor/canvas/step-line';
import { READABLE_ZOOM, showReadable } from '../editor/canvas/readable-view';

const nodeTypes = { step: StepNodeView };
// Lines drawn as on the editor's canvas.
const edgeTypes = { 'step-line': StepLine };
const EDGE_OPTIONS = { type: 'step-line' };

/** Centres the canvas on a step at a readable zoom; false when the step is not on the canvas. */
function centreOn(instance: ReactFlowInstance, id: string | undefined): boolean {
  const node = id === undefined ? undefined : instance.getNode(id);
  if (!node) return false;
  const { width = 0, height = 0 } = node.measured ?? {};
  void instance.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
    zoom: Math.max(instance.getZoom(), READABLE_ZOOM),
    duration: 200,
  });
  return true;
}

/**
 * The newer version's canvas with the changes marked, opened as the editor opens a strategy: at a
 * readable zoom from where the flow begins (a large strategy is panned, not shrunk to dots), or
 * centred on the step whose change the reviewer selects.
 */
export function DiffCanvas({
  nodes,
  edges,
  focus,
  onFocus,
}: {
  nodes: Node[];
  edges: Edge[];
  focus?: string;
  onFocus(id: string): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const flow = useRef<ReactFlowInstance | undefined>(undefined);
  const focused = useRef(focus);
  focused.current = focus;
  // Set once the first view is placed: until then a step can still move under the pointer.
  const [placed, setPlaced] = useState(false);
  useEffect(() => {
    if (flow.current) centreOn(flow.current, focus);
  }, [focus]);
  return (
    <div
      className="diff-canvas"
      ref={box}
      data-placed={placed || undefined}
      aria-label="The newer version with the changes marked"
    >
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={EDGE_OPTIONS}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          minZoom={0.15}
          onInit={(instance) => {
            flow.current = instance;
            // Once React Flow has measured the steps (the first frame has no sizes).
            setTimeout(() => {
              const size = box.current;
              if (size && !centreOn(instance, focused.current))
                showReadable(instance, { width: size.clientWidth, height: size.clientHeight }, 0);
              setPlaced(true);
            }, 80);
          }}
          onNodeClick={(_, n) => onFocus(n.id)}
          proOptions={{ hideAttribution: true }}
        >
          <Background variant={BackgroundVariant.Dots} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
