import { CartesianGrid, ErrorBar, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartContainer } from '../shared/chart-container';
import { AXIS, BASELINE_COLOUR, DRAFT_COLOUR, percentTick } from '../shared/chart-style';
import { curvePoints, learningSentence, type LearningResults } from './learning-curve-model';
import { formatCount, formatShare } from './results-model';
import { TableHead, num } from '../shared/ui';

/** A run that learned while replaying: acceptance over time, learning beside frozen, with 95% intervals. */
export function LearningCurveSection({ results }: { results: LearningResults }) {
  const points = curvePoints(results);
  return (
    <section className="sim-section" aria-labelledby="sim-learning">
      <h2 id="sim-learning">Learning while replaying</h2>
      <p>{learningSentence(results)}</p>
      <p className="muted small">
        Each point is one stretch of the log in time order ({formatCount(results.rows)} rows in{' '}
        {points.length}); bars show 95% confidence intervals. Only rows where the strategy chose the logged
        action count (the replay method), and only those taught the models.
      </p>
      <figure className="sim-chart" aria-label="Acceptance rate over time, learning and frozen">
        <ChartContainer width={800} height={280}>
          <LineChart data={points} margin={{ top: 8, right: 32, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis
              dataKey="stretch"
              tick={AXIS}
              label={{
                value: `stretch of the log, in order of ${results.orderBy}`,
                position: 'insideBottom',
                offset: -14,
                ...AXIS,
              }}
            />
            <YAxis tickFormatter={percentTick} tick={AXIS} domain={[0, 'auto']} />
            <Tooltip
              formatter={(v) => formatShare(Number(v))}
              labelFormatter={(label, payload) => `${label}: ${payload?.[0]?.payload?.span ?? ''}`}
            />
            <Legend verticalAlign="top" height={28} />
            <Line
              dataKey="learning"
              name="learning from outcomes"
              stroke={DRAFT_COLOUR}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            >
              <ErrorBar dataKey="learningError" width={5} stroke={DRAFT_COLOUR} direction="y" />
            </Line>
            <Line
              dataKey="frozen"
              name="models frozen"
              stroke={BASELINE_COLOUR}
              strokeWidth={2}
              strokeDasharray="5 4"
              dot={{ strokeDasharray: '0' }}
              connectNulls
              isAnimationActive={false}
            >
              <ErrorBar dataKey="frozenError" width={5} stroke={BASELINE_COLOUR} direction="y" />
            </Line>
          </LineChart>
        </ChartContainer>
      </figure>
      <table className="data-table sim-table" aria-label="Learning curve">
        <TableHead
          columns={['Stretch', results.orderBy, num('Learning: accepted'), num('Frozen: accepted')]}
        />
        <tbody>
          {results.buckets.map((b, i) => (
            <tr key={i}>
              <td>{points[i]!.stretch}</td>
              <td>{points[i]!.span}</td>
              <td className="num">
                {formatShare(b.learning.rate)} of {formatCount(b.learning.matched)}
              </td>
              <td className="num">
                {formatShare(b.frozen.rate)} of {formatCount(b.frozen.matched)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
