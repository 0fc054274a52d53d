import { useId } from 'react';
import { SelectField, TextField } from '../shared/labelled-fields';
import type { TrainingChoices, TrainingDataset } from './models-api';
import { formatCount } from './report-model';
import type { TrainingForm } from './training-form';

/** The wizard's first two steps: which dataset, and which column (with which values) to predict. */
export function DatasetStep({
  form,
  datasets,
  onChange,
}: {
  form: TrainingForm;
  datasets: TrainingDataset[] | undefined;
  onChange(patch: Partial<TrainingForm>): void;
}) {
  const id = useId();
  if (!datasets) return <p className="muted">Loading the datasets…</p>;
  if (datasets.length === 0)
    return (
      <p className="callout callout-warning">
        There is no dataset ready to learn from. Upload one with the customers’ outcomes on the{' '}
        <a href="#/datasets">Datasets</a> page first.
      </p>
    );
  return (
    <div className="mdl-step">
      <SelectField
        id={`${id}-dataset`}
        label="Dataset"
        hint="The historical customers with the outcome to learn."
        value={form.datasetId}
        options={datasets.map((d) => ({
          value: d.id,
          label: `${d.name} (${formatCount(d.rowCount)} rows)`,
        }))}
        onChange={(datasetId) => datasetId !== form.datasetId && onChange({ datasetId, predictors: {} })}
      />
      {!form.modelId && (
        <>
          <TextField
            id={`${id}-name`}
            label="Model name"
            hint="How designers find it in the score step."
            value={form.name}
            onChange={(name) => onChange({ name })}
          />
          <TextField
            id={`${id}-description`}
            label="Description (optional)"
            inputLabel="Description"
            value={form.description}
            onChange={(description) => onChange({ description })}
          />
        </>
      )}
    </div>
  );
}

export function TargetStep({
  form,
  choices,
  onChange,
  onPositives,
}: {
  form: TrainingForm;
  choices: TrainingChoices;
  onChange(column: string): void;
  onPositives(values: string[]): void;
}) {
  const id = useId();
  const values = choices.targets.find((t) => t.column === form.targetColumn)?.values ?? [];
  return (
    <div className="mdl-step">
      <p className="muted small">{formatCount(choices.rows)} rows in this dataset.</p>
      <SelectField
        id={`${id}-target`}
        label="Target: the outcome to predict"
        inputLabel="Target column"
        hint="The column that says whether the customer accepted."
        value={form.targetColumn}
        options={choices.targets.map((t) => ({ value: t.column, label: t.column }))}
        onChange={onChange}
      />
      {form.targetColumn && (
        <fieldset className="mdl-positives">
          <legend>Values that count as positive (accepted)</legend>
          {values.map((v) => (
            <label key={v} className="mdl-check">
              <input
                type="checkbox"
                checked={form.positiveValues.includes(v)}
                onChange={(e) =>
                  onPositives(
                    e.target.checked
                      ? [...form.positiveValues, v]
                      : form.positiveValues.filter((x) => x !== v),
                  )
                }
              />
              {v === '' ? '(empty)' : v}
            </label>
          ))}
          <p className="muted small">Every other value counts as negative.</p>
        </fieldset>
      )}
    </div>
  );
}
