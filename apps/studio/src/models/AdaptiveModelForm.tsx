import { useId, useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { referenceOf, type FieldOption } from '../editor/fields/field-catalog';
import { errorsOf, TextField } from '../shared/labelled-fields';
import { Button, ErrorCallout } from '../shared/ui';
import {
  checkAdaptiveForm,
  emptyAdaptiveForm,
  predictorType,
  serverErrors,
  type AdaptiveApi,
  type AdaptiveForm,
  type AdaptiveFormErrors,
} from './adaptive-model';
import { PredictorChoices } from './AdaptiveFormFields';
import { GuardFieldset, LearningFieldset, OutcomesFieldset } from './AdaptiveFormSections';
import type { ModelsApi, ModelSummary } from './models-api';
import { formatMetric } from './report-model';

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
  const [busy, setBusy] = useState(false);
  const choices = useServerQuery(() => Promise.all([api.inputs(), models.list()]), [api, models]);
  const inputs = choices.data?.[0];
  const priors = choices.data?.[1].filter((m) => m.kind !== 'adaptive' && m.versions.length > 0) ?? [];
  const loadError = choices.error;

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
    <section className="wizard-panel adaptive-form" aria-labelledby={titleId}>
      <div className="wizard-panel-head">
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
          <TextField
            id={`${id}-name`}
            label="Name"
            errors={errorsOf(errors.name)}
            value={form.name}
            onChange={(name) => update({ name })}
          />
          <TextField
            id={`${id}-description`}
            label="Description"
            hint="Optional: what it predicts, for whom."
            value={form.description}
            onChange={(description) => update({ description })}
          />
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

        <OutcomesFieldset form={form} errors={errors} update={update} />
        <LearningFieldset id={id} form={form} errors={errors} update={update} priorOptions={priorOptions} />
        <GuardFieldset id={id} form={form} errors={errors} update={update} />

        {errors.form && <ErrorCallout>Not saved: {errors.form}</ErrorCallout>}
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
