import { useCallback } from 'react';
import { useReactFlow, useStoreApi, type ReactFlowInstance, type Rect, type Viewport } from '@xyflow/react';

/** Below this zoom a step's text is under ~10 px: the canvas never opens smaller than this. */
export const READABLE_ZOOM = 0.8;
const MAX_OPEN_ZOOM = 1.1;
const PADDING = 24;

/**
 * The viewport a strategy opens with: the whole strategy when it fits at a readable zoom, else the
 * readable zoom with the strategy's start (its left edge; its top when it is also too tall) in view,
 * so the designer pans on from where the flow begins instead of squinting at all of it.
 */
export function readableViewport(bounds: Rect, canvas: { width: number; height: number }): Viewport {
  const fitZoom = Math.min(
    (canvas.width - 2 * PADDING) / Math.max(bounds.width, 1),
    (canvas.height - 2 * PADDING) / Math.max(bounds.height, 1),
  );
  const zoom = Math.min(MAX_OPEN_ZOOM, Math.max(READABLE_ZOOM, fitZoom));
  const centred = (size: number, start: number, extent: number) => (size - extent * zoom) / 2 - start * zoom;
  const fitsWide = bounds.width * zoom <= canvas.width - 2 * PADDING;
  const fitsTall = bounds.height * zoom <= canvas.height - 2 * PADDING;
  return {
    zoom,
    x: fitsWide ? centred(canvas.width, bounds.x, bounds.width) : PADDING - bounds.x * zoom,
    y: fitsTall ? centred(canvas.height, bounds.y, bounds.height) : PADDING - bounds.y * zoom,
  };
}

/** Moves the canvas to the readable view of its steps (nothing to do on an empty canvas). */
export function showReadable(
  flow: ReactFlowInstance,
  canvas: { width: number; height: number },
  duration = 200,
): void {
  const nodes = flow.getNodes();
  if (nodes.length === 0 || canvas.width === 0 || canvas.height === 0) return;
  void flow.setViewport(readableViewport(flow.getNodesBounds(nodes), canvas), { duration });
}

/** showReadable for the canvas this component is in (inside a ReactFlowProvider). */
export function useShowReadable(): (duration?: number) => void {
  const flow = useReactFlow();
  const api = useStoreApi();
  return useCallback(
    (duration?: number) => {
      const { width, height } = api.getState();
      showReadable(flow, { width, height }, duration);
    },
    [flow, api],
  );
}
