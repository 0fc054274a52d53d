import { deniedReason } from '../app/access';
import type { Grants } from '../auth/session';
import { Button, TableHead } from '../shared/ui';
import type { ExperimentArm, ExperimentResults, SplitExperiment } from './experiments-api';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)}%`;
const pts = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`;
const pText = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

/** One split read as an experiment: its verdict in words, the arms, and promoting the winner. */
export function SplitCard({
  split,
  results,
  user,
  busy,
  promotedAs,
  onPromote,
}: {
  split: SplitExperiment;
  results: ExperimentResults;
  user: Grants;
  busy: boolean;
  promotedAs?: number;
  onPromote(): void;
}) {
  const denied =
    deniedReason('editDrafts', user) ??
    (!split.winner
      ? 'The test has no verdict yet: keep running until it names a winner.'
      : promotedAs !== undefined
        ? `Promoted: version ${promotedAs} is the draft with the winner.`
        : undefined);
  const decided = split.verdict === 'CHALLENGER_BETTER' || split.verdict === 'CHAMPION_BETTER';
  return (
    <section className="experiment-card" aria-label={`Experiment ${split.label}`}>
      <h2>
        {split.label} <span className="muted small mono">{split.splitStepId}</span>
      </h2>
      <p className={`callout ${decided ? 'experiment-decided' : ''}`} role="status">
        {split.summary}
      </p>
      <table className="experiment-arms">
        <TableHead
          columns={[
            'Arm',
            'Share',
            'Decisions',
            'Outcomes',
            'Successes',
            'Rate (95% interval)',
            'Against the champion (always-valid interval)',
            'p (always valid)',
          ]}
        />
        <tbody>
          {split.arms.map((arm) => (
            <ArmRow key={arm.arm} arm={arm} winner={split.winner === arm.arm} />
          ))}
        </tbody>
      </table>
      <div className="experiment-actions">
        <Button
          variant="primary"
          disabled={busy || !!denied}
          title={
            denied ?? `A new draft of version ${results.version} in which everyone takes the winning arm`
          }
          onClick={onPromote}
        >
          Promote the winner as a new draft
        </Button>
        {denied && <span className="muted small">{denied}</span>}
      </div>
    </section>
  );
}

function ArmRow({ arm, winner }: { arm: ExperimentArm; winner: boolean }) {
  return (
    <tr className={winner ? 'experiment-winner' : undefined}>
      <th scope="row">
        {arm.label}
        {arm.champion && <span className="muted small"> champion</span>}
        {winner && <span className="experiment-badge"> winner</span>}
      </th>
      <td>{arm.percent}%</td>
      <td>{arm.decisions}</td>
      <td>{arm.outcomes}</td>
      <td>{arm.positives}</td>
      <td>
        {pct(arm.rate)}
        {arm.rate !== null && (
          <span className="muted small">
            {' '}
            [{pct(arm.rateLow)}, {pct(arm.rateHigh)}]
          </span>
        )}
      </td>
      <td>
        {arm.champion || arm.difference === null ? '–' : `${pts(arm.difference)} pts`}
        {arm.differenceLow !== null && arm.differenceHigh !== null && (
          <span className="muted small">
            {' '}
            [{pts(arm.differenceLow)}, {pts(arm.differenceHigh)}]
          </span>
        )}
      </td>
      {/* Before its first look the test has no p-value to speak of. */}
      <td>{arm.pValue === null || arm.differenceLow === null ? '–' : pText(arm.pValue)}</td>
    </tr>
  );
}
