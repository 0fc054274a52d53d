import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

/**
 * A chart as wide as its place and `height` tall. Until it is measured (never, in jsdom or a background
 * tab) it takes `width` × `height`, so the chart is drawn all the same.
 */
export function ChartContainer({
  height,
  width = 400,
  children,
}: {
  height: number;
  width?: number;
  children: ReactNode;
}) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width, height }}>
      {children}
    </ResponsiveContainer>
  );
}
