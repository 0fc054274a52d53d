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
  return (
    <>
      <PolicyRuleList
        title="How often at most"
        hint="Counts this customer's recorded contacts in the window; when the limit is reached, the action is held back."
        emptyText="No limits yet."
        ruleName="Limit"
        field="config.limits"
        rules={config.limits}
        onChange={(limits, key) => onChange({ ...config, limits }, key)}
        problems={problems}
        outcomesLabel="Count contacts that were"
        outcomesKey="count"
        removeLabel="Remove this limit"
        addLabel="+ Add limit"
        newRule={{ scope: 'group', max: 2, windowDays: 7, count: ['shown'] }}
        sentence={(l, i, setLimit) => (
          <>
            At most{' '}
            <NumberInput
              label={`Limit ${i + 1}: maximum contacts`}
              integer
              min={0}
              max={1000}
              value={l.max}
              onChange={(max) => max !== undefined && setLimit({ max }, `limit:${i}:max`)}
              className="narrow"
            />{' '}
            contacts for{' '}
            <Select
              label={`Limit ${i + 1}: counted per`}
              value={l.scope}
              options={SCOPES}
              onChange={(scope) => setLimit({ scope })}
            />{' '}
            within{' '}
            <NumberInput
              label={`Limit ${i + 1}: window in days`}
              min={1}
              max={3650}
              value={l.windowDays}
              onChange={(windowDays) =>
                windowDays !== undefined && setLimit({ windowDays }, `limit:${i}:window`)
              }
              className="narrow"
            />{' '}
            days
          </>
        )}
      />
      <PolicyRuleList
        title="Rest after a no"
        hint="After the customer said no, leave them alone for a while."
        emptyText="No rest periods yet."
        ruleName="Rest period"
        field="config.cooldowns"
        rules={config.cooldowns}
        onChange={(cooldowns, key) => onChange({ ...config, cooldowns }, key)}
        problems={problems}
        outcomesLabel="after the customer"
        outcomesKey="after"
        removeLabel="Remove this rest period"
        addLabel="+ Add rest period"
        newRule={{ scope: 'action', after: ['declined'], days: 30 }}
        sentence={(c, i, setCooldown) => (
          <>
            Nothing for{' '}
            <Select
              label={`Rest period ${i + 1}: applies to`}
              value={c.scope}
              options={SCOPES}
              onChange={(scope) => setCooldown({ scope })}
            />{' '}
            for{' '}
            <NumberInput
              label={`Rest period ${i + 1}: days`}
              min={1}
              max={3650}
              value={c.days}
              onChange={(days) => days !== undefined && setCooldown({ days }, `cool:${i}:days`)}
              className="narrow"
            />{' '}
            days
          </>
        )}
      />
    </>
  );
}

/**
 * The limits or the rest periods: each rule with its sentence, the outcomes it counts (never none), its
 * problems and a button to remove it; a line when there is none, and a button to add one.
 */
function PolicyRuleList<Rule extends Limit | Cooldown>({
  title,
  hint,
  emptyText,
  ruleName,
  field,
  rules,
  onChange,
  problems,
  outcomesLabel,
  outcomesKey,
  removeLabel,
  addLabel,
  newRule,
  sentence,
}: {
  title: string;
  hint: string;
  emptyText: string;
  /** "Limit": the rules are named "Limit 1", "Limit 2", … */
  ruleName: string;
  field: string;
  rules: Rule[];
  onChange(rules: Rule[], coalesceKey?: string): void;
  problems: ProblemLookup;
  outcomesLabel: string;
  /** The setting that holds the outcomes a rule counts. */
  outcomesKey: keyof Rule & ('count' | 'after');
  removeLabel: string;
  addLabel: string;
  newRule: Rule;
  /** The words and inputs of rule `i`; `set` patches it. */
  sentence(rule: Rule, i: number, set: (patch: Partial<Rule>, coalesceKey?: string) => void): ReactNode;
}) {
  const setRule = (i: number, patch: Partial<Rule> | undefined, key?: string) =>
    onChange(patchAt(rules, i, patch), key);
  return (
    <PanelSection title={title} hint={hint}>
      {rules.length === 0 && <p className="muted small">{emptyText}</p>}
      {rules.map((rule, i) => {
        const at = `${field}[${i}]`;
        return (
          <fieldset key={i} className={`policy-rule ${problems.has(at, true) ? 'row-invalid' : ''}`}>
            <legend className="sr-only">{`${ruleName} ${i + 1}`}</legend>
            <div className="sentence">{sentence(rule, i, (patch, key) => setRule(i, patch, key))}</div>
            <CheckboxList
              label={outcomesLabel}
              options={OUTCOMES}
              selected={rule[outcomesKey] as Outcome[]}
              onChange={(next) => next.length && setRule(i, { [outcomesKey]: next } as Partial<Rule>)}
            />
            <FieldMessages messages={problems.messages(at, true)} />
            <Button variant="ghost" className="btn-small" onClick={() => setRule(i, undefined)}>
              {removeLabel}
            </Button>
          </fieldset>
        );
      })}
      <Button className="btn-small" onClick={() => onChange([...rules, newRule])}>
        {addLabel}
      </Button>
    </PanelSection>
  );
}
