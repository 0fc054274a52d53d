import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
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
import { BASELINE_COLOUR, DRAFT_COLOUR } from '../simulations/ResultsCharts';
import { formatMetric, formatPercent, type ModelReport } from './report-model';

/** The charts of a model report, drawn with recharts like the simulations' results. */

const AXIS = { fontSize: 12, fill: '#334155' };
const CHANCE = '#94a3b8';
const percentTick = (v: number) => `${Math.round(v * 100)}%`;
const UNIT: [number, number] = [0, 1];
const UNIT_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];
/** The diagonal: chance for ROC and gains, perfect calibration for the reliability curve. */
const DIAGONAL: [{ x: number; y: number }, { x: number; y: number }] = [
  { x: 0, y: 0 },
  { x: 1, y: 1 },
];

function ChartFrame({ label, title, children }: { label: string; title: ReactNode; children: ReactNode }) {
  return (
    <figure className="mdl-chart" aria-label={label}>
      <figcaption>{title}</figcaption>
      {children}
    </figure>
  );
}

/** A square-ish chart of two shares (0–1 on both axes) with the diagonal drawn. */
function UnitChart({
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
    <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 400, height: 300 }}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 28, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis
          type="number"
          dataKey={x}
          domain={UNIT}
          ticks={UNIT_TICKS}
          tickFormatter={percentTick}
          tick={AXIS}
          label={{ value: xLabel, position: 'insideBottom', offset: -16, ...AXIS }}
        />
        <YAxis
          type="number"
          domain={UNIT}
          ticks={UNIT_TICKS}
          tickFormatter={percentTick}
          tick={AXIS}
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
    </ResponsiveContainer>
  );
}

/** ROC curves, one a version (a single one for a report; two side by side when comparing). */
export function RocChart({ curves }: { curves: { name: string; roc: ModelReport['roc']; auc: number }[] }) {
  return (
    <ChartFrame
      label="ROC curve"
      title={
        <>
          <strong>ROC curve</strong>{' '}
          <span className="muted small">
            how many positives are found (up) for how many negatives wrongly flagged (right); the dashed line
            is chance
          </span>
        </>
      }
    >
      <UnitChart x="fpr" xLabel="false positive rate" yLabel="true positive rate" diagonalLabel="chance">
        {curves.length > 1 && <Legend verticalAlign="top" height={24} />}
        {curves.map((c, i) => (
          <Line
            key={c.name}
            data={withOrigin(c.roc, (p) => p.fpr === 0 && p.tpr === 0, { fpr: 0, tpr: 0 })}
            dataKey="tpr"
            name={`${c.name} (AUC ${formatMetric(c.auc)})`}
            stroke={i === 0 ? DRAFT_COLOUR : '#0d9488'}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </UnitChart>
    </ChartFrame>
  );
}

/** Reliability curve: the observed share of positives per bin of predicted propensity, against the diagonal. */
export function CalibrationChart({ calibration }: { calibration: ModelReport['calibration'] }) {
  const data = calibration.filter((b) => b.count > 0);
  return (
    <ChartFrame
      label="Calibration curve"
      title={
        <>
          <strong>Calibration</strong>{' '}
          <span className="muted small">
            predicted propensity against the share that accepted; on the dashed line the propensities can be
            taken at their word
          </span>
        </>
      }
    >
      <UnitChart
        data={data}
        x="predicted"
        xLabel="predicted propensity"
        yLabel="observed share positive"
        diagonalLabel="perfectly calibrated"
      >
        <Line
          dataKey="observed"
          name="observed"
          stroke={DRAFT_COLOUR}
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </UnitChart>
    </ChartFrame>
  );
}

/** Cumulative gains: the share of all positives found in the top x% of customers by score. */
export function GainsChart({ gains }: { gains: ModelReport['gains'] }) {
  return (
    <ChartFrame
      label="Cumulative gains"
      title={
        <>
          <strong>Cumulative gains</strong>{' '}
          <span className="muted small">
            contacting the customers with the highest scores first: the share of all acceptances reached
          </span>
        </>
      }
    >
      <UnitChart
        data={withOrigin(gains, (g) => g.share === 0, { share: 0, captured: 0, lift: 0 })}
        x="share"
        xLabel="customers contacted (top by score)"
        yLabel="acceptances reached"
        diagonalLabel="random order"
      >
        <Line
          dataKey="captured"
          name="acceptances reached"
          stroke={DRAFT_COLOUR}
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </UnitChart>
    </ChartFrame>
  );
}

/** The predictors that carry the model, largest share of importance first. */
export function ImportanceChart({
  importance,
  top = 15,
}: {
  importance: ModelReport['importance'];
  top?: number;
}) {
  const data = importance.slice(0, top);
  return (
    <ChartFrame
      label="Predictor importance"
      title={
        <>
          <strong>Top predictors</strong>{' '}
          <span className="muted small">
            share of the model’s importance
            {importance.length > top ? ` (the ${top} largest of ${importance.length})` : ''}
          </span>
        </>
      }
    >
      <ResponsiveContainer
        width="100%"
        height={Math.max(160, 50 + data.length * 26)}
        initialDimension={{ width: 400, height: Math.max(160, 50 + data.length * 26) }}
      >
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 32, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" tickFormatter={percentTick} tick={AXIS} domain={[0, 'auto']} />
          <YAxis type="category" dataKey="predictor" width={150} tick={AXIS} interval={0} />
          <Tooltip formatter={(v) => formatPercent(Number(v))} />
          <Bar dataKey="importance" name="importance" fill={DRAFT_COLOUR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Lift per decile, with the line at 1 (no better than random). */
export function LiftChart({ gains }: { gains: ModelReport['gains'] }) {
  const data = gains.map((g) => ({ decile: `top ${Math.round(g.share * 100)}%`, lift: g.lift }));
  return (
    <ChartFrame
      label="Lift"
      title={
        <>
          <strong>Lift</strong>{' '}
          <span className="muted small">
            how many times the average acceptance rate the top customers reach
          </span>
        </>
      }
    >
      <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 400, height: 300 }}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 28, left: 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="decile" tick={AXIS} interval={0} angle={-30} textAnchor="end" height={44} />
          <YAxis tick={AXIS} width={40} domain={[0, 'auto']} tickFormatter={(v: number) => `${v}×`} />
          <ReferenceLine y={1} stroke="#0f172a" strokeDasharray="5 4" />
          <Tooltip formatter={(v) => `${Number(v).toFixed(2)}×`} />
          <Bar dataKey="lift" name="lift" fill={BASELINE_COLOUR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Curves start at the origin; reports may leave that point out. */
function withOrigin<T>(points: readonly T[], isOrigin: (p: T) => boolean, origin: T): T[] {
  return points.length && isOrigin(points[0]!) ? [...points] : [origin, ...points];
}
