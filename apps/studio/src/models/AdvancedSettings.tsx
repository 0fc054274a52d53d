import { useId } from 'react';
import { Field, NumberInput, Select } from '../shared/ui';
import { ALGORITHMS } from './report-model';
import { ALGORITHM_SETTINGS, type SettingDef, type TrainingForm } from './training-form';

/** Seed, held-out share, time split and the chosen algorithm's settings, folded away by default. */
export function AdvancedSettings({
  form,
  timeColumns,
  onChange,
}: {
  form: TrainingForm;
  timeColumns: readonly string[];
  onChange(patch: Partial<TrainingForm>): void;
}) {
  const id = useId();
  const values = form.settings[form.algorithm] ?? {};
  const setSetting = (key: string, value: number | boolean | undefined) =>
    onChange({ settings: { ...form.settings, [form.algorithm]: { ...values, [key]: value } } });
  const algorithm = ALGORITHMS.find((a) => a.value === form.algorithm)!;
  return (
    <details className="mdl-details mdl-advanced">
      <summary>Advanced settings</summary>
      <div className="mdl-settings-grid">
        <Field label="Seed" htmlFor={`${id}-seed`} hint="Same data, settings and seed give the same model.">
          <NumberInput
            id={`${id}-seed`}
            label="Seed"
            integer
            min={0}
            max={2 ** 31 - 1}
            value={form.seed}
            onChange={(seed) => seed !== undefined && onChange({ seed })}
          />
        </Field>
        <Field
          label="Held-out share (%)"
          htmlFor={`${id}-test`}
          hint="Rows kept aside to evaluate the model."
        >
          <NumberInput
            id={`${id}-test`}
            label="Held-out share (%)"
            min={5}
            max={50}
            value={Math.round(form.testShare * 1000) / 10}
            onChange={(v) => v !== undefined && onChange({ testShare: v / 100 })}
          />
        </Field>
        <Field
          label="Split"
          htmlFor={`${id}-split`}
          hint={
            timeColumns.length
              ? 'By time, the latest rows are held out: closer to how the model will be used.'
              : 'This dataset has no date column, so the split is random.'
          }
        >
          <Select
            id={`${id}-split`}
            label="Split"
            value={form.timeColumn}
            options={[
              { value: '', label: 'At random, stratified by the target' },
              ...timeColumns.map((c) => ({ value: c, label: `By time: the latest rows by ${c}` })),
            ]}
            onChange={(timeColumn) => onChange({ timeColumn })}
          />
        </Field>
      </div>
      <h4>{algorithm.label}</h4>
      <p className="muted small">Empty fields keep the trainer’s defaults (recorded with the version).</p>
      <div className="mdl-settings-grid">
        {ALGORITHM_SETTINGS[form.algorithm].map((def) => (
          <SettingField
            key={def.key}
            def={def}
            value={values[def.key]}
            onChange={(v) => setSetting(def.key, v)}
          />
        ))}
      </div>
    </details>
  );
}

function SettingField({
  def,
  value,
  onChange,
}: {
  def: SettingDef;
  value: number | boolean | undefined;
  onChange(value: number | boolean | undefined): void;
}) {
  const id = useId();
  return (
    <Field label={def.label} htmlFor={id} hint={def.hint || undefined}>
      {def.kind === 'boolean' ? (
        <Select
          id={id}
          label={def.label}
          value={value === undefined ? 'default' : value ? 'on' : 'off'}
          options={[
            { value: 'default', label: `Default (${def.fallback})` },
            { value: 'on', label: 'On' },
            { value: 'off', label: 'Off' },
          ]}
          onChange={(v) => onChange(v === 'default' ? undefined : v === 'on')}
        />
      ) : (
        <NumberInput
          id={id}
          label={def.label}
          optional
          placeholder={`default ${def.fallback}`}
          integer={def.kind === 'integer'}
          min={def.min}
          max={def.max}
          value={typeof value === 'number' ? value : undefined}
          onChange={onChange}
        />
      )}
    </Field>
  );
}
