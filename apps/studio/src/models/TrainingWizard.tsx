import { useId, useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { useBusyTask } from '../shared/use-busy-task';
import { Button, ErrorCallout } from '../shared/ui';
import type { ModelsApi, TrainingChoices, TrainingJobView } from './models-api';
import { AdvancedSettings } from './AdvancedSettings';
import { DatasetStep, TargetStep } from './TrainingSteps';
import { PredictorPicker } from './PredictorPicker';
import { ALGORITHMS } from './report-model';
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
  const [targets, setTargets] = useState<TrainingChoices>();
  const [predictors, setPredictors] = useState<TrainingChoices>();
  const { busy: asking, error: stepError, setError, run } = useBusyTask();
  const [question, setQuestion] = useState<string>();
  /** What the wizard is waiting for, in words. */
  const busy = asking ? question : undefined;
  const list = useServerQuery(() => api.datasets(), [api]);
  const datasets = list.data;
  const error = stepError ?? (list.error && `Could not load the datasets: ${list.error}`);
  const [showProblems, setShowProblems] = useState(false);

  const update = (patch: Partial<TrainingForm>) => setForm((f) => ({ ...f, ...patch }));
  const targetValues = targets?.targets.find((t) => t.column === form.targetColumn)?.values ?? [];
  const problems = stepProblems(step, form, targetValues);

  /** Runs a step's request with a busy message; errors land in the wizard. */
  const ask = async (message: string, work: () => Promise<void>) => {
    setQuestion(message);
    await run(work);
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
    <section className="wizard-panel" aria-labelledby={titleId}>
      <div className="wizard-panel-head">
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
      {error && <ErrorCallout>{error}</ErrorCallout>}
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
