import { NumberInput, Select } from '../../../shared/ui';
import type { ConfigOf, SettingsProps } from '../node-kind';
import { CheckboxList, PanelSection } from '../panel-parts';

type ContactPolicyConfig = ConfigOf<'contactPolicy'>;
type Scope = ContactPolicyConfig['limits'][number]['scope'];
type Outcome = ContactPolicyConfig['limits'][number]['count'][number];

const SCOPES: { value: Scope; label: string }[] = [
  { value: 'action', label: 'the same action' },
  { value: 'group', label: 'the same group' },
  { value: 'channel', label: 'the same channel' },
  { value: 'all', label: 'any action' },
];
const OUTCOMES: { value: Outcome; label: string }[] = [
  { value: 'shown', label: 'shown' },
  { value: 'declined', label: 'declined' },
  { value: 'ignored', label: 'ignored' },
  { value: 'clicked', label: 'clicked' },
  { value: 'accepted', label: 'accepted' },
  { value: 'converted', label: 'converted' },
];

export function ContactPolicySettings({ config, onChange, problems }: SettingsProps<ContactPolicyConfig>) {
  const setLimit = (
    i: number,
    patch: Partial<ContactPolicyConfig['limits'][number]> | undefined,
    key?: string,
  ) =>
    onChange(
      {
        ...config,
        limits: patch
          ? config.limits.map((l, j) => (j === i ? { ...l, ...patch } : l))
          : config.limits.filter((_, j) => j !== i),
      },
      key,
    );
  const setCooldown = (
    i: number,
    patch: Partial<ContactPolicyConfig['cooldowns'][number]> | undefined,
    key?: string,
  ) =>
    onChange(
      {
        ...config,
        cooldowns: patch
          ? config.cooldowns.map((c, j) => (j === i ? { ...c, ...patch } : c))
          : config.cooldowns.filter((_, j) => j !== i),
      },
      key,
    );
  return (
    <>
      <PanelSection
        title="How often at most"
        hint="Counts this customer's recorded contacts in the window; when the limit is reached, the action is held back."
      >
        {config.limits.length === 0 && <p className="muted small">No limits yet.</p>}
        {config.limits.map((l, i) => (
          <fieldset
            key={i}
            className={`policy-rule ${problems.has(`config.limits[${i}]`, true) ? 'row-invalid' : ''}`}
          >
            <legend className="sr-only">Limit {i + 1}</legend>
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
            <CheckboxList
              label="Count contacts that were"
              options={OUTCOMES}
              selected={l.count}
              onChange={(count) => count.length && setLimit(i, { count })}
            />
            {problems.messages(`config.limits[${i}]`, true).map((m) => (
              <div key={m} className="field-error">
                {m}
              </div>
            ))}
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setLimit(i, undefined)}>
              Remove this limit
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() =>
            onChange({
              ...config,
              limits: [...config.limits, { scope: 'group', max: 2, windowDays: 7, count: ['shown'] }],
            })
          }
        >
          + Add limit
        </button>
      </PanelSection>
      <PanelSection title="Rest after a no" hint="After the customer said no, leave them alone for a while.">
        {config.cooldowns.length === 0 && <p className="muted small">No rest periods yet.</p>}
        {config.cooldowns.map((c, i) => (
          <fieldset
            key={i}
            className={`policy-rule ${problems.has(`config.cooldowns[${i}]`, true) ? 'row-invalid' : ''}`}
          >
            <legend className="sr-only">Rest period {i + 1}</legend>
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
            <CheckboxList
              label="after the customer"
              options={OUTCOMES}
              selected={c.after}
              onChange={(after) => after.length && setCooldown(i, { after })}
            />
            {problems.messages(`config.cooldowns[${i}]`, true).map((m) => (
              <div key={m} className="field-error">
                {m}
              </div>
            ))}
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => setCooldown(i, undefined)}
            >
              Remove this rest period
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() =>
            onChange({
              ...config,
              cooldowns: [...config.cooldowns, { scope: 'action', after: ['declined'], days: 30 }],
            })
          }
        >
          + Add rest period
        </button>
      </PanelSection>
    </>
  );
}
