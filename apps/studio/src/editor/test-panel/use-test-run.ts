import { useMemo, useState } from 'react';
import type { StrategyDocument } from '@arbiter/engine';
import type { EditorEnvironment } from '../editor-context';
import { sampleFromSchema } from './sample-customer';
import { checkTestCases, TestCaseStore, type TestCase } from './test-cases';
import { exampleSamples, type SampleChoice } from './TestPanel';

/** The test customer, whether the live test is on, the action followed, and the saved test cases. */
export function useTestRun(
  strategyId: string,
  env: EditorEnvironment,
  savedDoc: StrategyDocument | undefined,
) {
  const [sample, setSample] = useState<SampleChoice>(
    () =>
      exampleSamples(env.actions, savedDoc)[0] ?? {
        name: 'Sample customer',
        input: sampleFromSchema(env.schema, savedDoc),
      },
  );
  const [live, setLive] = useState(false);
  const [focusAction, setFocusAction] = useState<string>();
  const [store] = useState(() => new TestCaseStore());
  const [testCases, setTestCases] = useState<TestCase[]>(() => store.list(strategyId));
  // Saved test cases run against every saved version of the draft.
  const testResults = useMemo(
    () => (savedDoc ? checkTestCases(savedDoc, env, testCases) : []),
    [savedDoc, env, testCases],
  );
  return {
    sample,
    chooseSample(next: SampleChoice) {
      setSample(next);
      setFocusAction(undefined);
    },
    live,
    start: () => setLive(true),
    stop() {
      setLive(false);
      setFocusAction(undefined);
    },
    focusAction,
    setFocusAction,
    testCases,
    testResults,
    saveTestCases(cases: TestCase[]) {
      setTestCases(cases);
      store.save(strategyId, cases);
    },
  };
}

export type TestRun = ReturnType<typeof useTestRun>;
