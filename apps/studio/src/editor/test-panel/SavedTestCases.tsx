import { useState } from 'react';
import type { DecisionResult } from '@arbiter/engine';
import { Button, EmptyState, TextInput } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import { PanelSection } from '../nodes/panel-parts';
import type { TestCase, TestCaseResult } from './test-cases';
import type { SampleChoice } from './TestPanel';

/** Saved customers with the action expected first; they run after every save. */
export function SavedTestCases({
  sample,
  result,
  testCases,
  testResults,
  onSampleChange,
  onTestCasesChange,
}: {
  sample: SampleChoice;
  result: DecisionResult | undefined;
  testCases: TestCase[];
  testResults: TestCaseResult[];
  onSampleChange(sample: SampleChoice): void;
  onTestCasesChange(cases: TestCase[]): void;
}) {
  const { env } = useEditorContext();
  const [newName, setNewName] = useState('');
  const first = result?.recommendations[0];
  const firstName = first
    ? (env.actions.find((a) => a.id === first.actionId)?.name ?? first.actionId)
    : undefined;
  return (
    <PanelSection
      title="Saved test cases"
      hint="Each one checks which action comes first. They run after every save."
    >
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
            <Button
              variant="ghost"
              className="btn-icon"
              aria-label={`Delete test case ${r.testCase.name}`}
              title="Delete this test case"
              onClick={() => onTestCasesChange(testCases.filter((c) => c.id !== r.testCase.id))}
            >
              ×
            </Button>
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
                  expectedTopAction: first?.actionId ?? null,
                },
              ]);
              setNewName('');
            }}
            title="Save this customer; the current first action becomes the expected one"
          >
            Save as test case (expects {firstName ? `“${firstName}”` : 'nothing'})
          </Button>
        </div>
      )}
    </PanelSection>
  );
}
