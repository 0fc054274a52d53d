import { Handle, Position } from '@xyflow/react';

/**
 * Where the lines into (`in`) or out of a step end on the canvas; `label` tells what to do with it.
 * Without a label (a collapsed group's), it only shows where lines go: none can be drawn to it.
 */
export function StepHandle({ side, id, label }: { side: 'in' | 'out'; id: string; label?: string }) {
  return (
    <Handle
      type={side === 'in' ? 'target' : 'source'}
      position={side === 'in' ? Position.Left : Position.Right}
      id={id}
      className={`handle handle-${side}`}
      isConnectable={label !== undefined}
      role={label === undefined ? undefined : 'img'}
      aria-label={label}
    />
  );
}
