import { useId } from 'react';
import { Field, Select, TextInput } from '../shared/ui';
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
      <Field
        label="Dataset"
        htmlFor={`${id}-dataset`}
        hint="The historical customers with the outcome to learn."
      >
        <Select
          id={`${id}-dataset`}
          label="Dataset"
          value={form.datasetId}
          options={datasets.map((d) => ({
            value: d.id,
            label: `${d.name} (${formatCount(d.rowCount)} rows)`,
          }))}
          onChange={(datasetId) => datasetId !== form.datasetId && onChange({ datasetId, predictors: {} })}
        />
      </Field>
      {!form.modelId && (
        <>
          <Field label="Model name" htmlFor={`${id}-name`} hint="How designers find it in the score step.">
            <TextInput
              id={`${id}-name`}
              label="Model name"
              value={form.name}
              onChange={(name) => onChange({ name })}
            />
          </Field>
          <Field label="Description (optional)" htmlFor={`${id}-description`}>
            <TextInput
              id={`${id}-description`}
              label="Description"
              value={form.description}
              onChange={(description) => onChange({ description })}
            />
          </Field>
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
      <Field
        label="Target: the outcome to predict"
        htmlFor={`${id}-target`}
        hint="The column that says whether the customer accepted."
      >
        <Select
          id={`${id}-target`}
          label="Target column"
          value={form.targetColumn}
          options={choices.targets.map((t) => ({ value: t.column, label: t.column }))}
          onChange={onChange}
        />
      </Field>
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
