import { Bar, BarChart, CartesianGrid, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartContainer } from '../shared/chart-container';
import { AXIS, BASELINE_COLOUR, DRAFT_COLOUR, percentTick } from '../shared/chart-style';
import { formatMetric, formatPercent, type ModelReport } from './report-model';
import { ChartFrame, POINT_LINE, UnitChart, withOrigin } from './UnitChart';

/** The charts of a model report: three curves against the diagonal, then the top predictors and the lift. */

/** ROC curves, one a version (a single one for a report; two side by side when comparing). */
export function RocChart({ curves }: { curves: { name: string; roc: ModelReport['roc']; auc: number }[] }) {
  return (
    <ChartFrame
      label="ROC curve"
      title="ROC curve"
      hint="how many positives are found (up) for how many negatives wrongly flagged (right); the dashed line is chance"
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
      title="Calibration"
      hint="predicted propensity against the share that accepted; on the dashed line the propensities can be taken at their word"
    >
      <UnitChart
        data={data}
        x="predicted"
        xLabel="predicted propensity"
        yLabel="observed share positive"
        diagonalLabel="perfectly calibrated"
      >
        <Line dataKey="observed" name="observed" {...POINT_LINE} />
      </UnitChart>
    </ChartFrame>
  );
}

/** Cumulative gains: the share of all positives found in the top x% of customers by score. */
export function GainsChart({ gains }: { gains: ModelReport['gains'] }) {
  return (
    <ChartFrame
      label="Cumulative gains"
      title="Cumulative gains"
      hint="contacting the customers with the highest scores first: the share of all acceptances reached"
    >
      <UnitChart
        data={withOrigin(gains, (g) => g.share === 0, { share: 0, captured: 0, lift: 0 })}
        x="share"
        xLabel="customers contacted (top by score)"
        yLabel="acceptances reached"
        diagonalLabel="random order"
      >
        <Line dataKey="captured" name="acceptances reached" {...POINT_LINE} />
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
  const height = Math.max(160, 50 + data.length * 26);
  return (
    <ChartFrame
      label="Predictor importance"
      title="Top predictors"
      hint={`share of the model’s importance${importance.length > top ? ` (the ${top} largest of ${importance.length})` : ''}`}
    >
      <ChartContainer height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 32, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" tickFormatter={percentTick} tick={AXIS} domain={[0, 'auto']} />
          <YAxis type="category" dataKey="predictor" width={150} tick={AXIS} interval={0} />
          <Tooltip formatter={(v) => formatPercent(Number(v))} />
          <Bar dataKey="importance" name="importance" fill={DRAFT_COLOUR} isAnimationActive={false} />
        </BarChart>
      </ChartContainer>
    </ChartFrame>
  );
}

/** Lift per decile, with the line at 1 (no better than random). */
export function LiftChart({ gains }: { gains: ModelReport['gains'] }) {
  const data = gains.map((g) => ({ decile: `top ${Math.round(g.share * 100)}%`, lift: g.lift }));
  return (
    <ChartFrame
      label="Lift"
      title="Lift"
      hint="how many times the average acceptance rate the top customers reach"
    >
      <ChartContainer height={300}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 28, left: 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="decile" tick={AXIS} interval={0} angle={-30} textAnchor="end" height={44} />
          <YAxis tick={AXIS} width={40} domain={[0, 'auto']} tickFormatter={(v: number) => `${v}×`} />
          <ReferenceLine y={1} stroke="#0f172a" strokeDasharray="5 4" />
          <Tooltip formatter={(v) => `${Number(v).toFixed(2)}×`} />
          <Bar dataKey="lift" name="lift" fill={BASELINE_COLOUR} isAnimationActive={false} />
        </BarChart>
      </ChartContainer>
    </ChartFrame>
  );
}
