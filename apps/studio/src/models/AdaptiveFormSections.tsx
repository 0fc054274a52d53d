import { ChipsInput, Field, Select, type Choice } from '../shared/ui';
import { GROUP_BY_WORDS, type AdaptiveForm, type AdaptiveFormErrors, type GroupBy } from './adaptive-model';
import { NumberField } from './AdaptiveFormFields';

const OUTCOME_SUGGESTIONS = ['accepted', 'clicked', 'converted', 'declined', 'ignored', 'dismissed'];

interface SectionProps {
  form: AdaptiveForm;
  errors: AdaptiveFormErrors;
  update(patch: Partial<AdaptiveForm>): void;
}

/** Which outcome names count as success and which as failure. */
export function OutcomesFieldset({ form, errors, update }: SectionProps) {
  return (
    <fieldset className="adaptive-fieldset">
      <legend>Outcomes</legend>
      <div className="adaptive-form-row">
        <OutcomeNames
          label="Positive outcomes"
          hint="Outcome names that count as success."
          values={form.positiveOutcomes}
          error={errors.positiveOutcomes}
          onChange={(positiveOutcomes) => update({ positiveOutcomes })}
        />
        <OutcomeNames
          label="Negative outcomes"
          hint="Outcome names that count as failure (report “ignored” for no response)."
          values={form.negativeOutcomes}
          error={errors.negativeOutcomes}
          onChange={(negativeOutcomes) => update({ negativeOutcomes })}
        />
      </div>
    </fieldset>
  );
}

/** Outcome names typed as chips, with the usual ones suggested. */
function OutcomeNames({
  label,
  hint,
  values,
  error,
  onChange,
}: {
  label: string;
  hint: string;
  values: string[];
  error: string | undefined;
  onChange(values: string[]): void;
}) {
  return (
    <Field label={label} hint={hint} errors={error ? [error] : undefined}>
      <ChipsInput
        label={label}
        values={values}
        suggestions={OUTCOME_SUGGESTIONS}
        invalid={!!error}
        onChange={onChange}
      />
    </Field>
  );
}

/** The prior, grouping, exploration share and maturity. */
export function LearningFieldset({
  id,
  form,
  errors,
  update,
  priorOptions,
}: SectionProps & { id: string; priorOptions: Choice<string>[] }) {
  return (
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
  );
}

/** The optional floors of the guard's alert. */
export function GuardFieldset({ id, form, errors, update }: SectionProps & { id: string }) {
  return (
    <fieldset className="adaptive-fieldset">
      <legend>Guard</legend>
      <p className="field-hint">Optional: raise an alert when the model’s rolling figures fall past these.</p>
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
  );
}
