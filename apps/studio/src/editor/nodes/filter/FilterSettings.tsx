import { ConditionBuilder } from '../../conditions/ConditionBuilder';
import type { ConfigOf, SettingsProps } from '../node-kind';
import { PanelSection } from '../panel-parts';
import { ScopedEntries } from '../scoped-list';

type FilterConfig = ConfigOf<'filter'>;
const FACTS = ['customer', 'context', 'action', 'fields'] as const;

export function FilterSettings({ config, onChange, problems, context }: SettingsProps<FilterConfig>) {
  return (
    <>
      <PanelSection title="Keep candidates when" hint="Every candidate must meet these rules to go on.">
        <ConditionBuilder
          label="Rules for every candidate"
          value={config.condition}
          onChange={(condition, key) => onChange({ ...config, condition }, key)}
          facts={FACTS}
          problems={problems}
          field="config.condition"
        />
      </PanelSection>
      <PanelSection
        title="Extra rules for some groups or actions"
        hint="A group's or an action's own rules apply on top of the rules above."
      >
        <ScopedEntries
          config={config}
          onChange={onChange}
          context={context}
          addLabel="Add rules for"
          makeNew={() => ({ all: [] })}
          render={(condition, update, { name, field }) => (
            <ConditionBuilder
              label={`Rules for ${name}`}
              value={condition}
              onChange={update}
              facts={FACTS}
              problems={problems}
              field={field}
            />
          )}
        />
      </PanelSection>
    </>
  );
}
