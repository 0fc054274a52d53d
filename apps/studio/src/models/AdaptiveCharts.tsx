import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartContainer } from '../shared/chart-container';
import type { ReactNode } from 'react';
import { formatDate } from '../shared/format-date';
import { AXIS, BASELINE_COLOUR, DRAFT_COLOUR } from '../shared/chart-style';
import type { AdaptiveStatus } from './adaptive-model';

/** The adaptive model's history, one point a snapshot: evidence and positives, and the rolling AUC. */

const POSITIVES_COLOUR = '#0f766e';

type History = AdaptiveStatus['history'];

/** Points with their time: the clock time when the history is within a day, else the date. */
const points = (history: History) => {
  const first = history[0] ? Date.parse(history[0].at) : 0;
  const last = history.at(-1) ? Date.parse(history.at(-1)!.at) : 0;
  const sameDay = last - first < 86_400_000;
  return history.map((h) => ({
    ...h,
    label: sameDay ? new Date(h.at).toLocaleTimeString(undefined, { timeStyle: 'short' }) : formatDate(h.at),
  }));
};

/** A line of the history, drawn without dots or animation. */
const HISTORY_LINE = { type: 'monotone', dot: false, isAnimationActive: false } as const;

/** A captioned chart of the history over time; the children add the y axis and the lines. */
function HistoryChart({
  title,
  history,
  children,
}: {
  title: string;
  history: History;
  children: ReactNode;
}) {
  return (
    <figure className="mdl-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ChartContainer height={220}>
        <LineChart data={points(history)} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={AXIS} minTickGap={40} />
          {children}
        </LineChart>
      </ChartContainer>
    </figure>
  );
}

export function EvidenceChart({ history }: { history: History }) {
  return (
    <HistoryChart title="Evidence and positives over time" history={history}>
      <YAxis tick={AXIS} allowDecimals={false} width={56} />
      <Tooltip />
      <Legend />
      <Line {...HISTORY_LINE} dataKey="evidence" name="Evidence (outcomes)" stroke={DRAFT_COLOUR} />
      <Line {...HISTORY_LINE} dataKey="positives" name="Positives" stroke={POSITIVES_COLOUR} />
    </HistoryChart>
  );
}

export function AucChart({ history, floor }: { history: History; floor: number | null }) {
  return (
    <HistoryChart title="Rolling AUC over time" history={history}>
      <YAxis tick={AXIS} domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} width={40} />
      <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
      <Legend />
      <ReferenceLine
        y={0.5}
        stroke={BASELINE_COLOUR}
        strokeDasharray="4 4"
        label={{ value: 'chance', position: 'insideBottomRight', fill: '#475569', fontSize: 12 }}
      />
      {floor !== null && (
        <ReferenceLine
          y={floor}
          stroke="#b91c1c"
          strokeDasharray="2 2"
          label={{ value: 'floor', position: 'insideTopLeft', fill: '#b91c1c', fontSize: 12 }}
        />
      )}
      <Line {...HISTORY_LINE} dataKey="rollingAuc" name="Rolling AUC" stroke={DRAFT_COLOUR} connectNulls />
    </HistoryChart>
  );
}
