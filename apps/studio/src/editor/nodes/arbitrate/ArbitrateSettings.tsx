import { useMemo, useRef } from 'react';
import { setNodeConfig } from '../../document-edits';
import { ConditionBuilder } from '../../conditions/ConditionBuilder';
import { rankingAfter, type RankedEntry } from '../../test-panel/run-strategy';
import { Button, Field, Slider, TextInput } from '../../../shared/ui';
import { FieldMessages } from '../../field-messages';
import { patchAt } from '../../list-edits';
import type { ConfigOf, SettingsProps } from '../node-kind';
import { PanelSection } from '../panel-parts';
import { AddScopedEntry, putScoped, scopedEntries, type ScopeKey } from '../scoped-list';

type ArbitrateConfig = ConfigOf<'arbitrate'>;
type ContextWeight = ArbitrateConfig['contextWeights'][number];
const FACTS = ['customer', 'context', 'action', 'fields'] as const;

export function ArbitrateSettings({
  nodeId,
  config,
  onChange,
  problems,
  context,
}: SettingsProps<ArbitrateConfig>) {
  const set = (patch: Partial<ArbitrateConfig>, key?: string) => onChange({ ...config, ...patch }, key);
  const { actions } = context.env;
  const levers = scopedEntries(config.levers, actions);
  const setLever = (key: ScopeKey, name: string, weight: number | undefined) =>
    set({ levers: putScoped(config.levers, key, name, weight) }, `lever:${key}:${name}`);
  return (
    <>
      <PanelSection
        title="Balance relevance and value"
        hint="priority = propensity^a × value^b × context weights × levers. 0 ignores a term, 1 counts it as is, above 1 makes it count more."
      >
        <ExponentSlider
          label="Customer relevance (a)"
          value={config.propensityWeight}
          onChange={(v) => set({ propensityWeight: v }, 'propensityWeight')}
        />
        <ExponentSlider
          label="Business value (b)"
          value={config.valueWeight}
          onChange={(v) => set({ valueWeight: v }, 'valueWeight')}
        />
        <FieldMessages messages={problems.messages('config', true).filter((m) => m.includes('between'))} />
      </PanelSection>
      <RankingPreview nodeId={nodeId} config={config} context={context} />
      <PanelSection
        title="Levers"
        hint="Push a group or an action up (above 1) or down (below 1) for business reasons, e.g. this quarter's focus or low stock."
      >
        {levers.length === 0 && <p className="muted small">No levers: every action counts the same.</p>}
        {levers.map((l) => (
          <div key={`${l.key}:${l.name}`} className="lever-row">
            <Slider
              label={l.title}
              min={0}
              max={3}
              step={0.05}
              value={l.value}
              onChange={(v) => setLever(l.key, l.name, v)}
              format={(v) => `×${v}`}
            />
            <Button
              variant="ghost"
              className="btn-icon"
              aria-label={`Remove lever for ${l.title}`}
              onClick={() => setLever(l.key, l.name, undefined)}
            >
              ×
            </Button>
          </div>
        ))}
        <AddScopedEntry
          label="Add a lever for"
          actions={actions}
          taken={config.levers}
          onAdd={(key, name) => setLever(key, name, 1.2)}
        />
      </PanelSection>
      <PanelSection
        title="Context weights"
        hint="When a situation applies, multiply the priority, e.g. ×1.5 for call-center actions while the customer is on the phone."
      >
        {config.contextWeights.map((w, i) => {
          const setWeight = (patch: Partial<ContextWeight> | undefined, key?: string) =>
            set({ contextWeights: patchAt(config.contextWeights, i, patch) }, key);
          return (
            <details key={i} className="scoped-entry" open>
              <summary>
                <span>
                  ×{w.weight} {w.label ? `— ${w.label}` : ''}
                </span>
                <Button variant="ghost" className="btn-small" onClick={() => setWeight(undefined)}>
                  Remove
                </Button>
              </summary>
              <Field label="Name">
                <TextInput
                  label={`Name of context weight ${i + 1}`}
                  value={w.label ?? ''}
                  placeholder="e.g. customer is on the phone"
                  onChange={(label) => setWeight({ label: label || undefined }, `cw:${i}:label`)}
                />
              </Field>
              <Slider
                label="Weight"
                min={0}
                max={5}
                step={0.05}
                value={w.weight}
                onChange={(weight) => setWeight({ weight }, `cw:${i}:weight`)}
                format={(v) => `×${v}`}
              />
              <ConditionBuilder
                label={`When context weight ${i + 1} applies`}
                value={w.when}
                onChange={(when, key) => setWeight({ when }, key)}
                facts={FACTS}
                problems={problems}
                field={`config.contextWeights[${i}].when`}
              />
            </details>
          );
        })}
        <Button
          className="btn-small"
          onClick={() =>
            set({ contextWeights: [...config.contextWeights, { when: { all: [] }, weight: 1.5 }] })
          }
        >
          + Add context weight
        </Button>
      </PanelSection>
    </>
  );
}

/** The power a term of the priority is raised to. */
function ExponentSlider({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange(v: number): void;
}) {
  return <Slider label={label} min={0} max={5} step={0.1} value={value} onChange={onChange} />;
}

/** How the ranking of the test customer changes against the settings this panel was opened with. */
function RankingPreview({
  nodeId,
  config,
  context,
}: Pick<SettingsProps<ArbitrateConfig>, 'nodeId' | 'config' | 'context'>) {
  const baselineConfig = useRef(config);
  const sample = context.sample;
  const { before, after } = useMemo(() => {
    if (!sample) return { before: undefined, after: undefined };
    const run = (c: ArbitrateConfig) =>
      rankingAfter(setNodeConfig(context.doc, nodeId, c), context.env, nodeId, sample.input);
    return { before: run(baselineConfig.current), after: run(config) };
  }, [sample, context.doc, context.env, nodeId, config]);
  return (
    <PanelSection
      title="Live preview"
      hint={
        sample
          ? `Ranking at this step for “${sample.name}”, compared with when you opened this panel.`
          : undefined
      }
    >
      {!sample && (
        <p className="muted small">
          Choose a test customer in the Test tab to see how these settings change their ranking.
        </p>
      )}
      {typeof after === 'string' && <p className="muted small">{after}</p>}
      {Array.isArray(after) && after.length === 0 && (
        <p className="muted small">No candidates reach this step for this customer.</p>
      )}
      {Array.isArray(after) && after.length > 0 && (
        <RankingList after={after} before={Array.isArray(before) ? before : []} />
      )}
      {Array.isArray(after) && Array.isArray(before) && (
        <Button variant="ghost" className="btn-small" onClick={() => (baselineConfig.current = config)}>
          Compare with these settings from now on
        </Button>
      )}
    </PanelSection>
  );
}

function RankingList({ before, after }: { before: RankedEntry[]; after: RankedEntry[] }) {
  const max = Math.max(...after.map((e) => e.priority), 1e-12);
  return (
    <ol className="ranking-preview" aria-label="Ranking preview">
      {after.map((entry, i) => {
        const was = before.findIndex((b) => b.actionId === entry.actionId);
        const move = was === -1 ? 0 : was - i;
        return (
          <li key={entry.actionId}>
            <span className="rank-pos">{i + 1}</span>
            <span className="rank-name" title={entry.actionId}>
              {entry.name}
            </span>
            <span className="rank-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(2, (entry.priority / max) * 100)}%` }} />
            </span>
            <span className="rank-value">{formatPriority(entry.priority)}</span>
            <span
              className={`rank-move ${move > 0 ? 'up' : move < 0 ? 'down' : ''}`}
              aria-label={move > 0 ? `up ${move}` : move < 0 ? `down ${-move}` : 'unchanged'}
            >
              {move > 0 ? `▲${move}` : move < 0 ? `▼${-move}` : '–'}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function formatPriority(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(2);
}
