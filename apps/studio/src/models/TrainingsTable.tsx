import { routeHash } from '../app/router';
import { formatDate } from '../shared/format-date';
import { StatusPill } from '../shared/StatusPill';
import type { ModelSummary } from './models-api';
import { trainingFailure, TRAINING_STATUS_WORDS } from './report-model';
import { TableHead } from '../shared/ui';
import { ModelSection } from './ModelSection';

/** The model's trainings, newest first, each linking to its progress page. */
export function TrainingsTable({
  model,
  modelId,
  people,
}: {
  model: ModelSummary;
  modelId: string;
  people: Record<string, string>;
}) {
  return (
    <ModelSection id="mdl-trainings" title="Trainings">
      <table className="data-table mdl-table" aria-label="Trainings">
        <TableHead columns={['Started', 'By', 'Status', 'Outcome']} />
        <tbody>
          {model.trainings.map((t) => (
            <tr key={t.id}>
              <td>
                <a href={routeHash({ screen: 'models', modelId, trainingId: t.id })}>
                  {formatDate(t.createdAt)}
                </a>
              </td>
              <td>{people[t.createdBy] ?? '—'}</td>
              <td>
                <StatusPill status={t.status} words={TRAINING_STATUS_WORDS} classPrefix="mdl-status" />
              </td>
              <td>
                {t.status === 'FAILED'
                  ? trainingFailure(t.error)
                  : t.status === 'SUCCEEDED'
                    ? `v${model.versions.find((v) => v.id === t.versionId)?.version ?? '?'}`
                    : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModelSection>
  );
}
