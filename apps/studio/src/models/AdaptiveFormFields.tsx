import { FACT_WORDS, referenceOf, type FieldOption } from '../editor/fields/field-catalog';
import { errorsOf } from '../shared/labelled-fields';
import { Field } from '../shared/ui';
import { predictorType } from './adaptive-model';

/** A number typed as text: the form's check on save says what is wrong with it. */
export function NumberField({
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
    <Field label={label} htmlFor={id} hint={hint} errors={errorsOf(error)}>
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
export function PredictorChoices({
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
