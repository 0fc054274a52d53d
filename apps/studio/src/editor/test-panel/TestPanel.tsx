import { useMemo, useState } from 'react';
import type { DecisionInput, DecisionResult } from '@arbiter/engine';
import { EXAMPLES } from '@arbiter/engine/examples';
import { Button, EmptyState, Select, TextInput } from '../../shared/ui';
import { Icon } from '../../shared/icons';
import { useEditorContext } from '../editor-context';
import { nodeKind } from '../nodes/registry';
import { CustomerForm } from './CustomerForm';
import type { TestCase, TestCaseResult } from './test-cases';
import { traceInWords, whereDropped } from './trace-words';
import type { RunOutcome } from './run-strategy';

export interface SampleChoice {
  name: string;
  input: DecisionInput;
}

interface TestPanelProps {
  sample: SampleChoice;
  onSampleChange(sample: SampleChoice): void;
  outcome?: RunOutcome;
  onRun(): void;
  onClear(): void;
  focusAction?: string;
  onFocusAction(actionId: string | undefined): void;
  onSelectNode(nodeId: string): void;
  testCases: TestCase[];
  testResults: TestCaseResult[];
  onTestCasesChange(cases: TestCase[]): void;
}

/** Samples that fit the catalog: the example customers written for it. */
export function exampleSamples(actionIds: readonly string[]): SampleChoice[] {
  const ids = new Set(actionIds);
  return EXAMPLES.filter((e) => e.actions.every((a) => ids.has(a.id))).flatMap((e) =>
    e.sampleInputs.map((s) => ({ name: s.name, input: s.input })),
  );
}

export function TestPanel(props: TestPanelProps) {
  const { env, doc } = useEditorContext();
  const {
    sample,
    onSampleChange,
    outcome,
    onRun,
    onClear,
    focusAction,
    onFocusAction,
    onSelectNode,
    testCases,
    testResults,
    onTestCasesChange,
  } = props;
  const examples = useMemo(() => exampleSamples(env.actions.map((a) => a.id)), [env.actions]);
  const choices = [
    ...testCases.map((c) => ({ value: `case:${c.id}`, label: `Test case: ${c.name}` })),
    ...examples.map((e, i) => ({ value: `example:${i}`, label: `Example: ${e.name}` })),
  ];
  const [newName, setNewName] = useState('');
  const result = outcome?.ok ? outcome.result : undefined;
  const names = new Map(env.actions.map((a) => [a.id, a.name]));
  return (
    <div className="test-panel">
      <section className="panel-section" aria-label="Test customer">
        <h3>Test customer</h3>
        <div className="field">
          <label className="field-label" htmlFor="sample-pick">
            Start from
          </label>
          <Select
            id="sample-pick"
            label="Start from"
            value=""
            options={[
              {
                value: '',
                label: choices.length ? 'Pick a saved or example customer…' : 'No saved customers yet',
              },
              ...choices,
            ]}
            onChange={(v) => {
              const [kind, id] = v.split(':');
              if (kind === 'case') {
                const c = testCases.find((x) => x.id === id);
                if (c) onSampleChange({ name: c.name, input: c.input });
              } else if (kind === 'example') {
                const e = examples[Number(id)];
                if (e) onSampleChange(e);
              }
            }}
          />
        </div>
        <p className="small">
          Now testing: <strong>{sample.name}</strong>
        </p>
        <details>
          <summary>Edit this customer</summary>
          <CustomerForm
            value={sample.input}
            onChange={(input) =>
              onSampleChange({
                name: sample.name.endsWith('(edited)') ? sample.name : `${sample.name} (edited)`,
                input,
              })
            }
            customerFields={env.schema.customer ?? []}
            contextFields={env.schema.context ?? []}
          />
        </details>
        <div className="button-row">
          <Button
            variant="primary"
            onClick={onRun}
            shortcut="Ctrl+Enter"
            title="Run the strategy for this customer"
          >
            <Icon name="play" size={14} /> Run test
          </Button>
          {outcome && (
            <Button variant="ghost" onClick={onClear} title="Hide the test run on the canvas">
              Clear
            </Button>
          )}
        </div>
      </section>

      {outcome && !outcome.ok && (
        <div className="callout callout-error" role="alert">
          {outcome.message}
        </div>
      )}
      {result && (
        <Results result={result} names={names} focusAction={focusAction} onFocusAction={onFocusAction} />
      )}
      {result?.trace && (
        <section className="panel-section" aria-label="Why: the path through the strategy">
          <h3>Why: step by step</h3>
          <ol className="trace-steps">
            {traceInWords(result.trace, doc, env.actions).map((step) => (
              <li
                key={step.nodeId}
                className={
                  focusAction && step.dropped.some((d) => d.actionId === focusAction) ? 'trace-focus' : ''
                }
              >
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onSelectNode(step.nodeId)}
                  title="Show this step on the canvas"
                >
                  {step.title}
                </button>
                : {step.text}
                {step.notes.map((n) => (
                  <div key={n} className="muted small">
                    {n}
                  </div>
                ))}
                {step.dropped.length > 0 && (
                  <ul className="dropped-list">
                    {step.dropped.map((d) => (
                      <li key={d.actionId} className={d.actionId === focusAction ? 'dropped-focus' : ''}>
                        <strong>{d.name}</strong> left: {d.reason}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className="panel-section" aria-label="Saved test cases">
        <h3>Saved test cases</h3>
        <p className="muted small">Each one checks which action comes first. They run after every save.</p>
        {testCases.length === 0 && (
          <EmptyState title="No test cases yet">
            Run a customer, then save it here with the action you expect first.
          </EmptyState>
        )}
        <ul className="test-cases">
          {testResults.map((r) => (
            <li key={r.testCase.id} className={r.passed ? 'test-pass' : 'test-fail'}>
              <span className="test-status" aria-label={r.passed ? 'passed' : 'failed'}>
                {r.passed ? '✓' : '✗'}
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => onSampleChange({ name: r.testCase.name, input: r.testCase.input })}
              >
                {r.testCase.name}
              </button>
              <span className="small"> — {r.message}</span>
              <button
                type="button"
                className="btn btn-ghost btn-icon"
                aria-label={`Delete test case ${r.testCase.name}`}
                title="Delete this test case"
                onClick={() => onTestCasesChange(testCases.filter((c) => c.id !== r.testCase.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {result && (
          <div className="add-row">
            <TextInput
              label="Name of the new test case"
              value={newName}
              placeholder={sample.name}
              onChange={setNewName}
            />
            <Button
              onClick={() => {
                const name = newName.trim() || sample.name;
                onTestCasesChange([
                  ...testCases,
                  {
                    id: Date.now().toString(36),
                    name,
                    input: sample.input,
                    expectedTopAction: result.recommendations[0]?.actionId ?? null,
                  },
                ]);
                setNewName('');
              }}
              title="Save this customer; the current first action becomes the expected one"
            >
              Save as test case (expects{' '}
              {result.recommendations[0]
                ? `“${names.get(result.recommendations[0].actionId) ?? result.recommendations[0].actionId}”`
                : 'nothing'}
              )
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}

function Results({
  result,
  names,
  focusAction,
  onFocusAction,
}: {
  result: DecisionResult;
  names: Map<string, string>;
  focusAction?: string;
  onFocusAction(id: string | undefined): void;
}) {
  const { doc } = useEditorContext();
  const stepTitle = (id: string) => {
    const node = doc.nodes.find((n) => n.id === id);
    return node ? (node.label ?? nodeKind(node.type)?.displayName ?? node.type) : id;
  };
  const dropped = result.trace
    ? [...new Set(result.trace.nodes.flatMap((n) => (n.dropped ?? []).map((d) => d.actionId)))]
    : [];
  return (
    <section className="panel-section" aria-label="Recommended actions">
      <h3>Recommended</h3>
      {result.recommendations.length === 0 ? (
        <p className="callout">
          Nothing is recommended for this customer. See below where the actions dropped out.
        </p>
      ) : (
        <ol className="recommendations">
          {result.recommendations.map((r) => (
            <li key={r.actionId}>
              <span className="rank-pos">{r.rank}</span>
              <span className="rec-name">
                <strong>{r.name}</strong>
                <span className="muted small">{[r.group, r.channel].filter(Boolean).join(' · ')}</span>
              </span>
              <span className="rec-numbers small">
                {r.propensity !== undefined && <>propensity {r.propensity.toFixed(2)} · </>}
                {r.priority !== undefined && <>priority {r.priority.toFixed(2)}</>}
              </span>
            </li>
          ))}
        </ol>
      )}
      {dropped.length > 0 && result.trace && (
        <div className="field">
          <label className="field-label" htmlFor="focus-action">
            Follow an action that was left out
          </label>
          <Select
            id="focus-action"
            label="Follow an action that was left out"
            value={focusAction ?? ''}
            options={[
              { value: '', label: 'Choose an action…' },
              ...dropped.map((id) => ({ value: id, label: names.get(id) ?? id })),
            ]}
            onChange={(v) => onFocusAction(v || undefined)}
          />
          {focusAction &&
            (() => {
              const where = whereDropped(result.trace!, focusAction);
              return where ? (
                <p className="callout callout-warning" role="status">
                  <strong>{names.get(focusAction) ?? focusAction}</strong> left at “{stepTitle(where.nodeId)}
                  ”: {where.reason}
                </p>
              ) : null;
            })()}
        </div>
      )}
    </section>
  );
}
