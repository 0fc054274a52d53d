import { memo } from 'react';
import { SmoothStepEdge, type EdgeProps } from '@xyflow/react';

/** How far a line runs straight out of an exit (and into an entry) before it turns. */
const RUN = 20;

/**
 * How far a line runs out of its exit before it turns. RUN pixels, except between steps that stand
 * close (less than twice RUN between exit and entry, or exit and entry overlapping): there a line
 * running RUN pixels would turn back and be drawn under the step it leaves, so it turns halfway
 * between them, or straight at the exit.
 */
export function lineRun(sourceX: number, targetX: number): number {
  const gap = targetX - sourceX;
  return gap > -RUN ? Math.min(RUN, Math.max(0, gap / 2 - 1)) : RUN;
}

/** A line on the canvas: right-angled, turning between the steps it joins. */
export const StepLine = memo(function StepLine(props: EdgeProps) {
  return <SmoothStepEdge {...props} pathOptions={{ offset: lineRun(props.sourceX, props.targetX) }} />;
});
