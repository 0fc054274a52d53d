import { useEffect, useRef, useState } from 'react';
import type {
  DecisionInput,
  StrategyDocument,
  StrategyEnvironment,
  ValidationProblem,
} from '@arbiter/engine';
import type { RunOutcome } from '../test-panel/run-strategy';
import type { CheckResult } from './run-checks';
import { StrategyChecker } from './strategy-checker';

/** Pause after the last edit before checking again: typing a value is one check, not one per key. */
export const CHECK_DELAY_MS = 150;

export interface StrategyChecks {
  /** The problems of the latest document checked; undefined until the first check is done. */
  problems: ValidationProblem[] | undefined;
  /** The live test of the latest document checked; undefined when the test is off. */
  outcome: RunOutcome | undefined;
  /** The action whose full story the outcome's trace tells. */
  followed: string | undefined;
  /** True while the document shown is newer than the one the problems and the test belong to. */
  checking: boolean;
}

/** Validation and the live test of the draft, run off the main thread and after a pause in typing. */
export function useStrategyChecks(
  doc: StrategyDocument,
  env: StrategyEnvironment,
  input: DecisionInput | undefined,
  follow?: string,
): StrategyChecks {
  const [checked, setChecked] = useState<CheckResult>();
  const [checking, setChecking] = useState(true);
  const [checker, setChecker] = useState<StrategyChecker>();
  const latest = useRef(0);
  const first = useRef(true);
  useEffect(() => {
    const created = new StrategyChecker((result) => {
      setChecked(result);
      if (result.id === latest.current) setChecking(false);
    });
    setChecker(created);
    return () => created.dispose();
  }, []);
  useEffect(() => checker?.setEnvironment(env), [checker, env]);
  useEffect(() => {
    if (!checker) return;
    setChecking(true);
    // No check asked yet for this document: an earlier check answering meanwhile must not end "checking".
    latest.current = NaN;
    const run = () => (latest.current = checker.check(doc, input, follow));
    // The first check runs at once; later ones wait for a pause in the edits.
    if (first.current) {
      first.current = false;
      run();
      return;
    }
    const timer = setTimeout(run, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [checker, doc, env, input, follow]);
  return {
    problems: checked?.problems,
    outcome: input ? checked?.outcome : undefined,
    followed: checked?.follow,
    checking,
  };
}
