import type { ReactNode } from 'react';
import { CartesianGrid, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartContainer } from '../shared/chart-container';
import { AXIS, DRAFT_COLOUR, percentTick } from '../shared/chart-style';
import { formatPercent } from './report-model';

/** The frame and axes the model report's charts share, drawn with recharts like the simulations' results. */

/** How a single curve of points is drawn (calibration, gains). */
export const POINT_LINE = { stroke: DRAFT_COLOUR, strokeWidth: 2, dot: { r: 3 }, isAnimationActive: false };
const CHANCE = '#94a3b8';
const UNIT: [number, number] = [0, 1];
const UNIT_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];
/** Both axes: a share from 0 to 1, ticked in percent. */
const SHARE_AXIS = {
  type: 'number',
  domain: UNIT,
  ticks: UNIT_TICKS,
  tickFormatter: percentTick,
  tick: AXIS,
} as const;
/** The diagonal: chance for ROC and gains, perfect calibration for the reliability curve. */
const DIAGONAL: [{ x: number; y: number }, { x: number; y: number }] = [
  { x: 0, y: 0 },
  { x: 1, y: 1 },
];

/** A chart with its caption: the title in bold, then what it shows. */
export function ChartFrame({
  label,
  title,
  hint,
  children,
}: {
  label: string;
  title: string;
  hint: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="mdl-chart" aria-label={label}>
      <figcaption>
        <strong>{title}</strong> <span className="muted small">{hint}</span>
      </figcaption>
      {children}
    </figure>
  );
}

/** A square-ish chart of two shares (0–1 on both axes) with the diagonal drawn. */
export function UnitChart({
  data,
  x,
  xLabel,
  yLabel,
  diagonalLabel,
  children,
}: {
  data?: object[];
  x: string;
  xLabel: string;
  yLabel: string;
  diagonalLabel: string;
  children: ReactNode;
}) {
  return (
    <ChartContainer height={300}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 28, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis
          {...SHARE_AXIS}
          dataKey={x}
          label={{ value: xLabel, position: 'insideBottom', offset: -16, ...AXIS }}
        />
        <YAxis
          {...SHARE_AXIS}
          width={48}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 4, ...AXIS }}
        />
        <ReferenceLine
          segment={DIAGONAL}
          stroke={CHANCE}
          strokeDasharray="5 4"
          ifOverflow="extendDomain"
          label={{ value: diagonalLabel, position: 'insideTopLeft', ...AXIS, fill: '#64748b' }}
        />
        <Tooltip
          formatter={(v) => formatPercent(Number(v))}
          labelFormatter={(v) => `${xLabel}: ${formatPercent(Number(v))}`}
        />
        {children}
      </LineChart>
    </ChartContainer>
  );
}

/** Curves start at the origin; reports may leave that point out. */
export function withOrigin<T>(points: readonly T[], isOrigin: (p: T) => boolean, origin: T): T[] {
  return points.length && isOrigin(points[0]!) ? [...points] : [origin, ...points];
}
