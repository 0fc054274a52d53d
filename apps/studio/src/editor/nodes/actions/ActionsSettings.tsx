import { ChipsInput, Toggle } from '../../../shared/ui';
import { FieldMessages } from '../../field-messages';
import type { ConfigOf, SettingsProps } from '../node-kind';
import { CheckboxList, orUndefined, PanelSection } from '../panel-parts';

type ActionsConfig = ConfigOf<'actions'>;

export function ActionsSettings({ config, onChange, problems, context }: SettingsProps<ActionsConfig>) {
  const actions = context.env.actions;
  const groups = [...new Set(actions.flatMap((a) => (a.group ? [a.group] : [])))].sort();
  const channels = [...new Set(actions.flatMap((a) => (a.channel ? [a.channel] : [])))].sort();
  const tags = [...new Set(actions.flatMap((a) => a.tags ?? []))].sort();
  const selected = actions.filter(
    (a) =>
      (!config.actionIds?.length || config.actionIds.includes(a.id)) &&
      (!config.groups?.length || config.groups.includes(a.group ?? '')) &&
      (!config.channels?.length || config.channels.includes(a.channel ?? '')) &&
      (!config.tags?.length || config.tags.some((t) => a.tags?.includes(t))),
  );
  const set = (patch: Partial<ActionsConfig>) => onChange({ ...config, ...patch });
  return (
    <>
      <PanelSection
        title="Which actions start the flow"
        hint="Leave everything unticked to start with every action in the catalog. Actions outside their validity dates are left out automatically."
      >
        <p className="callout" aria-live="polite">
          {selected.length} of {actions.length} actions selected
        </p>
        <NameChecks
          label="Groups"
          names={groups}
          selected={config.groups}
          onChange={(v) => set({ groups: v })}
        />
        <NameChecks
          label="Channels"
          names={channels}
          selected={config.channels}
          onChange={(v) => set({ channels: v })}
        />
        {tags.length > 0 && (
          <div className="field">
            <span className="field-label">Tagged with any of</span>
            <ChipsInput
              label="Tags"
              values={config.tags ?? []}
              suggestions={tags}
              onChange={(v) => set({ tags: orUndefined(v) })}
            />
          </div>
        )}
        <CheckboxList
          label="Only these actions"
          options={actions.map((a) => ({
            value: a.id,
            label: a.name,
            hint: [a.group, a.channel].filter(Boolean).join(' · '),
          }))}
          selected={config.actionIds ?? []}
          onChange={(v) => set({ actionIds: orUndefined(v) })}
        />
        <FieldMessages messages={problems.messages('config.actionIds', true)} alert />
      </PanelSection>
      <PanelSection title="Channel">
        <Toggle
          checked={config.matchContextChannel === true}
          onChange={(v) => set({ matchContextChannel: v || undefined })}
          label="Only actions for the channel the customer is on"
          hint="(actions without a channel fit every channel)"
        />
      </PanelSection>
    </>
  );
}

/** Ticks for the groups or channels of the catalog (none: all of them); nothing when it has none. */
function NameChecks({
  label,
  names,
  selected,
  onChange,
}: {
  label: string;
  names: string[];
  selected: string[] | undefined;
  onChange(names: string[] | undefined): void;
}) {
  if (names.length === 0) return null;
  return (
    <CheckboxList
      label={label}
      options={names.map((n) => ({ value: n, label: n }))}
      selected={selected ?? []}
      onChange={(v) => onChange(orUndefined(v))}
    />
  );
}
