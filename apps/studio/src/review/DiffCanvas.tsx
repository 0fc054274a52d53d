import { useEffect, useRef } from 'react';
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
import { READABLE_ZOOM, showReadable } from '../editor/canvas/readable-view';

const nodeTypes = { step: StepNodeView };

/**
 * The newer version's canvas with the changes marked, opened as the editor opens a strategy: at a
 * readable zoom from where the flow begins (a large strategy is panned, not shrunk to dots), and
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
  useEffect(() => {
    const instance = flow.current;
    const node = focus === undefined ? undefined : instance?.getNode(focus);
    if (!instance || !node) return;
    const { width = 0, height = 0 } = node.measured ?? {};
    void instance.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
      zoom: Math.max(instance.getZoom(), READABLE_ZOOM),
      duration: 200,
    });
  }, [focus]);
  return (
    <div className="diff-canvas" ref={box} aria-label="The newer version with the changes marked">
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          minZoom={0.15}
          onInit={(instance) => {
            flow.current = instance;
            // Once React Flow has measured the steps (the first frame has no sizes).
            setTimeout(() => {
              const size = box.current;
              if (size) showReadable(instance, { width: size.clientWidth, height: size.clientHeight }, 0);
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
