import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../shared/error-message';
import { Button, Field, Select, TextInput } from '../shared/ui';
import type { ModelsApi, TrainingChoices, TrainingDataset, TrainingJobView } from './models-api';
import { AdvancedSettings } from './AdvancedSettings';
import { PredictorPicker } from './PredictorPicker';
import { ALGORITHMS, formatCount } from './report-model';
import {
  choosePredictors,
  emptyForm,
  guessPositiveValues,
  STEP_WORDS,
  stepProblems,
  trainRequest,
  WIZARD_STEPS,
  type TrainingForm,
  type WizardStep,
} from './training-form';

/**
 * Dataset → target and its positive values → predictors (with the API's suggestions, reasons and
 * leakage warnings) → algorithm, advanced settings folded away → Train. Each step asks the API what
 * the next one offers.
 */
export function TrainingWizard({
  api,
  initial,
  modelName,
  onClose,
  onStarted,
}: {
  api: ModelsApi;
  /** A retrain's form, set up like the latest version. */
  initial?: TrainingForm;
  /** The model a retrain adds a version to. */
  modelName?: string;
  onClose(): void;
  onStarted(job: TrainingJobView): void;
}) {
  const titleId = useId();
  const [step, setStep] = useState<WizardStep>('dataset');
  const [form, setForm] = useState<TrainingForm>(initial ?? emptyForm());
  const [datasets, setDatasets] = useState<TrainingDataset[]>();
  const [targets, setTargets] = useState<TrainingChoices>();
  const [predictors, setPredictors] = useState<TrainingChoices>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [showProblems, setShowProblems] = useState(false);

  useEffect(() => {
    api.datasets().then(
      (list) => setDatasets(list),
      (err: unknown) => setError(`Could not load the datasets: ${errorMessage(err)}`),
    );
  }, [api]);

  const update = (patch: Partial<TrainingForm>) => setForm((f) => ({ ...f, ...patch }));
  const targetValues = targets?.targets.find((t) => t.column === form.targetColumn)?.values ?? [];
  const problems = stepProblems(step, form, targetValues);

  /** Runs a step's request with a busy message; errors land in the wizard. */
  const ask = async (message: string, work: () => Promise<void>) => {
    setBusy(message);
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(undefined);
    }
  };

  const next = async () => {
    setShowProblems(true);
    if (problems.length > 0) return;
    setShowProblems(false);
    if (step === 'dataset')
      await ask('Reading the dataset’s columns…', async () => {
        const found = await api.choices(form.datasetId);
        setTargets(found);
        // A retrain's target stays if this dataset still has it.
        const kept = found.targets.find((t) => t.column === form.targetColumn);
        if (!kept) update({ targetColumn: '', positiveValues: [] });
        setStep('target');
      });
    else if (step === 'target')
      await ask('Looking at the predictors for this target…', async () => {
        const found = await api.choices(form.datasetId, form.targetColumn);
        setPredictors(found);
        setForm((f) => ({ ...f, predictors: choosePredictors(found.predictors, f.predictors) }));
        setStep('predictors');
      });
    else if (step === 'predictors') setStep('algorithm');
    else
      await ask('Starting the training…', async () => {
        onStarted(await api.train(trainRequest(form)));
      });
  };

  const back = () => {
    setShowProblems(false);
    setError(undefined);
    setStep(WIZARD_STEPS[Math.max(0, WIZARD_STEPS.indexOf(step) - 1)]!);
  };

  const index = WIZARD_STEPS.indexOf(step);
  return (
    <section className="mdl-wizard" aria-labelledby={titleId}>
      <div className="mdl-wizard-head">
        <h2 id={titleId}>
          {form.modelId ? `Train a new version of ${modelName ?? 'this model'}` : 'Train a model'}
        </h2>
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      <ol className="wizard-steps" aria-label="Steps">
        {WIZARD_STEPS.map((s, i) => (
          <li
            key={s}
            className={i === index ? 'step-current' : i < index ? 'step-done' : ''}
            aria-current={i === index ? 'step' : undefined}
          >
            {i + 1}. {STEP_WORDS[s]}
          </li>
        ))}
      </ol>

      {step === 'dataset' && <DatasetStep form={form} datasets={datasets} onChange={update} />}
      {step === 'target' && targets && (
        <TargetStep
          form={form}
          choices={targets}
          onChange={(column) =>
            update({
              targetColumn: column,
              positiveValues: guessPositiveValues(
                targets.targets.find((t) => t.column === column)?.values ?? [],
              ),
              predictors: {},
            })
          }
          onPositives={(positiveValues) => update({ positiveValues })}
        />
      )}
      {step === 'predictors' && predictors && (
        <PredictorPicker
          choices={predictors.predictors}
          chosen={form.predictors}
          onChange={(chosen) => update({ predictors: chosen })}
        />
      )}
      {step === 'algorithm' && (
        <>
          <fieldset className="mdl-algorithms">
            <legend>Algorithm</legend>
            {ALGORITHMS.map((a) => (
              <label
                key={a.value}
                className={`mdl-algorithm ${form.algorithm === a.value ? 'mdl-algorithm-chosen' : ''}`}
              >
                <input
                  type="radio"
                  name={`${titleId}-algorithm`}
                  value={a.value}
                  checked={form.algorithm === a.value}
                  onChange={() => update({ algorithm: a.value })}
                />
                <span>
                  <strong>{a.label}</strong>
                  <span className="muted small mdl-algorithm-line">{a.explanation}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <AdvancedSettings
            form={form}
            timeColumns={predictors?.timeColumns ?? targets?.timeColumns ?? []}
            onChange={update}
          />
        </>
      )}

      {busy && (
        <p className="muted" role="status">
          {busy}
        </p>
      )}
      {showProblems && problems.length > 0 && (
        <div className="callout callout-error" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      {error && (
        <p className="callout callout-error" role="alert">
          {error}
        </p>
      )}
      <div className="wizard-actions">
        {index > 0 && (
          <Button onClick={back} disabled={!!busy}>
            Back
          </Button>
        )}
        <Button variant="primary" onClick={() => void next()} disabled={!!busy}>
          {step === 'algorithm' ? 'Train' : 'Next'}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </section>
  );
}

function DatasetStep({
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

function TargetStep({
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
