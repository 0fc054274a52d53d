import type { ReactNode } from 'react';
import { Button, NumberInput, Select } from '../../../shared/ui';
import { FieldMessages } from '../../field-messages';
import { patchAt } from '../../list-edits';
import type { ProblemLookup } from '../../problems';
import type { ConfigOf, SettingsProps } from '../node-kind';
import { CheckboxList, PanelSection } from '../panel-parts';

type ContactPolicyConfig = ConfigOf<'contactPolicy'>;
type Limit = ContactPolicyConfig['limits'][number];
type Cooldown = ContactPolicyConfig['cooldowns'][number];
type Scope = Limit['scope'];
type Outcome = Limit['count'][number];

const SCOPES: { value: Scope; label: string }[] = [
  { value: 'action', label: 'the same action' },
  { value: 'group', label: 'the same group' },
  { value: 'channel', label: 'the same channel' },
  { value: 'all', label: 'any action' },
];
const OUTCOMES: { value: Outcome; label: string }[] = (
  ['shown', 'declined', 'ignored', 'clicked', 'accepted', 'converted'] as const
).map((value) => ({ value, label: value }));

export function ContactPolicySettings({ config, onChange, problems }: SettingsProps<ContactPolicyConfig>) {
  const setLimit = (i: number, patch: Partial<Limit> | undefined, key?: string) =>
    onChange({ ...config, limits: patchAt(config.limits, i, patch) }, key);
  const setCooldown = (i: number, patch: Partial<Cooldown> | undefined, key?: string) =>
    onChange({ ...config, cooldowns: patchAt(config.cooldowns, i, patch) }, key);
  return (
    <>
      <PanelSection
        title="How often at most"
        hint="Counts this customer's recorded contacts in the window; when the limit is reached, the action is held back."
      >
        {config.limits.length === 0 && <p className="muted small">No limits yet.</p>}
        {config.limits.map((l, i) => (
          <PolicyRule
            key={i}
            name={`Limit ${i + 1}`}
            field={`config.limits[${i}]`}
            problems={problems}
            outcomesLabel="Count contacts that were"
            outcomes={l.count}
            onOutcomes={(count) => setLimit(i, { count })}
            removeLabel="Remove this limit"
            onRemove={() => setLimit(i, undefined)}
          >
            <div className="sentence">
              At most{' '}
              <NumberInput
                label={`Limit ${i + 1}: maximum contacts`}
                integer
                min={0}
                max={1000}
                value={l.max}
                onChange={(max) => max !== undefined && setLimit(i, { max }, `limit:${i}:max`)}
                className="narrow"
              />{' '}
              contacts for{' '}
              <Select
                label={`Limit ${i + 1}: counted per`}
                value={l.scope}
                options={SCOPES}
                onChange={(scope) => setLimit(i, { scope })}
              />{' '}
              within{' '}
              <NumberInput
                label={`Limit ${i + 1}: window in days`}
                min={1}
                max={3650}
                value={l.windowDays}
                onChange={(windowDays) =>
                  windowDays !== undefined && setLimit(i, { windowDays }, `limit:${i}:window`)
                }
                className="narrow"
              />{' '}
              days
            </div>
          </PolicyRule>
        ))}
        <Button
          className="btn-small"
          onClick={() =>
            onChange({
              ...config,
              limits: [...config.limits, { scope: 'group', max: 2, windowDays: 7, count: ['shown'] }],
            })
          }
        >
          + Add limit
        </Button>
      </PanelSection>
      <PanelSection title="Rest after a no" hint="After the customer said no, leave them alone for a while.">
        {config.cooldowns.length === 0 && <p className="muted small">No rest periods yet.</p>}
        {config.cooldowns.map((c, i) => (
          <PolicyRule
            key={i}
            name={`Rest period ${i + 1}`}
            field={`config.cooldowns[${i}]`}
            problems={problems}
            outcomesLabel="after the customer"
            outcomes={c.after}
            onOutcomes={(after) => setCooldown(i, { after })}
            removeLabel="Remove this rest period"
            onRemove={() => setCooldown(i, undefined)}
          >
            <div className="sentence">
              Nothing for{' '}
              <Select
                label={`Rest period ${i + 1}: applies to`}
                value={c.scope}
                options={SCOPES}
                onChange={(scope) => setCooldown(i, { scope })}
              />{' '}
              for{' '}
              <NumberInput
                label={`Rest period ${i + 1}: days`}
                min={1}
                max={3650}
                value={c.days}
                onChange={(days) => days !== undefined && setCooldown(i, { days }, `cool:${i}:days`)}
                className="narrow"
              />{' '}
              days
            </div>
          </PolicyRule>
        ))}
        <Button
          className="btn-small"
          onClick={() =>
            onChange({
              ...config,
              cooldowns: [...config.cooldowns, { scope: 'action', after: ['declined'], days: 30 }],
            })
          }
        >
          + Add rest period
        </Button>
      </PanelSection>
    </>
  );
}

/**
 * One limit or rest period: its sentence (children), the outcomes it counts (never none), its problems
 * and a button to remove it.
 */
function PolicyRule({
  name,
  field,
  problems,
  outcomesLabel,
  outcomes,
  onOutcomes,
  removeLabel,
  onRemove,
  children,
}: {
  name: string;
  field: string;
  problems: ProblemLookup;
  outcomesLabel: string;
  outcomes: Outcome[];
  onOutcomes(outcomes: Outcome[]): void;
  removeLabel: string;
  onRemove(): void;
  children: ReactNode;
}) {
  return (
    <fieldset className={`policy-rule ${problems.has(field, true) ? 'row-invalid' : ''}`}>
      <legend className="sr-only">{name}</legend>
      {children}
      <CheckboxList
        label={outcomesLabel}
        options={OUTCOMES}
        selected={outcomes}
        onChange={(next) => next.length && onOutcomes(next)}
      />
      <FieldMessages messages={problems.messages(field, true)} />
      <Button variant="ghost" className="btn-small" onClick={onRemove}>
        {removeLabel}
      </Button>
    </fieldset>
  );
}
