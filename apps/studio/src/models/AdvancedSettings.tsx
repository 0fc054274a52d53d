import { useId } from 'react';
import { NumberInputField, SelectField } from '../shared/labelled-fields';
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
        <NumberInputField
          id={`${id}-seed`}
          label="Seed"
          hint="Same data, settings and seed give the same model."
          integer
          min={0}
          max={2 ** 31 - 1}
          value={form.seed}
          onChange={(seed) => seed !== undefined && onChange({ seed })}
        />
        <NumberInputField
          id={`${id}-test`}
          label="Held-out share (%)"
          hint="Rows kept aside to evaluate the model."
          min={5}
          max={50}
          value={Math.round(form.testShare * 1000) / 10}
          onChange={(v) => v !== undefined && onChange({ testShare: v / 100 })}
        />
        <SelectField
          id={`${id}-split`}
          label="Split"
          hint={
            timeColumns.length
              ? 'By time, the latest rows are held out: closer to how the model will be used.'
              : 'This dataset has no date column, so the split is random.'
          }
          value={form.timeColumn}
          options={[
            { value: '', label: 'At random, stratified by the target' },
            ...timeColumns.map((c) => ({ value: c, label: `By time: the latest rows by ${c}` })),
          ]}
          onChange={(timeColumn) => onChange({ timeColumn })}
        />
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
  const field = { id: useId(), label: def.label, hint: def.hint || undefined };
  return def.kind === 'boolean' ? (
    <SelectField
      {...field}
      value={value === undefined ? 'default' : value ? 'on' : 'off'}
      options={[
        { value: 'default', label: `Default (${def.fallback})` },
        { value: 'on', label: 'On' },
        { value: 'off', label: 'Off' },
      ]}
      onChange={(v) => onChange(v === 'default' ? undefined : v === 'on')}
    />
  ) : (
    <NumberInputField
      {...field}
      optional
      placeholder={`default ${def.fallback}`}
      integer={def.kind === 'integer'}
      min={def.min}
      max={def.max}
      value={typeof value === 'number' ? value : undefined}
      onChange={onChange}
    />
  );
}
