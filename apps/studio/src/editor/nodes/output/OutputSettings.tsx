import { NumberInput } from '../../../shared/ui';
import type { ConfigOf, SettingsProps } from '../node-kind';
import { PanelSection } from '../panel-parts';

export function OutputSettings({ config, onChange, problems }: SettingsProps<ConfigOf<'output'>>) {
  return (
    <PanelSection
      title="Recommendations returned"
      hint="The actions that reach this step are the answer, best first. Every strategy has exactly one output."
    >
      <div className="field">
        <label className="field-label" htmlFor="output-limit">
          Return at most
        </label>
        <NumberInput
          id="output-limit"
          label="Return at most"
          integer
          min={1}
          max={1000}
          optional
          placeholder="all"
          value={config.limit}
          onChange={(limit) => onChange({ ...config, limit }, 'config.limit')}
          invalid={problems.has('config.limit')}
        />
      </div>
    </PanelSection>
  );
}
