import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartContainer } from '../shared/chart-container';
import { AXIS, BASELINE_COLOUR, DRAFT_COLOUR, percentTick } from '../shared/chart-style';
import { formatCount, formatShare, type ActionRow, type EstimateRow, type FunnelRow } from './results-model';
import { useResultNames } from './result-names';

/**
 * The charts of a simulation's results; the tables beside them carry the same figures for screen readers.
 * Bars are drawn without animation: an animation runs on animation frames, which a background tab does
 * not get, so results that arrived while the user looked elsewhere showed empty charts.
 */

const OUT_COLOUR = '#0d9488';

/** Horizontal bars, one a row of `data` named by its `category` key, with the value axis below. */
function BarsChart({
  label,
  height,
  data,
  category,
  categoryWidth = 150,
  rightMargin = 32,
  axisLabel,
  tickFormat,
  valueFormat,
  domain = [0, 'auto'],
  children,
}: {
  label: string;
  height: number;
  data: object[];
  category: string;
  categoryWidth?: number;
  rightMargin?: number;
  axisLabel: string;
  tickFormat(v: number): string;
  valueFormat(v: number): string;
  domain?: [number | 'auto', number | 'auto'];
  children: ReactNode;
}) {
  return (
    <figure className="sim-chart" aria-label={label}>
      <ChartContainer width={800} height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: rightMargin, bottom: 24, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis
            type="number"
            tickFormatter={tickFormat}
            tick={AXIS}
            domain={domain}
            label={{ value: axisLabel, position: 'insideBottom', offset: -14, ...AXIS }}
          />
          <YAxis type="category" dataKey={category} width={categoryWidth} tick={AXIS} interval={0} />
          <Tooltip formatter={(v) => valueFormat(Number(v))} />
          {children}
        </BarChart>
      </ChartContainer>
    </figure>
  );
}

/** Share of customers who get each action first, draft beside baseline when there is one. */
export function ActionShareChart({
  rows,
  draftLabel,
  baselineLabel,
}: {
  rows: ActionRow[];
  draftLabel: string;
  baselineLabel?: string;
}) {
  const names = useResultNames();
  const data = rows.map((r) => ({
    action: names.action(r.actionId),
    draft: r.topShare ?? 0,
    baseline: r.baseline?.topShare ?? 0,
  }));
  return (
    <BarsChart
      label="Share of customers with each action on top"
      height={Math.max(180, 60 + rows.length * (baselineLabel ? 44 : 32))}
      data={data}
      category="action"
      axisLabel="customers with the action on top (%)"
      tickFormat={percentTick}
      valueFormat={formatShare}
    >
      <Legend verticalAlign="top" height={28} />
      <Bar dataKey="draft" name={draftLabel} fill={DRAFT_COLOUR} isAnimationActive={false} />
      {baselineLabel && (
        <Bar
          dataKey="baseline"
          name={`${baselineLabel} (baseline)`}
          fill={BASELINE_COLOUR}
          isAnimationActive={false}
        />
      )}
    </BarsChart>
  );
}

/** Candidates in and out of every node, in evaluation order. */
export function FunnelChart({ rows }: { rows: FunnelRow[] }) {
  const names = useResultNames();
  const data = rows.map((r) => ({ node: names.step(r.nodeId), in: r.in, out: r.out }));
  return (
    <BarsChart
      label="Candidates in and out of each step"
      height={Math.max(200, 70 + rows.length * 40)}
      data={data}
      category="node"
      axisLabel="candidate actions, summed over customers"
      tickFormat={formatCount}
      valueFormat={formatCount}
    >
      <Legend verticalAlign="top" height={28} />
      <Bar dataKey="in" name="in" fill={BASELINE_COLOUR} isAnimationActive={false} />
      <Bar dataKey="out" name="out" fill={OUT_COLOUR} isAnimationActive={false} />
    </BarsChart>
  );
}

/** Point estimates with their confidence intervals as error bars; `zero` draws the no-change line for uplifts. */
export function EstimateChart({
  rows,
  label,
  axisLabel,
  zero,
}: {
  rows: EstimateRow[];
  label: string;
  axisLabel: string;
  zero?: boolean;
}) {
  const data = rows
    .filter((r) => r.value !== null)
    .map((r) => ({ name: r.name, value: r.value, error: r.error ?? [0, 0] }));
  if (data.length === 0) return null;
  return (
    <BarsChart
      label={label}
      height={Math.max(160, 70 + data.length * 40)}
      data={data}
      category="name"
      categoryWidth={170}
      rightMargin={40}
      axisLabel={axisLabel}
      tickFormat={percentTick}
      valueFormat={formatShare}
      domain={zero ? ['auto', 'auto'] : [0, 'auto']}
    >
      {zero && <ReferenceLine x={0} stroke="#0f172a" />}
      <Bar dataKey="value" name="estimate" fill={DRAFT_COLOUR} barSize={16} isAnimationActive={false}>
        <ErrorBar dataKey="error" width={6} strokeWidth={2} stroke="#0f172a" direction="x" />
      </Bar>
    </BarsChart>
  );
}
