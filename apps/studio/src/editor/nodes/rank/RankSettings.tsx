import { useMemo } from 'react';
import { Field, Select, Toggle } from '../../../shared/ui';
import { FieldMessages } from '../../field-messages';
import { fieldOptions } from '../../fields/field-catalog';
import type { ConfigOf, SettingsProps } from '../node-kind';
import { LimitField, PanelSection } from '../panel-parts';

type RankConfig = ConfigOf<'rank'>;

export function RankSettings({ config, onChange, problems, context }: SettingsProps<RankConfig>) {
  const fields = useMemo(
    () => fieldOptions(context.env, context.doc, ['fields']),
    [context.env, context.doc],
  );
  return (
    <PanelSection title="Order and keep the best">
      <Field label="Sort by" htmlFor="rank-by">
        <Select
          id="rank-by"
          label="Sort by"
          value={config.by}
          invalid={problems.has('config.by')}
          options={fields.map((f) => ({ value: f.name, label: f.label }))}
          onChange={(by) => onChange({ ...config, by })}
        />
        <FieldMessages messages={problems.messages('config.by')} warning />
      </Field>
      <Field label="Order" htmlFor="rank-order">
        <Select
          id="rank-order"
          label="Order"
          value={config.order}
          options={[
            { value: 'desc', label: 'Highest first' },
            { value: 'asc', label: 'Lowest first' },
          ]}
          onChange={(order) => onChange({ ...config, order })}
        />
      </Field>
      <Toggle
        checked={config.onePerGroup}
        onChange={(onePerGroup) => onChange({ ...config, onePerGroup })}
        label="At most one action per group"
        hint="(the best of each group)"
      />
      <LimitField
        id="rank-limit"
        label="Keep the top"
        config={config}
        onChange={onChange}
        problems={problems}
      />
    </PanelSection>
  );
}
