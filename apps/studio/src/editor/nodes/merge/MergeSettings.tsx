import type { ConfigOf, SettingsProps } from '../node-kind';
import { PanelSection } from '../panel-parts';

export function MergeSettings(_props: SettingsProps<ConfigOf<'merge'>>) {
  return (
    <PanelSection title="Nothing to set">
      <p className="muted">
        Connect the branches you want to join to this step. An action that arrives through two branches is
        kept once: from the first branch.
      </p>
    </PanelSection>
  );
}
