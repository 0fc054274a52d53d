import { Field, Select, TextInput, Toggle } from '../../../shared/ui';
import { FieldMessages } from '../../field-messages';
import { ModelEditor, newModel } from '../../models/ModelEditor';
import type { ConfigOf, SettingsProps } from '../node-kind';
import { PanelSection } from '../panel-parts';
import { ScopedEntries } from '../scoped-list';

type ScoreConfig = ConfigOf<'score'>;

const FIELDS = [
  { value: 'propensity', label: 'Propensity (chance the customer accepts)' },
  { value: 'value', label: 'Value (what an acceptance is worth)' },
  { value: 'custom', label: 'Another number…' },
];

export function ScoreSettings({ config, onChange, problems, context }: SettingsProps<ScoreConfig>) {
  const custom = config.field !== 'propensity' && config.field !== 'value';
  return (
    <>
      <PanelSection title="What this step calculates">
        <Select
          label="Number to set"
          value={custom ? 'custom' : config.field}
          options={FIELDS}
          onChange={(v) => onChange({ ...config, field: v === 'custom' ? 'score' : v })}
        />
        {custom && (
          <Field label="Name of the number">
            <TextInput
              label="Name of the number"
              value={config.field}
              invalid={problems.has('config.field')}
              onChange={(field) => onChange({ ...config, field }, 'config.field')}
            />
            <FieldMessages messages={problems.messages('config.field')} />
          </Field>
        )}
      </PanelSection>
      <PanelSection
        title="Model for every action"
        hint="Groups or actions with their own model below use that one instead."
      >
        <Toggle
          checked={config.model !== undefined}
          onChange={(on) => onChange({ ...config, model: on ? newModel('logistic') : undefined })}
          label="Use one model for all actions"
        />
        {config.model && (
          <ModelEditor
            value={config.model}
            onChange={(model, key) => onChange({ ...config, model }, key)}
            problems={problems}
            field="config.model"
          />
        )}
        {problems.messages('config.model').length > 0 && !config.model && (
          <div className="field-error">{problems.messages('config.model')[0]}</div>
        )}
      </PanelSection>
      <PanelSection title="Models per group or action">
        <ScopedEntries
          config={config}
          onChange={onChange}
          context={context}
          addLabel="Add a model for"
          makeNew={() => newModel('logistic')}
          render={(model, update, { field }) => (
            <ModelEditor value={model} onChange={update} problems={problems} field={field} />
          )}
        />
      </PanelSection>
    </>
  );
}
