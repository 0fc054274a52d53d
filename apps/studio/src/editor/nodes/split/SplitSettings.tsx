import { ConditionBuilder } from '../../conditions/ConditionBuilder';
import { Button, Field, NumberInput, TextInput } from '../../../shared/ui';
import { FieldMessages } from '../../field-messages';
import { patchAt } from '../../list-edits';
import type { ConfigOf, SettingsProps } from '../node-kind';
import { PanelSection } from '../panel-parts';

type SplitConfig = ConfigOf<'split'>;
type ByCondition = Extract<SplitConfig, { mode: 'condition' }>;
type ByPercentage = Extract<SplitConfig, { mode: 'percentage' }>;
const FACTS = ['customer', 'context'] as const;

/** A fresh branch id: edges hang on ids, so renaming a branch only changes its label. */
function freeId(base: string, taken: string[]): string {
  const slug =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'branch';
  for (let i = 1; ; i++) {
    const id = i === 1 ? slug : `${slug}-${i}`;
    if (!taken.includes(id) && id !== 'default' && id !== 'out') return id;
  }
}

export function SplitSettings({ config, onChange, problems }: SettingsProps<SplitConfig>) {
  return (
    <>
      <PanelSection title="How to split">
        <div role="radiogroup" aria-label="How to split" className="radio-cards">
          <ModeCard
            checked={config.mode === 'condition'}
            title="By segment"
            description="Customers go down the first branch whose rules they meet, else “default”."
            onSelect={() =>
              onChange({
                mode: 'condition',
                cases: [{ id: 'segment-a', label: 'Segment A', when: { all: [] } }],
              })
            }
          />
          <ModeCard
            checked={config.mode === 'percentage'}
            title="By percentage"
            description="Champion / challenger test; a customer always lands in the same branch."
            onSelect={() =>
              onChange({
                mode: 'percentage',
                salt: 'split-1',
                idField: 'id',
                branches: [
                  { id: 'champion', label: 'Champion', percent: 90 },
                  { id: 'challenger', label: 'Challenger', percent: 10 },
                ],
              })
            }
          />
        </div>
      </PanelSection>
      {config.mode === 'condition' ? (
        <CaseList config={config} onChange={onChange} problems={problems} />
      ) : (
        <BranchList config={config} onChange={onChange} problems={problems} />
      )}
    </>
  );
}

/** One way to split, as a radio button with its explanation. */
function ModeCard({
  checked,
  title,
  description,
  onSelect,
}: {
  checked: boolean;
  title: string;
  description: string;
  onSelect(): void;
}) {
  return (
    <label className={`radio-card ${checked ? 'checked' : ''}`}>
      <input type="radio" name="split-mode" checked={checked} onChange={onSelect} />
      <strong>{title}</strong>
      <span className="small muted">{description}</span>
    </label>
  );
}

function CaseList({
  config,
  onChange,
  problems,
}: Pick<SettingsProps<ByCondition>, 'config' | 'onChange' | 'problems'>) {
  const setCase = (i: number, patch: Partial<ByCondition['cases'][number]> | undefined, key?: string) =>
    onChange({ ...config, cases: patchAt(config.cases, i, patch) }, key);
  return (
    <PanelSection
      title="Branches"
      hint="Checked top to bottom; the first match wins. Customers matching none take the “default” exit."
    >
      {config.cases.map((c, i) => (
        <details key={c.id} className="scoped-entry" open>
          <summary>
            <span>
              {i + 1}. {c.label ?? c.id}
            </span>
            {config.cases.length > 1 && (
              <Button variant="ghost" className="btn-small" onClick={() => setCase(i, undefined)}>
                Remove
              </Button>
            )}
          </summary>
          <Field label="Branch name">
            <TextInput
              label={`Name of branch ${i + 1}`}
              value={c.label ?? ''}
              placeholder={c.id}
              onChange={(label) => setCase(i, { label: label || undefined }, `case:${i}:label`)}
            />
          </Field>
          <ConditionBuilder
            label={`Who goes down ${c.label ?? c.id}`}
            value={c.when}
            onChange={(when, key) => setCase(i, { when }, key)}
            facts={FACTS}
            problems={problems}
            field={`config.cases[${i}].when`}
          />
          <FieldMessages messages={problems.messages(`config.cases[${i}].id`)} />
        </details>
      ))}
      <Button
        className="btn-small"
        onClick={() => {
          const label = `Segment ${String.fromCharCode(65 + config.cases.length)}`;
          onChange({
            ...config,
            cases: [
              ...config.cases,
              {
                id: freeId(
                  label,
                  config.cases.map((c) => c.id),
                ),
                label,
                when: { all: [] },
              },
            ],
          });
        }}
      >
        + Add branch
      </Button>
    </PanelSection>
  );
}

function BranchList({
  config,
  onChange,
  problems,
}: Pick<SettingsProps<ByPercentage>, 'config' | 'onChange' | 'problems'>) {
  const total = config.branches.reduce((s, b) => s + b.percent, 0);
  const setBranch = (i: number, patch: Partial<ByPercentage['branches'][number]> | undefined, key?: string) =>
    onChange({ ...config, branches: patchAt(config.branches, i, patch) }, key);
  return (
    <PanelSection title="Branches" hint="Percentages of customers per branch; they must add up to 100.">
      <table className="grid-table">
        <thead>
          <tr>
            <th scope="col">Branch</th>
            <th scope="col">Share (%)</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {config.branches.map((b, i) => (
            <tr key={b.id}>
              <td>
                <TextInput
                  label={`Name of branch ${i + 1}`}
                  value={b.label ?? ''}
                  placeholder={b.id}
                  onChange={(label) => setBranch(i, { label: label || undefined }, `branch:${i}:label`)}
                />
              </td>
              <td>
                <NumberInput
                  label={`Share of ${b.label ?? b.id}`}
                  min={0}
                  max={100}
                  value={b.percent}
                  onChange={(percent) =>
                    percent !== undefined && setBranch(i, { percent }, `branch:${i}:percent`)
                  }
                  invalid={problems.has('config.branches')}
                />
              </td>
              <td>
                <Button
                  variant="ghost"
                  className="btn-icon"
                  disabled={config.branches.length <= 2}
                  aria-label={`Remove ${b.label ?? b.id}`}
                  title={config.branches.length <= 2 ? 'A split needs two branches' : 'Remove this branch'}
                  onClick={() => setBranch(i, undefined)}
                >
                  ×
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={Math.abs(total - 100) > 1e-9 ? 'field-error' : 'ok-text'} role="status">
        Total: {total}%{Math.abs(total - 100) > 1e-9 ? ' — must be 100%' : ' ✓'}
      </p>
      <Button
        className="btn-small"
        onClick={() =>
          onChange({
            ...config,
            branches: [
              ...config.branches,
              {
                id: freeId(
                  `variant ${config.branches.length + 1}`,
                  config.branches.map((b) => b.id),
                ),
                label: `Variant ${config.branches.length + 1}`,
                percent: 0,
              },
            ],
          })
        }
      >
        + Add branch
      </Button>
      <Field
        label="Shuffle key"
        hint="Changing it reassigns customers to branches; keep it while a test runs."
      >
        <TextInput
          label="Shuffle key"
          value={config.salt}
          onChange={(salt) => salt && onChange({ ...config, salt }, 'salt')}
        />
      </Field>
    </PanelSection>
  );
}
