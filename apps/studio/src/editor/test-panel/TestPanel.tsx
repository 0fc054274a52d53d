import { useMemo } from 'react';
import {
  actionsSelected,
  type ActionDefinition,
  type DecisionInput,
  type StrategyDocument,
} from '@arbiter/engine';
import { EXAMPLES } from '@arbiter/engine/examples';
import { Button, Field, Select } from '../../shared/ui';
import { Icon } from '../../shared/icons';
import { useEditorContext } from '../editor-context';
import { PanelSection } from '../nodes/panel-parts';
import { CustomerForm } from './CustomerForm';
import type { RunOutcome } from './run-strategy';
import { SavedTestCases } from './SavedTestCases';
import type { TestCase, TestCaseResult } from './test-cases';
import { TestResults } from './TestResults';
import { TraceSteps } from './TraceSteps';

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
  /** The action the outcome's trace follows. */
  followedAction?: string;
  onFocusAction(actionId: string | undefined): void;
  onSelectNode(nodeId: string): void;
  testCases: TestCase[];
  testResults: TestCaseResult[];
  onTestCasesChange(cases: TestCase[]): void;
}

/**
 * Samples that fit the strategy: the example customers of an example whose whole catalog is here and
 * some of whose actions the strategy's actions steps offer (a retail strategy gets no coupon drivers).
 */
export function exampleSamples(
  actions: readonly ActionDefinition[],
  doc: StrategyDocument | undefined,
): SampleChoice[] {
  const ids = new Set(actions.map((a) => a.id));
  const offered = new Set(actionsSelected(doc, actions).map((a) => a.id));
  return EXAMPLES.filter(
    (e) => e.actions.every((a) => ids.has(a.id)) && e.actions.some((a) => offered.has(a.id)),
  ).flatMap((e) => e.sampleInputs.map((s) => ({ name: s.name, input: s.input })));
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
    followedAction,
    onFocusAction,
    onSelectNode,
    testCases,
    testResults,
    onTestCasesChange,
  } = props;
  const examples = useMemo(() => exampleSamples(env.actions, doc), [env.actions, doc]);
  const choices = [
    ...testCases.map((c) => ({ value: `case:${c.id}`, label: `Test case: ${c.name}` })),
    ...examples.map((e, i) => ({ value: `example:${i}`, label: `Example: ${e.name}` })),
  ];
  const result = outcome?.ok ? outcome.result : undefined;
  return (
    <div className="test-panel">
      <PanelSection title="Test customer">
        <Field label="Start from" htmlFor="sample-pick">
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
        </Field>
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
      </PanelSection>

      {outcome && !outcome.ok && (
        <div className="callout callout-error" role="alert">
          {outcome.message}
        </div>
      )}
      {result && (
        <TestResults
          result={result}
          focusAction={focusAction}
          followedAction={followedAction}
          onFocusAction={onFocusAction}
          onSelectNode={onSelectNode}
        />
      )}
      {result?.trace && (
        <TraceSteps
          trace={result.trace}
          focusAction={focusAction}
          onSelectNode={onSelectNode}
          onFollow={onFocusAction}
        />
      )}
      <SavedTestCases
        sample={sample}
        result={result}
        testCases={testCases}
        testResults={testResults}
        onSampleChange={onSampleChange}
        onTestCasesChange={onTestCasesChange}
      />
    </div>
  );
}
