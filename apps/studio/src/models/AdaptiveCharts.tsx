import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
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

export function EvidenceChart({ history }: { history: History }) {
  return (
    <figure className="mdl-chart" aria-label="Evidence and positives over time">
      <figcaption>Evidence and positives over time</figcaption>
      <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 400, height: 220 }}>
        <LineChart data={points(history)} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={AXIS} minTickGap={40} />
          <YAxis tick={AXIS} allowDecimals={false} width={56} />
          <Tooltip />
          <Legend />
          <Line
            type="monotone"
            dataKey="evidence"
            name="Evidence (outcomes)"
            stroke={DRAFT_COLOUR}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="positives"
            name="Positives"
            stroke={POSITIVES_COLOUR}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function AucChart({ history, floor }: { history: History; floor: number | null }) {
  return (
    <figure className="mdl-chart" aria-label="Rolling AUC over time">
      <figcaption>Rolling AUC over time</figcaption>
      <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 400, height: 220 }}>
        <LineChart data={points(history)} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={AXIS} minTickGap={40} />
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
          <Line
            type="monotone"
            dataKey="rollingAuc"
            name="Rolling AUC"
            stroke={DRAFT_COLOUR}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
