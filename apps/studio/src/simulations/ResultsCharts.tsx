import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount, formatShare, type ActionRow, type EstimateRow, type FunnelRow } from './results-model';

/** The charts of a simulation's results; the tables beside them carry the same figures for screen readers. */

export const DRAFT_COLOUR = '#4338ca';
export const BASELINE_COLOUR = '#94a3b8';
const OUT_COLOUR = '#0d9488';
const AXIS = { fontSize: 12, fill: '#334155' };
const percentTick = (v: number) => `${Math.round(v * 100)}%`;

function ChartFrame({ label, height, children }: { label: string; height: number; children: ReactNode }) {
  return (
    <figure className="sim-chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
        {children as React.ReactElement}
      </ResponsiveContainer>
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
  const data = rows.map((r) => ({
    action: r.actionId,
    draft: r.topShare ?? 0,
    baseline: r.baseline?.topShare ?? 0,
  }));
  return (
    <ChartFrame
      label="Share of customers with each action on top"
      height={Math.max(180, 60 + rows.length * (baselineLabel ? 44 : 32))}
    >
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 32, bottom: 24, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis
          type="number"
          tickFormatter={percentTick}
          tick={AXIS}
          domain={[0, 'auto']}
          label={{
            value: 'customers with the action on top (%)',
            position: 'insideBottom',
            offset: -14,
            ...AXIS,
          }}
        />
        <YAxis type="category" dataKey="action" width={150} tick={AXIS} interval={0} />
        <Tooltip formatter={(v) => formatShare(Number(v))} />
        <Legend verticalAlign="top" height={28} />
        <Bar dataKey="draft" name={draftLabel} fill={DRAFT_COLOUR} />
        {baselineLabel && (
          <Bar dataKey="baseline" name={`${baselineLabel} (baseline)`} fill={BASELINE_COLOUR} />
        )}
      </BarChart>
    </ChartFrame>
  );
}

/** Candidates in and out of every node, in evaluation order. */
export function FunnelChart({ rows }: { rows: FunnelRow[] }) {
  const data = rows.map((r) => ({ node: r.nodeId, in: r.in, out: r.out }));
  return (
    <ChartFrame label="Candidates in and out of each step" height={Math.max(200, 70 + rows.length * 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 32, bottom: 24, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis
          type="number"
          tickFormatter={(v: number) => formatCount(v)}
          tick={AXIS}
          label={{
            value: 'candidate actions, summed over customers',
            position: 'insideBottom',
            offset: -14,
            ...AXIS,
          }}
        />
        <YAxis type="category" dataKey="node" width={150} tick={AXIS} interval={0} />
        <Tooltip formatter={(v) => formatCount(Number(v))} />
        <Legend verticalAlign="top" height={28} />
        <Bar dataKey="in" name="in" fill={BASELINE_COLOUR} />
        <Bar dataKey="out" name="out" fill={OUT_COLOUR} />
      </BarChart>
    </ChartFrame>
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
    <ChartFrame label={label} height={Math.max(160, 70 + data.length * 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 40, bottom: 24, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis
          type="number"
          tickFormatter={percentTick}
          tick={AXIS}
          domain={zero ? ['auto', 'auto'] : [0, 'auto']}
          label={{ value: axisLabel, position: 'insideBottom', offset: -14, ...AXIS }}
        />
        <YAxis type="category" dataKey="name" width={170} tick={AXIS} interval={0} />
        <Tooltip formatter={(v) => formatShare(Number(v))} />
        {zero && <ReferenceLine x={0} stroke="#0f172a" />}
        <Bar dataKey="value" name="estimate" fill={DRAFT_COLOUR} barSize={16}>
          <ErrorBar dataKey="error" width={6} strokeWidth={2} stroke="#0f172a" direction="x" />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
