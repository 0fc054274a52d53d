import { ChipsField, errorsOf, SelectField } from '../shared/labelled-fields';
import type { Choice } from '../shared/ui';
import { GROUP_BY_WORDS, type AdaptiveForm, type AdaptiveFormErrors, type GroupBy } from './adaptive-model';
import { NumberField } from './AdaptiveFormFields';

const OUTCOME_SUGGESTIONS = ['accepted', 'clicked', 'converted', 'declined', 'ignored', 'dismissed'];

interface SectionProps {
  form: AdaptiveForm;
  errors: AdaptiveFormErrors;
  update(patch: Partial<AdaptiveForm>): void;
}

/** The outcome lists of the form: which names count as success and which as failure. */
const OUTCOME_FIELDS: { field: 'positiveOutcomes' | 'negativeOutcomes'; label: string; hint: string }[] = [
  { field: 'positiveOutcomes', label: 'Positive outcomes', hint: 'Outcome names that count as success.' },
  {
    field: 'negativeOutcomes',
    label: 'Negative outcomes',
    hint: 'Outcome names that count as failure (report “ignored” for no response).',
  },
];

/** Which outcome names count as success and which as failure. */
export function OutcomesFieldset({ form, errors, update }: SectionProps) {
  return (
    <fieldset className="adaptive-fieldset">
      <legend>Outcomes</legend>
      <div className="adaptive-form-row">
        {OUTCOME_FIELDS.map(({ field, label, hint }) => (
          <ChipsField
            key={field}
            label={label}
            hint={hint}
            errors={errorsOf(errors[field])}
            values={form[field]}
            suggestions={OUTCOME_SUGGESTIONS}
            onChange={(values) => update({ [field]: values })}
          />
        ))}
      </div>
    </fieldset>
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
        <SelectField
          id={`${id}-prior`}
          label="Prior"
          hint="Optional: a trained logistic regression to start from, so day one is not blind."
          errors={errorsOf(errors.prior)}
          value={form.prior}
          options={priorOptions}
          onChange={(prior) => update({ prior })}
        />
        <SelectField<GroupBy>
          id={`${id}-group`}
          label="Group by"
          errors={errorsOf(errors.groupBy)}
          value={form.groupBy}
          options={(Object.keys(GROUP_BY_WORDS) as GroupBy[]).map((g) => ({
            value: g,
            label: GROUP_BY_WORDS[g],
          }))}
          onChange={(groupBy) => update({ groupBy })}
        />
      </div>
      <NumberRow id={id} fields={LEARNING_NUMBERS} form={form} errors={errors} update={update} />
    </fieldset>
  );
}

/** The optional floors of the guard's alert. */
export function GuardFieldset({ id, form, errors, update }: SectionProps & { id: string }) {
  return (
    <fieldset className="adaptive-fieldset">
      <legend>Guard</legend>
      <p className="field-hint">Optional: raise an alert when the model’s rolling figures fall past these.</p>
      <NumberRow id={id} fields={GUARD_NUMBERS} form={form} errors={errors} update={update} />
    </fieldset>
  );
}

/** A number field of the form: `field` names its value and error, `id` ends its element id. */
interface NumberFieldDef {
  field: 'explorationShare' | 'maturity' | 'aucFloor' | 'calibrationFloor';
  id: string;
  label: string;
  hint: string;
}

const LEARNING_NUMBERS: NumberFieldDef[] = [
  {
    field: 'explorationShare',
    id: 'share',
    label: 'Exploration share',
    hint: '0 to 1: the share of decisions that draw from the model’s uncertainty (Thompson sampling).',
  },
  {
    field: 'maturity',
    id: 'maturity',
    label: 'Maturity (outcomes)',
    hint: 'Evidence after which a model counts as mature; immature ones are explored first.',
  },
];

const GUARD_NUMBERS: NumberFieldDef[] = [
  {
    field: 'aucFloor',
    id: 'auc',
    label: 'AUC floor',
    hint: 'Alert when the rolling AUC is below this (e.g. 0.6).',
  },
  {
    field: 'calibrationFloor',
    id: 'calibration',
    label: 'Calibration floor',
    hint: 'Alert when the calibration error is above this (e.g. 0.1).',
  },
];

/** A row of number fields, each bound to its value and error in the form. */
function NumberRow({
  id,
  fields,
  form,
  errors,
  update,
}: SectionProps & { id: string; fields: NumberFieldDef[] }) {
  return (
    <div className="adaptive-form-row">
      {fields.map((f) => (
        <NumberField
          key={f.field}
          id={`${id}-${f.id}`}
          label={f.label}
          hint={f.hint}
          value={form[f.field]}
          error={errors[f.field]}
          onChange={(value) => update({ [f.field]: value })}
        />
      ))}
    </div>
  );
}
