import type { ConfigOf, SettingsProps } from '../node-kind';
import { LimitField, PanelSection } from '../panel-parts';

export function OutputSettings({ config, onChange, problems }: SettingsProps<ConfigOf<'output'>>) {
  return (
    <PanelSection
      title="Recommendations returned"
      hint="The actions that reach this step are the answer, best first. Every strategy has exactly one output."
    >
      <LimitField
        id="output-limit"
        label="Return at most"
        config={config}
        onChange={onChange}
        problems={problems}
      />
    </PanelSection>
  );
}
