import { useMemo } from 'react';
import { NumberInput, Select, Toggle } from '../../../shared/ui';
import { fieldOptions } from '../../fields/field-catalog';
import type { ConfigOf, SettingsProps } from '../node-kind';
import { PanelSection } from '../panel-parts';

type RankConfig = ConfigOf<'rank'>;

export function RankSettings({ config, onChange, problems, context }: SettingsProps<RankConfig>) {
  const fields = useMemo(
    () => fieldOptions(context.env, context.doc, ['fields']),
    [context.env, context.doc],
  );
  return (
    <PanelSection title="Order and keep the best">
      <div className="field">
        <label className="field-label" htmlFor="rank-by">
          Sort by
        </label>
        <Select
          id="rank-by"
          label="Sort by"
          value={config.by}
          invalid={problems.has('config.by')}
          options={fields.map((f) => ({ value: f.name, label: f.label }))}
          onChange={(by) => onChange({ ...config, by })}
        />
        {problems.messages('config.by').map((m) => (
          <div key={m} className="field-warning">
            {m}
          </div>
        ))}
      </div>
      <div className="field">
        <label className="field-label" htmlFor="rank-order">
          Order
        </label>
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
      </div>
      <Toggle
        checked={config.onePerGroup}
        onChange={(onePerGroup) => onChange({ ...config, onePerGroup })}
        label="At most one action per group"
        hint="(the best of each group)"
      />
      <div className="field">
        <label className="field-label" htmlFor="rank-limit">
          Keep the top
        </label>
        <NumberInput
          id="rank-limit"
          label="Keep the top"
          integer
          min={1}
          max={1000}
          optional
          placeholder="all"
          value={config.limit}
          onChange={(limit) => onChange({ ...config, limit }, 'config.limit')}
          invalid={problems.has('config.limit')}
        />
        {problems.messages('config.limit').map((m) => (
          <div key={m} className="field-error">
            {m}
          </div>
        ))}
      </div>
    </PanelSection>
  );
}
