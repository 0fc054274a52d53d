import type { PredictorChoice } from './models-api';
import { TableHead } from '../shared/ui';

/**
 * The predictors as a checklist, preset with the API's suggestion: excluded ones say why, and a
 * predictor that gives the outcome away (likely leakage) is flagged above the list and on its row.
 */
export function PredictorPicker({
  choices,
  chosen,
  onChange,
}: {
  choices: readonly PredictorChoice[];
  chosen: Record<string, boolean>;
  onChange(chosen: Record<string, boolean>): void;
}) {
  const warned = choices.filter((c) => c.warning);
  const chosenWarned = warned.filter((c) => chosen[c.name]);
  const count = choices.filter((c) => chosen[c.name]).length;
  const set = (names: (c: PredictorChoice) => boolean) =>
    onChange(Object.fromEntries(choices.map((c) => [c.name, names(c)])));
  return (
    <div className="mdl-step">
      {warned.length > 0 && (
        <div
          className={`callout ${chosenWarned.length ? 'callout-error' : 'callout-warning'} mdl-leakage`}
          role={chosenWarned.length ? 'alert' : 'note'}
          aria-label="Leakage warnings"
        >
          <strong>
            {chosenWarned.length
              ? `${chosenWarned.length === 1 ? 'A chosen predictor' : `${chosenWarned.length} chosen predictors`} may give the outcome away:`
              : 'Left out because they may give the outcome away:'}
          </strong>
          <ul>
            {warned.map((c) => (
              <li key={c.name}>
                <strong>{c.name}</strong>: {c.warning}
              </li>
            ))}
          </ul>
          {chosenWarned.length > 0 && (
            <p>
              A value known only after the offer (like a call’s duration) makes the report look excellent and
              the model useless in real decisions. Untick it unless you know it is known before the decision.
            </p>
          )}
        </div>
      )}
      <div className="mdl-predictor-head">
        <span>
          {count} of {choices.length} predictors chosen
        </span>
        <button type="button" className="link-button" onClick={() => set((c) => c.include)}>
          Use the suggested ones
        </button>
        <button type="button" className="link-button" onClick={() => set(() => false)}>
          Clear all
        </button>
      </div>
      <table className="data-table mdl-table mdl-predictors" aria-label="Predictors">
        <TableHead columns={['Use', 'Predictor', 'Type', 'Note']} />
        <tbody>
          {choices.map((c) => (
            <tr key={c.name} className={c.warning ? 'mdl-row-warning' : !c.include ? 'mdl-row-excluded' : ''}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Use ${c.name}`}
                  checked={!!chosen[c.name]}
                  onChange={(e) => onChange({ ...chosen, [c.name]: e.target.checked })}
                />
              </td>
              <th scope="row">
                {c.name}
                {c.input && c.input !== c.name && <span className="muted small mdl-input"> {c.input}</span>}
              </th>
              <td>{c.type}</td>
              <td>
                {c.warning && <span className="mdl-warning-text">⚠ {c.warning}</span>}
                {c.warning && c.reason ? ' ' : ''}
                {c.reason && <span className="muted">{c.reason}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
