import { useEffect, useId, useState } from 'react';
import { FACT_WORDS, referenceOf, type FieldOption } from '../editor/fields/field-catalog';
import { errorMessage } from '../shared/error-message';
import { Button, ChipsInput, Field, Select, TextInput } from '../shared/ui';
import {
  checkAdaptiveForm,
  emptyAdaptiveForm,
  GROUP_BY_WORDS,
  predictorType,
  serverErrors,
  type AdaptiveApi,
  type AdaptiveForm,
  type AdaptiveFormErrors,
  type GroupBy,
} from './adaptive-model';
import type { ModelsApi, ModelSummary } from './models-api';
import { formatMetric } from './report-model';

const OUTCOME_SUGGESTIONS = ['accepted', 'clicked', 'converted', 'declined', 'ignored', 'dismissed'];

/**
 * "New adaptive model" and "Reconfigure" (a new version): predictors from the schema and the
 * actions, the outcome mapping, an optional trained prior, exploration, maturity, grouping and the
 * guard's floors. The form's checks run on submit; the API's field errors land on the same fields.
 */
export function AdaptiveModelForm({
  api,
  models,
  initial,
  modelId,
  onClose,
  onSaved,
}: {
  api: AdaptiveApi;
  models: Pick<ModelsApi, 'list'>;
  initial?: AdaptiveForm;
  /** Set when reconfiguring: the save adds a version to this model. */
  modelId?: string;
  onClose(): void;
  onSaved(model: ModelSummary): void;
}) {
  const titleId = useId();
  const id = useId();
  const [form, setForm] = useState<AdaptiveForm>(initial ?? emptyAdaptiveForm());
  const [errors, setErrors] = useState<AdaptiveFormErrors>({});
  const [inputs, setInputs] = useState<FieldOption[]>();
  const [priors, setPriors] = useState<ModelSummary[]>([]);
  const [loadError, setLoadError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    Promise.all([api.inputs(), models.list()]).then(
      ([found, list]) => {
        if (!current) return;
        setInputs(found);
        setPriors(list.filter((m) => m.kind !== 'adaptive' && m.versions.length > 0));
      },
      (err: unknown) => current && setLoadError(errorMessage(err)),
    );
    return () => {
      current = false;
    };
  }, [api, models]);

  const update = (patch: Partial<AdaptiveForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    // A field's error goes once it is changed; the others stay until the next save.
    setErrors(({ form: _whole, ...e }) => {
      for (const key of Object.keys(patch)) delete e[key as keyof typeof e];
      return e;
    });
  };

  const save = async () => {
    const checked = checkAdaptiveForm(form);
    setErrors(checked.errors);
    if (!checked.input) return;
    setBusy(true);
    try {
      onSaved(modelId ? await api.reconfigure(modelId, checked.input) : await api.create(checked.input));
    } catch (err) {
      setErrors(serverErrors(err, form));
      setBusy(false);
    }
  };

  const togglePredictor = (option: FieldOption, on: boolean) => {
    const input = referenceOf(option);
    const type = predictorType(option);
    if (!type) return;
    update({
      predictors: on
        ? [...form.predictors.filter((p) => p.input !== input), { input, type }]
        : form.predictors.filter((p) => p.input !== input),
    });
  };

  const priorOptions = [
    { value: '', label: 'None: start from no knowledge' },
    // A prior's weights come from a logistic regression.
    ...priors.flatMap((m) =>
      m.versions
        .filter((v) => v.algorithm === 'LOGISTIC')
        .map((v) => ({
          value: `${m.id}@${v.version}`,
          label: `${m.name} v${v.version} · AUC ${formatMetric(v.auc)}`,
        })),
    ),
  ];
  const problems = Object.keys(errors).length;

  return (
    <section className="mdl-wizard adaptive-form" aria-labelledby={titleId}>
      <div className="mdl-wizard-head">
        <h2 id={titleId}>{modelId ? `Reconfigure ${initial?.name ?? 'the model'}` : 'New adaptive model'}</h2>
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      <p className="muted small">
        An adaptive model learns from every outcome reported for the decisions it scored, one model per action
        by default. Its configuration is reviewed with the strategy that uses it;{' '}
        {modelId ? 'saving adds a new version.' : 'what it learns is recorded as snapshots.'}
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="adaptive-form-row">
          <Field label="Name" htmlFor={`${id}-name`} errors={errors.name ? [errors.name] : undefined}>
            <TextInput
              id={`${id}-name`}
              label="Name"
              value={form.name}
              invalid={!!errors.name}
              onChange={(name) => update({ name })}
            />
          </Field>
          <Field
            label="Description"
            htmlFor={`${id}-description`}
            hint="Optional: what it predicts, for whom."
          >
            <TextInput
              id={`${id}-description`}
              label="Description"
              value={form.description}
              onChange={(description) => update({ description })}
            />
          </Field>
        </div>

        <fieldset className="adaptive-fieldset" aria-describedby={`${id}-predictors-hint`}>
          <legend>Predictors</legend>
          <p className="field-hint" id={`${id}-predictors-hint`}>
            What the decision knows that may explain acceptance: customer and context fields from the customer
            schema and the actions’ fields. The type comes from the schema.
          </p>
          {loadError && (
            <p className="field-error" role="alert">
              Could not load the fields: {loadError}
            </p>
          )}
          {!inputs && !loadError && <p className="muted small">Loading the fields…</p>}
          {inputs && (
            <PredictorChoices
              options={inputs}
              chosen={form.predictors.map((p) => p.input)}
              onToggle={togglePredictor}
            />
          )}
          {errors.predictors && (
            <div className="field-error" role="alert">
              {errors.predictors}
            </div>
          )}
        </fieldset>

        <fieldset className="adaptive-fieldset">
          <legend>Outcomes</legend>
          <div className="adaptive-form-row">
            <Field
              label="Positive outcomes"
              hint="Outcome names that count as success."
              errors={errors.positiveOutcomes ? [errors.positiveOutcomes] : undefined}
            >
              <ChipsInput
                label="Positive outcomes"
                values={form.positiveOutcomes}
                suggestions={OUTCOME_SUGGESTIONS}
                invalid={!!errors.positiveOutcomes}
                onChange={(positiveOutcomes) => update({ positiveOutcomes })}
              />
            </Field>
            <Field
              label="Negative outcomes"
              hint="Outcome names that count as failure (report “ignored” for no response)."
              errors={errors.negativeOutcomes ? [errors.negativeOutcomes] : undefined}
            >
              <ChipsInput
                label="Negative outcomes"
                values={form.negativeOutcomes}
                suggestions={OUTCOME_SUGGESTIONS}
                invalid={!!errors.negativeOutcomes}
                onChange={(negativeOutcomes) => update({ negativeOutcomes })}
              />
            </Field>
          </div>
        </fieldset>

        <fieldset className="adaptive-fieldset">
          <legend>Learning</legend>
          <div className="adaptive-form-row">
            <Field
              label="Prior"
              htmlFor={`${id}-prior`}
              hint="Optional: a trained logistic regression to start from, so day one is not blind."
              errors={errors.prior ? [errors.prior] : undefined}
            >
              <Select
                id={`${id}-prior`}
                label="Prior"
                value={form.prior}
                options={priorOptions}
                invalid={!!errors.prior}
                onChange={(prior) => update({ prior })}
              />
            </Field>
            <Field
              label="Group by"
              htmlFor={`${id}-group`}
              errors={errors.groupBy ? [errors.groupBy] : undefined}
            >
              <Select<GroupBy>
                id={`${id}-group`}
                label="Group by"
                value={form.groupBy}
                options={(Object.keys(GROUP_BY_WORDS) as GroupBy[]).map((g) => ({
                  value: g,
                  label: GROUP_BY_WORDS[g],
                }))}
                onChange={(groupBy) => update({ groupBy })}
              />
            </Field>
          </div>
          <div className="adaptive-form-row">
            <NumberField
              id={`${id}-share`}
              label="Exploration share"
              hint="0 to 1: the share of decisions that draw from the model’s uncertainty (Thompson sampling)."
              value={form.explorationShare}
              error={errors.explorationShare}
              onChange={(explorationShare) => update({ explorationShare })}
            />
            <NumberField
              id={`${id}-maturity`}
              label="Maturity (outcomes)"
              hint="Evidence after which a model counts as mature; immature ones are explored first."
              value={form.maturity}
              error={errors.maturity}
              onChange={(maturity) => update({ maturity })}
            />
          </div>
        </fieldset>

        <fieldset className="adaptive-fieldset">
          <legend>Guard</legend>
          <p className="field-hint">
            Optional: raise an alert when the model’s rolling figures fall past these.
          </p>
          <div className="adaptive-form-row">
            <NumberField
              id={`${id}-auc`}
              label="AUC floor"
              hint="Alert when the rolling AUC is below this (e.g. 0.6)."
              value={form.aucFloor}
              error={errors.aucFloor}
              onChange={(aucFloor) => update({ aucFloor })}
            />
            <NumberField
              id={`${id}-calibration`}
              label="Calibration floor"
              hint="Alert when the calibration error is above this (e.g. 0.1)."
              value={form.calibrationFloor}
              error={errors.calibrationFloor}
              onChange={(calibrationFloor) => update({ calibrationFloor })}
            />
          </div>
        </fieldset>

        {errors.form && (
          <p className="callout callout-error" role="alert">
            Not saved: {errors.form}
          </p>
        )}
        {problems > 0 && !errors.form && (
          <p className="field-error" role="status">
            Not saved: {problems === 1 ? 'one field needs' : `${problems} fields need`} a change.
          </p>
        )}
        <div className="wizard-actions">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : modelId ? 'Save as a new version' : 'Create the model'}
          </Button>
        </div>
      </form>
    </section>
  );
}

function NumberField({
  id,
  label,
  hint,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  error?: string;
  onChange(value: string): void;
}) {
  return (
    <Field label={label} htmlFor={id} hint={hint} errors={error ? [error] : undefined}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className={error ? 'invalid' : undefined}
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** The inputs, grouped customer / context / action, each with its type; lists and dates cannot be chosen. */
function PredictorChoices({
  options,
  chosen,
  onToggle,
}: {
  options: FieldOption[];
  chosen: string[];
  onToggle(option: FieldOption, on: boolean): void;
}) {
  if (options.length === 0)
    return (
      <p className="muted small">
        No fields yet: a designer declares customer fields on the Customer schema page and actions in the
        catalog.
      </p>
    );
  const facts = [...new Set(options.map((o) => o.fact))];
  return (
    <div className="adaptive-predictors">
      {facts.map((fact) => (
        <div
          key={fact}
          role="group"
          aria-label={`${FACT_WORDS[fact]} fields`}
          className="adaptive-predictor-group"
        >
          <strong className="small">{FACT_WORDS[fact]}</strong>
          {options
            .filter((o) => o.fact === fact)
            .map((o) => {
              const type = predictorType(o);
              const input = referenceOf(o);
              return (
                <label
                  key={input}
                  className={`adaptive-predictor ${type ? '' : 'muted'}`}
                  title={type ? undefined : `A ${o.type} cannot be a predictor.`}
                >
                  <input
                    type="checkbox"
                    checked={chosen.includes(input)}
                    disabled={!type}
                    onChange={(e) => onToggle(o, e.target.checked)}
                  />{' '}
                  <code>{input}</code> <span className="muted small">{o.type}</span>
                </label>
              );
            })}
        </div>
      ))}
    </div>
  );
}
