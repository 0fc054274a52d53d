import { useState } from 'react';
import { formatDate } from '../shared/format-date';
import { Button, TableHead, num, unseen } from '../shared/ui';
import type { Control } from './AdaptiveControlDialog';
import { shortHash, snapshotWords, type AdaptiveStatus } from './adaptive-model';
import { formatCount } from './report-model';
import { ModelSection } from './ModelSection';

/** What the adaptive model's views show and what they may do: its status, people's names, its controls. */
export interface AdaptiveViewProps {
  status: AdaptiveStatus;
  people: Record<string, string>;
  /** Why the user may not freeze, reset or roll back; undefined when they may. */
  controlDenied: string | undefined;
  onControl(control: Control): void;
}

/** Snapshots listed before "Show all": the learner takes one every few seconds while outcomes flow. */
const SNAPSHOTS_SHOWN = 10;

/** The model's snapshots, newest first, each one a publisher may roll back to. */
export function SnapshotsTable({ status, people, controlDenied, onControl }: AdaptiveViewProps) {
  const [allSnapshots, setAllSnapshots] = useState(false);
  const snapshots = allSnapshots ? status.snapshots : status.snapshots.slice(0, SNAPSHOTS_SHOWN);
  return (
    <ModelSection id="adaptive-snapshots" title="Snapshots">
      {status.snapshots.length === 0 ? (
        <p className="muted small">No snapshot yet.</p>
      ) : (
        <table className="data-table mdl-table" aria-labelledby="adaptive-snapshots">
          <TableHead
            columns={[
              'Snapshot',
              num('Evidence'),
              num('Positives'),
              'Hash',
              'What',
              'By',
              unseen('Roll back'),
            ]}
          />
          <tbody>
            {snapshots.map((s) => (
              <tr key={s.id} className={s.id === status.servingSnapshotId ? 'mdl-row-current' : ''}>
                <th scope="row">
                  {formatDate(s.createdAt)}
                  {s.id === status.servingSnapshotId && <span className="muted small"> serving</span>}
                </th>
                <td className="num">{formatCount(s.evidence)}</td>
                <td className="num">{formatCount(s.positives)}</td>
                <td>
                  <code title={s.hash}>{shortHash(s.hash)}</code>
                </td>
                <td>{snapshotWords(s)}</td>
                <td>{s.createdBy ? (people[s.createdBy] ?? '—') : 'learner'}</td>
                <td>
                  {s.id !== status.servingSnapshotId && (
                    <Button
                      variant="ghost"
                      disabled={!!controlDenied}
                      title={controlDenied}
                      aria-label={`Roll back to snapshot ${shortHash(s.hash)}`}
                      onClick={() =>
                        onControl({ kind: 'rollback', snapshotId: s.id, name: shortHash(s.hash) })
                      }
                    >
                      Roll back…
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status.snapshots.length > SNAPSHOTS_SHOWN && (
        <Button variant="ghost" onClick={() => setAllSnapshots((all) => !all)}>
          {allSnapshots
            ? `Show the newest ${SNAPSHOTS_SHOWN}`
            : `Show all ${status.snapshots.length} snapshots`}
        </Button>
      )}
    </ModelSection>
  );
}
