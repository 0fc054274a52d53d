import { ConditionBuilder } from '../../conditions/ConditionBuilder';
import { Button, Field, NumberInput, TableHead, TextInput, unseen } from '../../../shared/ui';
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

/** The ways to split, with the settings a split starts from when the designer picks one. */
const MODES: { mode: SplitConfig['mode']; title: string; description: string; start(): SplitConfig }[] = [
  {
    mode: 'condition',
    title: 'By segment',
    description: 'Customers go down the first branch whose rules they meet, else “default”.',
    start: () => ({ mode: 'condition', cases: [{ id: 'segment-a', label: 'Segment A', when: { all: [] } }] }),
  },
  {
    mode: 'percentage',
    title: 'By percentage',
    description: 'Champion / challenger test; a customer always lands in the same branch.',
    start: () => ({
      mode: 'percentage',
      salt: 'split-1',
      idField: 'id',
      branches: [
        { id: 'champion', label: 'Champion', percent: 90 },
        { id: 'challenger', label: 'Challenger', percent: 10 },
      ],
    }),
  },
];

/** A new branch called `label`, with an id of its own among `branches`. */
function namedBranch(label: string, branches: readonly { id: string }[]): { id: string; label: string } {
  const taken = branches.map((b) => b.id);
  return { id: freeId(label, taken), label };
}

export function SplitSettings({ config, onChange, problems }: SettingsProps<SplitConfig>) {
  return (
    <>
      <PanelSection title="How to split">
        <div role="radiogroup" aria-label="How to split" className="radio-cards">
          {MODES.map((m) => (
            <ModeCard
              key={m.mode}
              checked={config.mode === m.mode}
              title={m.title}
              description={m.description}
              onSelect={() => onChange(m.start())}
            />
          ))}
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

/** The name of branch `index`; left empty, the branch goes by its id. */
function BranchName({
  index,
  branch,
  onRename,
}: {
  index: number;
  branch: { id: string; label?: string };
  onRename(label: string | undefined): void;
}) {
  return (
    <TextInput
      label={`Name of branch ${index + 1}`}
      value={branch.label ?? ''}
      placeholder={branch.id}
      onChange={(label) => onRename(label || undefined)}
    />
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
            <BranchName index={i} branch={c} onRename={(label) => setCase(i, { label }, `case:${i}:label`)} />
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
          const segment = namedBranch(
            `Segment ${String.fromCharCode(65 + config.cases.length)}`,
            config.cases,
          );
          onChange({ ...config, cases: [...config.cases, { ...segment, when: { all: [] } }] });
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
        <TableHead columns={['Branch', 'Share (%)', unseen('Remove')]} />
        <tbody>
          {config.branches.map((b, i) => (
            <tr key={b.id}>
              <td>
                <BranchName
                  index={i}
                  branch={b}
                  onRename={(label) => setBranch(i, { label }, `branch:${i}:label`)}
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
        onClick={() => {
          const variant = namedBranch(`Variant ${config.branches.length + 1}`, config.branches);
          onChange({ ...config, branches: [...config.branches, { ...variant, percent: 0 }] });
        }}
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
